import type { PersonalDataDecision, RetentionStep } from "../../kernel/privacy.js";
import { daysBefore } from "../../kernel/privacy.js";
import { ssoRepository as repo } from "./sso.repository.js";

export const ssoPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "SsoLogin",
    personColumns: ["userId"],
    export: { untouched: "a sign-in in progress (hashes, PKCE verifier, nonce); nothing a person can read" },
    // An erased account keeps its row (references read "erased person"), so nothing cascades.
    erase: (tx, { userIds }) => repo.deleteForUsers(tx, userIds),
  },
];

/** Sign-ins in progress are kept a day past their expiry, for the log's sake, then deleted. */
export const ssoRetention: RetentionStep = {
  name: "ssoLogins",
  run: async (tx, now) => ({ ssoLoginsDeleted: await repo.deleteEnded(tx, daysBefore(now, 1)) }),
};
