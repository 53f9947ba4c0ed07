import type { CreateContactInput } from "../../generated/gql/graphql";
import { toConsentInput, validateConsent, serverConsentError, type ConsentFieldErrors, type ConsentValues } from "./validate-consent";
import {
  CONTACT_FIELDS,
  toUpdateInput,
  validateContact,
  type ContactField,
  type ContactFieldErrors,
  type ContactFormValues,
} from "./validate-contact";
import { serverRoleError, toRoleInput, validateRole, type RoleFieldErrors, type RoleValues } from "./validate-roles";

export interface NewConsentValues extends ConsentValues {
  /** Stable React key for the row (not sent). */
  key: string;
}

export interface NewContactValues extends Omit<ContactFormValues, "status"> {
  roles: RoleValues[];
  consents: NewConsentValues[];
}

export interface NewContactErrors {
  fields: ContactFieldErrors;
  roles: Record<number, RoleFieldErrors>;
  consents: Record<number, ConsentFieldErrors>;
  /** The server rejected something the form cannot point at. */
  other: boolean;
}

export const NO_ERRORS: NewContactErrors = { fields: {}, roles: {}, consents: {}, other: false };

export const EMPTY_NEW_CONTACT: NewContactValues = {
  fullName: "",
  email: "",
  phone: "",
  preferredChannel: "EMAIL",
  preferredLanguage: "nl",
  ageBand: "ADULT",
  districtIds: [],
  notes: "",
  roles: [],
  consents: [],
};

export function errorCount(errors: NewContactErrors): number {
  const rows = (list: Record<number, object>) => Object.values(list).reduce((n, row) => n + Object.keys(row).length, 0);
  return Object.keys(errors.fields).length + rows(errors.roles) + rows(errors.consents);
}

export function validateNewContact(values: NewContactValues): NewContactErrors {
  const errors: NewContactErrors = { fields: validateContact({ ...values, status: "ACTIVE" }), roles: {}, consents: {}, other: false };
  values.roles.forEach((role, i) => {
    const found = validateRole(role);
    if (Object.keys(found).length > 0) errors.roles[i] = found;
  });
  values.consents.forEach((consent, i) => {
    const found = validateConsent(values.ageBand, consent);
    if (Object.keys(found).length > 0) errors.consents[i] = found;
  });
  return errors;
}

/**
 * BAD_USER_INPUT paths from the server ("fullName", "roles.0.title", "consents.1.guardianName")
 * onto the form's fields and rows.
 */
export function serverNewContactErrors(paths: readonly string[]): NewContactErrors {
  const errors: NewContactErrors = { fields: {}, roles: {}, consents: {}, other: false };
  for (const path of paths) {
    const [head = "", index, field = ""] = path.split(".");
    const row = index !== undefined && /^\d+$/.test(index) ? Number(index) : null;
    if (head === "roles" && row !== null) {
      const [key, message] = serverRoleError(field);
      errors.roles[row] = { ...errors.roles[row], [key]: message };
    } else if (head === "consents" && row !== null) {
      const [key, message] = serverConsentError(field);
      errors.consents[row] = { ...errors.consents[row], [key]: message };
    } else if ((CONTACT_FIELDS as readonly string[]).includes(head)) {
      errors.fields[head as ContactField] = `contactForm.error.server.${head as ContactField}`;
    } else errors.other = true;
  }
  return errors;
}

export function toCreateInput(values: NewContactValues): CreateContactInput {
  const { status: _status, ...base } = toUpdateInput({ ...values, status: "ACTIVE" });
  return {
    ...base,
    fullName: values.fullName.trim(),
    districtIds: values.districtIds,
    roles: values.roles.map(toRoleInput),
    consents: values.consents.map(toConsentInput),
  };
}
