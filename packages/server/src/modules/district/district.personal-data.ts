import type { PersonalDataDecision } from "../../kernel/privacy.js";

const place = "the name of a place (public information), not of a person";

export const districtPersonalData: readonly PersonalDataDecision[] = [
  { model: "Municipality", holdsNoPerson: place },
  { model: "District", holdsNoPerson: place },
  { model: "Neighbourhood", holdsNoPerson: place },
];
