import type { AgeBand, ContactChannel, ContactStatus, UpdateContactInput } from "../../generated/gql/graphql";

export interface ContactFormValues {
  fullName: string;
  email: string;
  phone: string;
  preferredChannel: ContactChannel;
  preferredLanguage: string;
  ageBand: AgeBand;
  status: ContactStatus;
  districtIds: string[];
  notes: string;
}

export const CONTACT_FIELDS = [
  "fullName",
  "email",
  "phone",
  "preferredChannel",
  "preferredLanguage",
  "ageBand",
  "status",
  "districtIds",
  "notes",
] as const satisfies ReadonlyArray<keyof ContactFormValues>;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export type ContactErrorKey =
  | "contactForm.error.fullNameRequired"
  | "contactForm.error.fullNameTooLong"
  | "contactForm.error.emailInvalid"
  | "contactForm.error.phoneInvalid"
  | "contactForm.error.languageInvalid"
  | "contactForm.error.notesTooLong"
  | `contactForm.error.server.${ContactField}`;
export type ContactFieldErrors = Partial<Record<ContactField, ContactErrorKey>>;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits with the usual separators and an optional +: the server normalises Dutch notations.
const PHONE_SHAPE = /^\+?[0-9][0-9 ()-]{5,30}$/;
const LANGUAGE_SHAPE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const NOTES_MAX = 2000;
/** The server's limit (contact.rules.ts LIMITS.fullName). */
export const FULL_NAME_MAX = 120;

/** Checks what can be checked before sending; the server has the last word (see serverFieldErrors). */
export function validateContact(values: ContactFormValues): ContactFieldErrors {
  const errors: ContactFieldErrors = {};
  const name = values.fullName.trim();
  if (name === "") errors.fullName = "contactForm.error.fullNameRequired";
  else if (name.length > FULL_NAME_MAX) errors.fullName = "contactForm.error.fullNameTooLong";
  const email = values.email.trim();
  if (email !== "" && !EMAIL_SHAPE.test(email)) errors.email = "contactForm.error.emailInvalid";
  const phone = values.phone.trim();
  if (phone !== "" && !PHONE_SHAPE.test(phone)) errors.phone = "contactForm.error.phoneInvalid";
  if (!LANGUAGE_SHAPE.test(values.preferredLanguage.trim())) errors.preferredLanguage = "contactForm.error.languageInvalid";
  if (values.notes.length > NOTES_MAX) errors.notes = "contactForm.error.notesTooLong";
  return errors;
}

/** BAD_USER_INPUT fields from the server ("input.email" arrives as "email") mapped onto the form. */
export function serverFieldErrors(fields: readonly string[]): { errors: ContactFieldErrors; unknown: boolean } {
  const errors: ContactFieldErrors = {};
  let unknown = false;
  for (const field of fields) {
    const known = (CONTACT_FIELDS as readonly string[]).includes(field) ? (field as ContactField) : null;
    if (known) errors[known] = `contactForm.error.server.${known}`;
    else unknown = true;
  }
  return { errors, unknown };
}

/** The mutation input: trimmed, empty optional text sent as null (clears it). */
export function toUpdateInput(values: ContactFormValues): UpdateContactInput {
  const orNull = (text: string) => (text.trim() === "" ? null : text.trim());
  return {
    fullName: values.fullName.trim(),
    email: orNull(values.email),
    phone: orNull(values.phone),
    preferredChannel: values.preferredChannel,
    preferredLanguage: values.preferredLanguage.trim(),
    ageBand: values.ageBand,
    status: values.status,
    districtIds: values.districtIds,
    notes: orNull(values.notes),
  };
}
