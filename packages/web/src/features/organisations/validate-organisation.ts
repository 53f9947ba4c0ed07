import type { CreateOrganisationInput, OrganisationKind } from "../../generated/gql/graphql";

export interface OrganisationFormValues {
  name: string;
  kind: OrganisationKind;
  website: string;
}

export const ORGANISATION_FIELDS = ["name", "kind", "website"] as const satisfies ReadonlyArray<keyof OrganisationFormValues>;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

export type OrganisationErrorKey =
  | "organisationForm.error.nameRequired"
  | "organisationForm.error.nameTooLong"
  | "organisationForm.error.nameTaken"
  | "organisationForm.error.websiteInvalid"
  | `organisationForm.error.server.${OrganisationField}`;
export type OrganisationFieldErrors = Partial<Record<OrganisationField, OrganisationErrorKey>>;

/** The server's limit (organisation.service.ts). */
export const ORGANISATION_NAME_MAX = 160;

/** The server's rule: a URL that parses, with http or https. */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

export function validateOrganisation(values: OrganisationFormValues): OrganisationFieldErrors {
  const errors: OrganisationFieldErrors = {};
  const name = values.name.trim();
  if (name === "") errors.name = "organisationForm.error.nameRequired";
  else if (name.length > ORGANISATION_NAME_MAX) errors.name = "organisationForm.error.nameTooLong";
  const website = values.website.trim();
  if (website !== "" && !isWebAddress(website)) errors.website = "organisationForm.error.websiteInvalid";
  return errors;
}

/** Server answers on the form: BAD_USER_INPUT at its field, CONFLICT (name exists) at the name. */
export function serverOrganisationErrors(fields: readonly string[], codes: readonly string[]): OrganisationFieldErrors {
  const errors: OrganisationFieldErrors = {};
  for (const field of fields) {
    if ((ORGANISATION_FIELDS as readonly string[]).includes(field)) {
      errors[field as OrganisationField] = `organisationForm.error.server.${field as OrganisationField}`;
    }
  }
  if (codes.includes("CONFLICT")) errors.name = "organisationForm.error.nameTaken";
  return errors;
}

export function toOrganisationInput(values: OrganisationFormValues): CreateOrganisationInput {
  const website = values.website.trim();
  return { name: values.name.trim(), kind: values.kind, website: website === "" ? null : website };
}
