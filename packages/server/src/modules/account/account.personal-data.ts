import { daysBefore, type PersonalDataDecision, type RetentionStep } from "../../kernel/privacy.js";
import { accountRepository as repo } from "./account.repository.js";

/** One-time links belong to an account (staff or an ally's login), not to a contact. */
export const accountPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "AccountToken",
    personColumns: ["userId"],
    export: { untouched: "hashes and times of set-password links; nothing a person can read" },
    erase: {
      untouched: "the account stays when its contact is erased; rows go with the account (cascade) or by retention (accountTokens)",
    },
  },
];

/** Used or expired set-password links are deleted this many days after they ended. */
export function accountRetention(days: number): RetentionStep {
  return {
    name: "accountTokens",
    run: async (tx, now, scope) => ({
      accountTokensDeleted: await repo.deleteEndedTokens(tx, daysBefore(now, days), scope.municipalityId),
    }),
  };
}
