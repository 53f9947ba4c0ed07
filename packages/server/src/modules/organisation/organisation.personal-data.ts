import type { PersonalDataDecision } from "../../kernel/privacy.js";

export const organisationPersonalData: readonly PersonalDataDecision[] = [
  { model: "Organisation", holdsNoPerson: "an organisation's name and website; the people in it are ContactRole rows (contact)" },
];
