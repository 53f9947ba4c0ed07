/**
 * Contact exports for Dutch Excel, pure: labels instead of codes in the reader's
 * language, dates and times in Europe/Amsterdam, phone numbers in national format.
 * CSV is `;`-separated with a UTF-8 byte order mark (what Dutch Excel opens in columns
 * with the accents right); XLSX is written by exceljs. Every cell a spreadsheet would
 * run as a formula is defused with a leading ' (safeCsvCell), in both formats. The
 * file reads back through the import (labels are import synonyms).
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { ImportLanguage } from "./contact.import-messages.js";
import { displayPhone, safeCsvCell } from "./contact.rules.js";

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

const HEADERS: Record<ImportLanguage, string[]> = {
  nl: [
    "Naam",
    "E-mail",
    "Telefoon",
    "Kanaal",
    "Taal",
    "Leeftijd",
    "Status",
    "Wijken",
    "Netwerken",
    "Organisatie",
    "Functie",
    "Laatste contact",
  ],
  en: [
    "Name",
    "Email",
    "Phone",
    "Channel",
    "Language",
    "Age band",
    "Status",
    "Districts",
    "Networks",
    "Organisation",
    "Role",
    "Last contact",
  ],
};

const LABELS: Record<ImportLanguage, Record<string, string>> = {
  nl: {
    EMAIL: "e-mail",
    PHONE: "telefoon",
    SMS: "sms",
    MESSAGING_APP: "berichtenapp",
    IN_PERSON: "persoonlijk",
    UNDER_12: "onder 12",
    AGE_12_15: "12-15",
    AGE_16_17: "16-17",
    AGE_18_23: "18-23",
    AGE_24_27: "24-27",
    ADULT: "volwassen",
    ACTIVE: "actief",
    INACTIVE: "inactief",
    ARCHIVED: "gearchiveerd",
  },
  en: {
    EMAIL: "email",
    PHONE: "phone",
    SMS: "sms",
    MESSAGING_APP: "messaging app",
    IN_PERSON: "in person",
    UNDER_12: "under 12",
    AGE_12_15: "12-15",
    AGE_16_17: "16-17",
    AGE_18_23: "18-23",
    AGE_24_27: "24-27",
    ADULT: "adult",
    ACTIVE: "active",
    INACTIVE: "inactive",
    ARCHIVED: "archived",
  },
};

const TIME_ZONE = "Europe/Amsterdam";

/** "02-12-2026 09:15" in Amsterdam time. */
export function localDateTime(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("nl-NL", {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts["day"]}-${parts["month"]}-${parts["year"]} ${parts["hour"]}:${parts["minute"]}`;
}

/** The export's cells (header first), labels in `language`, formula-like cells defused. */
export function exportTable(rows: readonly ExportRow[], language: ImportLanguage): string[][] {
  const label = (code: string) => LABELS[language][code] ?? code;
  const body = rows.map((r) =>
    [
      r.fullName,
      r.email ?? "",
      displayPhone(r.phone) ?? "",
      label(r.preferredChannel),
      r.preferredLanguage,
      label(r.ageBand),
      label(r.status),
      r.districts.join("; "),
      r.networks.join("; "),
      r.organisations.join("; "),
      r.roles.join("; "),
      r.lastInteractionAt ? localDateTime(r.lastInteractionAt) : "",
    ].map((v) => safeCsvCell(String(v))),
  );
  return [HEADERS[language], ...body];
}

/** `;`-separated, UTF-8 with a byte order mark, CRLF: Dutch Excel's own CSV dialect. */
export function tableToExcelCsv(table: readonly string[][]): string {
  return `\uFEFF${stringify(table as string[][], { delimiter: ";", record_delimiter: "\r\n" })}`;
}

/** One worksheet, every cell a string (never a formula), the header bold and frozen. */
export async function tableToXlsx(table: readonly string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "wijknet";
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  for (const cells of table) sheet.addRow(cells);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((col) => {
    col.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
