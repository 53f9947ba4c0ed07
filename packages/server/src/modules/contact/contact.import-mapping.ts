/**
 * From a spreadsheet's columns to a contact, pure: header synonyms in Dutch and English,
 * the suggested mapping the coordinator may change, and one record → one row or a list
 * of row errors (line, column as the file names it, stable code, message in the
 * coordinator's language). I/O lives in contact-transfer.service.ts.
 */
import { findSituationTextTerms } from "@wijknet/shared";
import type { AgeBand, ContactChannel } from "../../generated/prisma/enums.js";
import { AppError } from "../../core/errors.js";
import { cleanText } from "../../core/text.js";
import { type ImportLanguage, type ImportMessageCode, importMessage } from "./contact.import-messages.js";
import { LIMITS, cleanEmail, cleanLanguage, needsGuardianConsent, normalisePhone } from "./contact.rules.js";

export const IMPORT_FIELDS = [
  "FULL_NAME",
  "FIRST_NAME",
  "NAME_PREFIX",
  "LAST_NAME",
  "EMAIL",
  "PHONE",
  "PREFERRED_CHANNEL",
  "PREFERRED_LANGUAGE",
  "AGE_BAND",
  "DISTRICTS",
  "ORGANISATION",
  "ROLE",
  "NOTES",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ColumnMapping {
  /** 0-based column of the file. */
  column: number;
  field: ImportField;
}

/** Header synonyms, compared after `headerKey` (lower case, no accents, no punctuation). */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  FULL_NAME: ["naam", "volledige naam", "fullname", "name", "full name", "contactpersoon", "contact"],
  FIRST_NAME: ["voornaam", "roepnaam", "first name", "firstname", "given name"],
  NAME_PREFIX: ["tussenvoegsel", "tussenvoegsels", "tussenv", "voorvoegsel", "prefix", "name prefix"],
  LAST_NAME: ["achternaam", "familienaam", "last name", "lastname", "surname", "family name"],
  EMAIL: ["email", "e mail", "emailadres", "e mailadres", "mail", "email address", "e mail address", "mailadres"],
  PHONE: [
    "telefoon",
    "telefoonnummer",
    "tel",
    "telnr",
    "mobiel",
    "mobiel nummer",
    "mobielnummer",
    "gsm",
    "phone",
    "phone number",
    "mobile",
    "mobile phone",
  ],
  PREFERRED_CHANNEL: ["kanaal", "voorkeurskanaal", "preferredchannel", "preferred channel", "channel"],
  PREFERRED_LANGUAGE: ["taal", "voorkeurstaal", "preferredlanguage", "preferred language", "language"],
  AGE_BAND: ["leeftijd", "leeftijdsgroep", "leeftijdscategorie", "ageband", "age band", "age group", "age"],
  DISTRICTS: ["wijk", "wijken", "district", "districts", "stadsdeel"],
  ORGANISATION: ["organisatie", "organisation", "organization", "instelling", "werkgever", "employer"],
  ROLE: ["functie", "rol", "role", "job title", "title", "functietitel"],
  NOTES: ["opmerkingen", "opmerking", "notities", "notitie", "notes", "note", "remarks", "comments", "toelichting"],
};

/** Columns our own export writes that are not imported (kept in wijknet). */
const EXPORT_ONLY = new Set([
  "status",
  "netwerk",
  "netwerken",
  "network",
  "networks",
  "laatste contact",
  "last interaction",
  "last contact",
]);

const BY_KEY = new Map<string, ImportField>(
  Object.entries(SYNONYMS).flatMap(([field, names]) => names.map((n) => [n, field as ImportField] as const)),
);

