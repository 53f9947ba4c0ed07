/**
 * CSV in and out, pure: header aliases (Dutch and English), delimiter detection
 * (Dutch Excel writes ';'), per-row mapping with errors naming the column, and the
 * export's escaping against formula injection. I/O lives in contact-transfer.service.ts.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { AgeBand, ContactChannel } from "../../generated/prisma/enums.js";
import { AppError } from "../../core/errors.js";
import { cleanText, requiredText } from "../../core/text.js";
import { LIMITS, cleanEmail, cleanLanguage, cleanPhone, safeCsvCell } from "./contact.rules.js";

export const MAX_IMPORT_ROWS = 5_000;

type Column =
  | "fullName"
  | "email"
  | "phone"
  | "preferredChannel"
  | "preferredLanguage"
  | "ageBand"
  | "districts"
  | "organisation"
  | "role"
  | "notes";

const ALIASES: Record<string, Column> = {
  naam: "fullName",
  "volledige naam": "fullName",
  fullname: "fullName",
  name: "fullName",
  "full name": "fullName",
  email: "email",
  "e-mail": "email",
  emailadres: "email",
  "e-mailadres": "email",
  telefoon: "phone",
  telefoonnummer: "phone",
  phone: "phone",
  mobiel: "phone",
  kanaal: "preferredChannel",
  voorkeurskanaal: "preferredChannel",
  preferredchannel: "preferredChannel",
  channel: "preferredChannel",
  taal: "preferredLanguage",
  voorkeurstaal: "preferredLanguage",
  preferredlanguage: "preferredLanguage",
  language: "preferredLanguage",
  leeftijd: "ageBand",
  leeftijdsgroep: "ageBand",
  ageband: "ageBand",
  "age band": "ageBand",
  wijk: "districts",
  wijken: "districts",
  district: "districts",
  districts: "districts",
  organisatie: "organisation",
  organisation: "organisation",
  organization: "organisation",
  rol: "role",
  functie: "role",
  role: "role",
  notities: "notes",
  opmerkingen: "notes",
  notes: "notes",
};

/** Columns our export writes that an import reads past (status and history are not imported). */
const EXPORT_ONLY = new Set(["status", "netwerken", "networks", "laatste contact", "last interaction"]);

const CHANNELS: Record<string, ContactChannel> = {
  email: "EMAIL",
  "e-mail": "EMAIL",
  mail: "EMAIL",
  phone: "PHONE",
  telefoon: "PHONE",
  bellen: "PHONE",
  sms: "SMS",
  messaging_app: "MESSAGING_APP",
  app: "MESSAGING_APP",
  whatsapp: "MESSAGING_APP",
  signal: "MESSAGING_APP",
  in_person: "IN_PERSON",
  persoonlijk: "IN_PERSON",
  langsgaan: "IN_PERSON",
};

const AGE_BANDS: Record<string, AgeBand> = {
  under_12: "UNDER_12",
  "<12": "UNDER_12",
  "0-11": "UNDER_12",
  "onder 12": "UNDER_12",
  age_12_15: "AGE_12_15",
  "12-15": "AGE_12_15",
  age_16_17: "AGE_16_17",
  "16-17": "AGE_16_17",
  age_18_23: "AGE_18_23",
  "18-23": "AGE_18_23",
  age_24_27: "AGE_24_27",
  "24-27": "AGE_24_27",
  adult: "ADULT",
  volwassen: "ADULT",
  "28+": "ADULT",
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
  field: string | null;
  message: string;
}

export interface ParsedFile {
  rows: ImportRow[];
  errors: RowError[];
  total: number;
}

function detectDelimiter(csv: string): "," | ";" | "\t" {
  const header = csv.split(/\r?\n/, 1)[0] ?? "";
  const counts = { ",": header.split(",").length, ";": header.split(";").length, "\t": header.split("\t").length };
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0] as "," | ";" | "\t";
}

