/**
 * What an import tells the coordinator, by stable code, in Dutch (the default) and
 * English. Never an internal field name: columns are named as the file names them.
 * A third language is a third entry in MESSAGES.
 */
export type ImportLanguage = "nl" | "en";

export type ImportMessageCode =
  | "REQUIRED"
  | "TOO_LONG"
  | "NOT_ALLOWED_CHARACTERS"
  | "INVALID_EMAIL"
  | "INVALID_PHONE"
  | "INVALID_LANGUAGE"
  | "UNKNOWN_CHANNEL"
  | "UNKNOWN_AGE_BAND"
  | "UNKNOWN_DISTRICT"
  | "DUPLICATE_IN_FILE"
  | "GUARDIAN_CONSENT_REQUIRED"
  | "NOTES_DESCRIBE_PERSON"
  | "UNCLOSED_QUOTE"
  | "UNREADABLE_RECORD"
  | "TOO_MANY_CELLS"
  | "UNKNOWN_COLUMN"
  | "NOT_IMPORTED_COLUMN"
  | "NO_NAME_COLUMN"
  | "DUPLICATE_FIELD";

type Params = Record<string, string | number>;
type Catalogue = Record<ImportMessageCode, (p: Params) => string>;

const nl: Catalogue = {
  REQUIRED: () => "Niet ingevuld; dit is verplicht.",
  TOO_LONG: (p) => `Te lang: hoogstens ${p["max"]} tekens.`,
  NOT_ALLOWED_CHARACTERS: () => "Bevat tekens die niet zijn toegestaan.",
  INVALID_EMAIL: (p) => `"${p["value"]}" is geen geldig e-mailadres.`,
  INVALID_PHONE: (p) => `"${p["value"]}" is geen geldig telefoonnummer (bijvoorbeeld 06 1234 5678 of +31 6 1234 5678).`,
  INVALID_LANGUAGE: (p) => `"${p["value"]}" is geen taalcode; gebruik bijvoorbeeld nl, en of ar.`,
  UNKNOWN_CHANNEL: (p) => `Onbekend kanaal "${p["value"]}"; gebruik e-mail, telefoon, sms, app of persoonlijk.`,
  UNKNOWN_AGE_BAND: (p) => `Onbekende leeftijdsgroep "${p["value"]}"; gebruik 12-15, 16-17, 18-23, 24-27 of volwassen.`,
  UNKNOWN_DISTRICT: (p) => `Onbekende wijk: ${p["value"]}.`,
  DUPLICATE_IN_FILE: (p) => `Dezelfde persoon als op regel ${p["line"]} (zelfde e-mailadres of telefoonnummer).`,
  GUARDIAN_CONSENT_REQUIRED: () => "Jonger dan 16: voeg deze persoon toe via het formulier, met de toestemming van een ouder of voogd.",
  NOTES_DESCRIBE_PERSON: (p) =>
    `Beschrijf de situatie, niet wie iemand is: "${p["value"]}" noemt een nationaliteit, geloof, huidskleur of afkomst. Niet geïmporteerd.`,
  UNCLOSED_QUOTE: () => "Een aanhalingsteken wordt hier geopend maar niet gesloten; de rest van het bestand kon niet worden gelezen.",
  UNREADABLE_RECORD: () => "Deze regel kon niet worden gelezen.",
  TOO_MANY_CELLS: (p) => `Deze regel heeft ${p["cells"]} cellen; de kopregel heeft er ${p["columns"]}.`,
  UNKNOWN_COLUMN: (p) => `Kolom "${p["value"]}" is niet herkend en wordt overgeslagen.`,
  NOT_IMPORTED_COLUMN: (p) => `Kolom "${p["value"]}" wordt niet geïmporteerd (status, netwerken en laatste contact beheert u in wijknet).`,
  NO_NAME_COLUMN: () => "Geen kolom voor de naam: wijs Naam toe, of Voornaam en Achternaam.",
  DUPLICATE_FIELD: (p) => `Twee kolommen zijn toegewezen aan hetzelfde veld (${p["value"]}).`,
};

const en: Catalogue = {
  REQUIRED: () => "Empty; this is required.",
  TOO_LONG: (p) => `Too long: at most ${p["max"]} characters.`,
  NOT_ALLOWED_CHARACTERS: () => "Contains characters that are not allowed.",
  INVALID_EMAIL: (p) => `"${p["value"]}" is not a valid email address.`,
  INVALID_PHONE: (p) => `"${p["value"]}" is not a valid phone number (e.g. 06 1234 5678 or +31 6 1234 5678).`,
  INVALID_LANGUAGE: (p) => `"${p["value"]}" is not a language code; use e.g. nl, en or ar.`,
  UNKNOWN_CHANNEL: (p) => `Unknown channel "${p["value"]}"; use email, phone, sms, app or in person.`,
  UNKNOWN_AGE_BAND: (p) => `Unknown age band "${p["value"]}"; use 12-15, 16-17, 18-23, 24-27 or adult.`,
  UNKNOWN_DISTRICT: (p) => `Unknown district: ${p["value"]}.`,
  DUPLICATE_IN_FILE: (p) => `The same person as on line ${p["line"]} (same email address or phone number).`,
  GUARDIAN_CONSENT_REQUIRED: () => "Under 16: add this person through the form, with a parent's or guardian's consent.",
  NOTES_DESCRIBE_PERSON: (p) =>
    `Describe the situation, not who someone is: "${p["value"]}" names a nationality, religion, skin colour or origin. Not imported.`,
  UNCLOSED_QUOTE: () => "A quote opens here and is never closed; the rest of the file could not be read.",
  UNREADABLE_RECORD: () => "This line could not be read.",
  TOO_MANY_CELLS: (p) => `This line has ${p["cells"]} cells; the header has ${p["columns"]}.`,
  UNKNOWN_COLUMN: (p) => `Column "${p["value"]}" is not recognised and is skipped.`,
  NOT_IMPORTED_COLUMN: (p) => `Column "${p["value"]}" is not imported (status, networks and last contact are kept in wijknet).`,
  NO_NAME_COLUMN: () => "No column for the name: map Name, or First name and Last name.",
  DUPLICATE_FIELD: (p) => `Two columns are mapped to the same field (${p["value"]}).`,
};

const MESSAGES: Record<ImportLanguage, Catalogue> = { nl, en };

/** "en", "en-GB" → en; anything else → nl. */
export function importLanguage(tag: string | null | undefined): ImportLanguage {
  const base = (tag ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return base in MESSAGES ? (base as ImportLanguage) : "nl";
}

export function importMessage(language: ImportLanguage, code: ImportMessageCode, params: Params = {}): string {
  return MESSAGES[language][code](params);
}

/** The error column's header in the error CSV. */
export const ERROR_COLUMN: Record<ImportLanguage, string> = { nl: "Fout", en: "Error" };