export function headerKey(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export interface HeaderNote {
  column: number;
  header: string;
  code: ImportMessageCode;
}

/** The mapping suggested for a header row, with a note for every column that is skipped. */
export function suggestMapping(headers: readonly string[]): { mapping: ColumnMapping[]; notes: HeaderNote[] } {
  const mapping: ColumnMapping[] = [];
  const notes: HeaderNote[] = [];
  const taken = new Set<ImportField>();
  headers.forEach((header, column) => {
    const key = headerKey(header);
    if (key === "") return;
    const field = BY_KEY.get(key);
    if (field && !taken.has(field)) {
      taken.add(field);
      mapping.push({ column, field });
    } else {
      notes.push({ column, header, code: EXPORT_ONLY.has(key) ? "NOT_IMPORTED_COLUMN" : "UNKNOWN_COLUMN" });
    }
  });
  return { mapping, notes };
}

/** Why a mapping cannot be used, or null. */
export function mappingProblem(mapping: readonly ColumnMapping[], columnCount: number): { code: ImportMessageCode; value?: string } | null {
  const seen = new Set<ImportField>();
  for (const m of mapping) {
    if (m.column < 0 || m.column >= columnCount) return { code: "UNKNOWN_COLUMN", value: String(m.column + 1) };
    if (seen.has(m.field)) return { code: "DUPLICATE_FIELD", value: m.field };
    seen.add(m.field);
  }
  if (!seen.has("FULL_NAME") && !seen.has("FIRST_NAME") && !seen.has("LAST_NAME")) return { code: "NO_NAME_COLUMN" };
  return null;
}

const CHANNELS: Record<string, ContactChannel> = {
  email: "EMAIL",
  "e mail": "EMAIL",
  mail: "EMAIL",
  phone: "PHONE",
  telefoon: "PHONE",
  bellen: "PHONE",
  sms: "SMS",
  "messaging app": "MESSAGING_APP",
  berichtenapp: "MESSAGING_APP",
  app: "MESSAGING_APP",
  whatsapp: "MESSAGING_APP",
  signal: "MESSAGING_APP",
  "in person": "IN_PERSON",
  persoonlijk: "IN_PERSON",
  langsgaan: "IN_PERSON",
};

const AGE_BANDS: Record<string, AgeBand> = {
  "under 12": "UNDER_12",
  "onder 12": "UNDER_12",
  "jonger dan 12": "UNDER_12",
  "0 11": "UNDER_12",
  "age 12 15": "AGE_12_15",
  "12 15": "AGE_12_15",
  "age 16 17": "AGE_16_17",
  "16 17": "AGE_16_17",
  "age 18 23": "AGE_18_23",
  "18 23": "AGE_18_23",
  "age 24 27": "AGE_24_27",
  "24 27": "AGE_24_27",
  adult: "ADULT",
  volwassen: "ADULT",
  "28": "ADULT",
  "": "ADULT",
};

export interface ImportRow {
  line: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  preferredChannel: ContactChannel;
  preferredLanguage: string;
  ageBand: AgeBand;
  /** District codes or names as written; resolved against the database later. */
  districts: string[];
  organisation: string | null;
  role: string | null;
  notes: string | null;
}

export interface RowError {
  line: number;
  /** The column's header as the file names it, or null for the whole row. */
  column: string | null;
  code: ImportMessageCode;
  message: string;
}

type Mapped = { row: ImportRow; errors?: undefined } | { row?: undefined; errors: RowError[] };

/**
 * One record to one row. Every problem of the row is reported (not just the first).
 * Our own export's defused cells ('=…) read back without the quote.
 */
export function mapRecord(
  line: number,
  cells: readonly string[],
  headers: readonly string[],
  mapping: readonly ColumnMapping[],
  language: ImportLanguage,
): Mapped {
  const errors: RowError[] = [];
  const at = new Map(mapping.map((m) => [m.field, m.column]));
  const cell = (f: ImportField) => {
    const i = at.get(f);
    return i === undefined ? "" : (cells[i] ?? "").trim().replace(/^'(?=[=+\-@])/, "");
  };
  const fail = (f: ImportField | null, code: ImportMessageCode, params: Record<string, string | number> = {}) => {
    const column = f === null ? null : (headers[at.get(f) ?? -1] ?? null);
    errors.push({ line, column, code, message: importMessage(language, code, params) });
  };
  const text = (f: ImportField, max: number): string | null => {
    try {
      return cleanText(cell(f), f, max);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      fail(f, /At most/.test(err.message) ? "TOO_LONG" : "NOT_ALLOWED_CHARACTERS", { max });
      return null;
    }
  };

  if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== "")) {
    fail(null, "TOO_MANY_CELLS", { cells: cells.length, columns: headers.length });
  }
  const joined = at.has("FULL_NAME")
    ? cell("FULL_NAME")
    : [cell("FIRST_NAME"), cell("NAME_PREFIX"), cell("LAST_NAME")].filter(Boolean).join(" ");
  const nameField: ImportField = at.has("FULL_NAME") ? "FULL_NAME" : at.has("LAST_NAME") ? "LAST_NAME" : "FIRST_NAME";
  let fullName: string | null = null;
  if (joined.trim() === "") fail(nameField, "REQUIRED");
  else if (joined.length > LIMITS.fullName) fail(nameField, "TOO_LONG", { max: LIMITS.fullName });
  else fullName = joined.replace(/\s+/g, " ").trim();

  let email: string | null = null;
  try {
    email = cleanEmail(cell("EMAIL"), "EMAIL");
  } catch {
    fail("EMAIL", "INVALID_EMAIL", { value: cell("EMAIL").slice(0, 80) });
  }
  let phone: string | null = null;
  if (cell("PHONE")) {
    phone = cell("PHONE").length <= LIMITS.phone ? normalisePhone(cell("PHONE")) : null;
    if (phone === null) fail("PHONE", "INVALID_PHONE", { value: cell("PHONE").slice(0, 40) });
  }
  const channelKey = headerKey(cell("PREFERRED_CHANNEL"));
  const channel = channelKey ? CHANNELS[channelKey] : "EMAIL";
  if (!channel) fail("PREFERRED_CHANNEL", "UNKNOWN_CHANNEL", { value: cell("PREFERRED_CHANNEL").slice(0, 40) });
  let preferredLanguage = "nl";
  try {
    preferredLanguage = cleanLanguage(cell("PREFERRED_LANGUAGE").toLowerCase() || null, "PREFERRED_LANGUAGE");
  } catch {
    fail("PREFERRED_LANGUAGE", "INVALID_LANGUAGE", { value: cell("PREFERRED_LANGUAGE").slice(0, 40) });
  }
  const ageBand = AGE_BANDS[headerKey(cell("AGE_BAND").replace(/\+$/, ""))];
  if (!ageBand) fail("AGE_BAND", "UNKNOWN_AGE_BAND", { value: cell("AGE_BAND").slice(0, 40) });
  else if (!importAllowedWithoutConsent(ageBand)) fail("AGE_BAND", "GUARDIAN_CONSENT_REQUIRED");
  const organisation = text("ORGANISATION", 160);
  const role = text("ROLE", LIMITS.roleTitle);
  const notes = text("NOTES", LIMITS.notes);
  const described = notes ? findSituationTextTerms(notes)[0] : undefined;
  if (described) fail("NOTES", "NOTES_DESCRIBE_PERSON", { value: described.found });

  if (errors.length > 0 || fullName === null || !channel || !ageBand) return { errors };
  return {
    row: {
      line,
      fullName,
      email,
      phone,
      preferredChannel: channel,
      preferredLanguage,
      ageBand,
      districts: cell("DISTRICTS")
        .split(/[;|,]/)
        .map((d) => d.trim())
        .filter(Boolean),
      organisation,
      role,
      notes,
    },
  };
}

/**
 * The hook for youth: a person under 16 is not imported (consent from a parent or
 * guardian is recorded through the form, one person at a time). Change this rule, not
 * the import, when consent can travel with the file.
 */
export function importAllowedWithoutConsent(ageBand: AgeBand): boolean {
  return !needsGuardianConsent(ageBand);
}
