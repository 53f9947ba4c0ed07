import { daysBefore, type PersonalDataDecision, type RetentionStep } from "../../kernel/privacy.js";
import { accountRepository as repo } from "./account.repository.js";

/** One-time links belong to an account (staff or an ally's login), not to a contact. */
export const accountPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "AccountToken",
    personColumns: ["userId"],
    export: { untouched: "hashes and times of set-password links; nothing a person can read" },
    // An erased account keeps its row (references read "erased person"), so nothing cascades.
    erase: (tx, { userIds }) => repo.deleteTokensOf(tx, userIds),
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
