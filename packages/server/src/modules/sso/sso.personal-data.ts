import type { PersonalDataDecision, RetentionStep } from "../../kernel/privacy.js";
import { daysBefore } from "../../kernel/privacy.js";
import { ssoRepository as repo } from "./sso.repository.js";

export const ssoPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "SsoLogin",
    personColumns: ["userId"],
    export: { untouched: "a sign-in in progress (hashes, PKCE verifier, nonce); nothing a person can read" },
    erase: { untouched: "the account stays when its contact is erased; rows go with the account (cascade) and by retention" },
  },
];

/** Sign-ins in progress are kept a day past their expiry, for the log's sake, then deleted. */
export const ssoRetention: RetentionStep = {
  name: "ssoLogins",
  run: async (tx, now) => ({ ssoLoginsDeleted: await repo.deleteEnded(tx, daysBefore(now, 1)) }),
};
