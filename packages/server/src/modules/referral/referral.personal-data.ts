import type { PersonalDataDecision } from "../../kernel/privacy.js";

export const referralPersonalData: readonly PersonalDataDecision[] = [
  { model: "ReferralCount", holdsNoPerson: "a number per municipality, district and month; nothing about who followed the link" },
];
