import type { CreateUserInput, Language, Role } from "../../generated/gql/graphql";

export interface UserFormValues {
  displayName: string;
  email: string;
  role: Role;
  language: Language;
  /** districtId → backup? (present = the user works there) */
  districts: Record<string, boolean>;
}

export type UserField = "displayName" | "email" | "districts";
export type UserFieldErrors = Partial<Record<UserField, UserError>>;
export type UserError =
  | "userForm.error.nameRequired"
  | "userForm.error.emailInvalid"
  | "userForm.error.emailTaken"
  | "userForm.error.districtsNeeded"
  | "userForm.error.districtsServer";

/** Coordinators and admins work municipality-wide; liaisons and allies in districts. */
export const rolesWithDistricts: readonly Role[] = ["POLICE_LIAISON", "ALLY"];

export function validateUser(values: UserFormValues, isNew: boolean): UserFieldErrors {
  const errors: UserFieldErrors = {};
  if (values.displayName.trim().length === 0) errors.displayName = "userForm.error.nameRequired";
  if (isNew && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = "userForm.error.emailInvalid";
  if (values.role === "POLICE_LIAISON" && Object.keys(values.districts).length === 0) errors.districts = "userForm.error.districtsNeeded";
  return errors;
}

/** The districts as the server takes them: none for municipality-wide roles, backups only for liaisons. */
export function toDistrictInput(values: UserFormValues) {
  if (!rolesWithDistricts.includes(values.role)) return [];
  return Object.entries(values.districts).map(([districtId, backup]) => ({
    districtId,
    backup: values.role === "POLICE_LIAISON" && backup,
  }));
}

export function toCreateInput(values: UserFormValues): CreateUserInput {
  return {
    displayName: values.displayName.trim(),
    email: values.email.trim(),
    role: values.role,
    language: values.language,
    districts: toDistrictInput(values),
  };
}

/** The server's refusal at the fields; CONFLICT when creating is an address already in use. */
export function serverUserErrors(outcome: { fields: string[]; codes: string[] }, isNew: boolean): UserFieldErrors {
  const errors: UserFieldErrors = {};
  if (outcome.fields.includes("displayName")) errors.displayName = "userForm.error.nameRequired";
  if (outcome.fields.includes("email")) errors.email = "userForm.error.emailInvalid";
  if (isNew && outcome.codes.includes("CONFLICT")) errors.email = "userForm.error.emailTaken";
  if (outcome.fields.includes("districts") || outcome.fields.includes("districtId")) errors.districts = "userForm.error.districtsServer";
  return errors;
}
