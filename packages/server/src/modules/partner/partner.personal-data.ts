import type { PersonalDataDecision } from "../../kernel/privacy.js";

export const partnerPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "PartnerOrganisation",
    holdsNoPerson: "the name of an organisation (the police, the municipality's enforcement); liaisons link to it, not it to them",
  },
];