export function parseContactsCsv(csvInput: string): ParsedFile {
  const csv = csvInput.replace(/^\uFEFF/, "");
  if (csv.trim().length === 0) throw new AppError("BAD_USER_INPUT", "input.csv: The file is empty.", { field: "input.csv" });
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(csv, {
      delimiter: detectDelimiter(csv),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
    }) as never;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new AppError("BAD_USER_INPUT", `input.csv: This is not a readable CSV file (${message}).`, { field: "input.csv" });
  }
  const [header, ...body] = records;
  if (!header) throw new AppError("BAD_USER_INPUT", "input.csv: The file is empty.", { field: "input.csv" });
  const columns = header.record.map((h) => ALIASES[h.trim().toLowerCase()] ?? null);
  const ignored = header.record.map((h) => EXPORT_ONLY.has(h.trim().toLowerCase()));
  if (!columns.includes("fullName")) {
    throw new AppError("BAD_USER_INPUT", "input.csv: The header row needs a column `naam` (or `fullName`).", { field: "input.csv" });
  }
  const unknown = header.record.filter((_h, i) => columns[i] === null && !ignored[i]);
  if (unknown.length > 0) {
    throw new AppError("BAD_USER_INPUT", `input.csv: Unknown columns: ${unknown.join(", ")}.`, { field: "input.csv", columns: unknown });
  }
  if (body.length > MAX_IMPORT_ROWS) {
    throw new AppError("BAD_USER_INPUT", `input.csv: At most ${MAX_IMPORT_ROWS} rows per import; split the file.`, { field: "input.csv" });
  }
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (c: Column) => {
      const i = columns.indexOf(c);
      // Our own export escapes formula-like cells with a leading ' (see safeCsvCell).
      return i >= 0 ? (record[i] ?? "").replace(/^'(?=[=+\-@])/, "") : "";
    };
    try {
      if (record.length > columns.length) throw rowError(null, `This row has ${record.length} cells; the header has ${columns.length}.`);
      const channel = cell("preferredChannel").toLowerCase();
      const age = cell("ageBand").toLowerCase().replace(/\s+/g, "");
      if (channel && !CHANNELS[channel]) throw rowError("preferredChannel", `Unknown channel "${cell("preferredChannel")}".`);
      if (!(age in AGE_BANDS))
        throw rowError("ageBand", `Unknown age band "${cell("ageBand")}"; use 12-15, 16-17, 18-23, 24-27 or volwassen.`);
      rows.push({
        line,
        fullName: field("fullName", () => requiredText(cell("fullName"), "fullName", LIMITS.fullName)),
        email: field("email", () => cleanEmail(cell("email"), "email")),
        phone: field("phone", () => cleanPhone(cell("phone"), "phone")),
        preferredChannel: channel ? CHANNELS[channel]! : "EMAIL",
        preferredLanguage: field("preferredLanguage", () =>
          cleanLanguage(cell("preferredLanguage").toLowerCase() || null, "preferredLanguage"),
        ),
        ageBand: AGE_BANDS[age]!,
        districts: cell("districts")
          .split(/[;|]/)
          .map((d) => d.trim())
          .filter(Boolean),
        organisation: field("organisation", () => cleanText(cell("organisation"), "organisation", 160)),
        role: field("role", () => cleanText(cell("role"), "role", LIMITS.roleTitle)),
        notes: field("notes", () => cleanText(cell("notes"), "notes", LIMITS.notes)),
      });
    } catch (err) {
      if (err instanceof RowFailure) errors.push({ line, field: err.field, message: err.message });
      else throw err;
    }
  }
  return { rows, errors, total: body.length };
}

class RowFailure extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}
const rowError = (f: string | null, message: string) => new RowFailure(f, message);

/** Runs a validator, turning its BAD_USER_INPUT into a row error on `name`. */
function field<T>(name: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof AppError && err.code === "BAD_USER_INPUT") {
      throw rowError(name, err.message.replace(/^[^:]+:\s*/, ""));
    }
    throw err;
  }
}

export interface ExportRow {
  fullName: string;
  email: string | null;
  phone: string | null;
  preferredChannel: string;
  preferredLanguage: string;
  ageBand: string;
  status: string;
  districts: string[];
  networks: string[];
  organisations: string[];
  roles: string[];
  lastInteractionAt: Date | null;
}

export const EXPORT_HEADER = [
  "naam",
  "email",
  "telefoon",
  "kanaal",
  "taal",
  "leeftijd",
  "status",
  "wijken",
  "netwerken",
  "organisatie",
  "rol",
  "laatste contact",
];

/** RFC 4180 CSV with a header row (re-importable), cells safe to open in a spreadsheet. */
export function contactsToCsv(rows: readonly ExportRow[]): string {
  const cells = rows.map((r) =>
    [
      r.fullName,
      r.email ?? "",
      r.phone ?? "",
      r.preferredChannel,
      r.preferredLanguage,
      r.ageBand,
      r.status,
      r.districts.join("; "),
      r.networks.join("; "),
      r.organisations.join("; "),
      r.roles.join("; "),
      r.lastInteractionAt ? r.lastInteractionAt.toISOString() : "",
    ].map((v) => safeCsvCell(String(v))),
  );
  return stringify([EXPORT_HEADER, ...cells], { record_delimiter: "\r\n" });
}
