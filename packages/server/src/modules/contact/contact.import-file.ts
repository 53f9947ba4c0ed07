/**
 * Reading an uploaded contact spreadsheet, as bytes: the format (XLSX by its zip
 * signature, else CSV), the CSV's encoding (byte order mark, then UTF-8 validity, then
 * Windows-1252: what Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)")
 * and separator (Excel's `sep=` first line, else the most frequent of `;`, `,` and tab
 * in the header line), then the records one by one with the line each starts on.
 *
 * Records are streamed: the bytes are decoded in slices into csv-parse's stream parser,
 * so memory holds the file's bytes and a few records, never the whole decoded table.
 * XLSX is read with exceljs's streaming reader (values only: formulas are never run; a
 * formula cell gives the result Excel saved with it, or nothing).
 */
import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

export type FileFormat = "CSV" | "XLSX";
export type FileEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
export type Separator = ";" | "," | "\t";

export interface FileShape {
  format: FileFormat;
  encoding: FileEncoding;
  /** CSV only. */
  separator: Separator | null;
  /** Lines before the header row (Excel's `sep=` line). */
  skipLines: number;
}

/** A record of the file: its cells, and the line (CSV) or row (XLSX) it starts on, 1-based. */
export type FileRecord = { line: number; cells: string[]; error?: undefined } | { line: number; cells?: undefined; error: FileReadError };

export type FileReadError = "UNCLOSED_QUOTE" | "UNREADABLE_RECORD";

const SLICE = 256 * 1024;

export function detectShape(bytes: Buffer): FileShape {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { format: "XLSX", encoding: "utf-8", separator: null, skipLines: 0 };
  }
  const encoding = detectEncoding(bytes);
  const head = decodeHead(bytes, encoding);
  const firstLine = head.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const sep = /^sep=(.)\s*$/i.exec(firstLine);
  if (sep) {
    const s = sep[1] === "\t" ? "\t" : sep[1] === "," ? "," : ";";
    return { format: "CSV", encoding, separator: s, skipLines: 1 };
  }
  return { format: "CSV", encoding, separator: detectSeparator(firstLine), skipLines: 0 };
}

export function detectEncoding(bytes: Buffer): FileEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return isUtf8(bytes) ? "utf-8" : "windows-1252";
}

/** The separator that splits the header line into the most cells (outside quotes). */
export function detectSeparator(headerLine: string): Separator {
  const unquoted = headerLine.replace(/"[^"]*"/g, "");
  const counts: Array<[Separator, number]> = [";", ",", "\t"].map((s) => [s as Separator, unquoted.split(s).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ";";
}

function decodeHead(bytes: Buffer, encoding: FileEncoding): string {
  return iconv.decode(bytes.subarray(0, 64 * 1024), encoding).replace(/^\uFEFF/, "");
}

/**
 * The decoded text of the file, as a stream of string slices: BOM removed, and every
 * line break (CRLF, CR) made LF, so line numbers count the same whatever wrote the file
 * (a CR at the end of a slice waits for the next one).
 */
function decodedSlices(bytes: Buffer, encoding: FileEncoding): Readable {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  function* slices() {
    let carry = "";
    for (let i = 0; i < bytes.length; i += SLICE) {
      let text = carry + decoder.write(bytes.subarray(i, i + SLICE));
      carry = text.endsWith("\r") ? "\r" : "";
      if (carry) text = text.slice(0, -1);
      if (text) yield text.replace(/\r\n?/g, "\n");
    }
    const rest = (carry + (decoder.end() ?? "")).replace(/\r\n?/g, "\n");
    if (rest) yield rest;
  }
  return Readable.from(slices(), { objectMode: false });
}

/** Every record of the file, the header first, with the line it starts on. */
export async function* readRecords(bytes: Buffer, shape: FileShape): AsyncGenerator<FileRecord> {
  if (shape.format === "XLSX") {
    yield* readXlsx(bytes);
    return;
  }
  yield* readCsv(bytes, shape);
}

async function* readCsv(bytes: Buffer, shape: FileShape): AsyncGenerator<FileRecord> {
  const parser = parse({
    delimiter: shape.separator ?? ";",
    record_delimiter: "\n",
    from_line: shape.skipLines + 1,
    info: true,
    raw: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    trim: true,
  });
  const skipped: FileRecord[] = [];
  parser.on("skip", (err: { code?: string; lines?: number }) => {
    skipped.push({
      line: err.lines ?? 0,
      error: err.code === "CSV_QUOTE_NOT_CLOSED" ? "UNCLOSED_QUOTE" : "UNREADABLE_RECORD",
    });
  });
  decodedSlices(bytes, shape.encoding).pipe(parser);
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
    // The parser reports a skipped record as soon as it sees it, which can be before
    // the records ahead of it were read from the stream: keep the file's order.
    const line = startLine(item.info.lines, item.raw);
    while (skipped.length && skipped[0]!.line < line) yield skipped.shift()!;
    yield { line, cells: item.record };
  }
  while (skipped.length) yield skipped.shift()!;
}

/** csv-parse counts lines up to a record's end; a quoted cell with line breaks starts earlier. */
export function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^\n+/, "").replace(/\n$/, "");
  const breaks = body.match(/\n/g)?.length ?? 0;
  return endLine - breaks;
}

async function* readXlsx(bytes: Buffer): AsyncGenerator<FileRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    entries: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, (v) => cellText(v as ExcelJS.CellValue));
      if (cells.every((c) => c === "")) continue;
      yield { line: row.number, cells };
    }
    return; // The first worksheet only.
  }
}

/** A cell's value as text: formulas give their saved result, dates a Dutch date. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const d = value;
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
  }
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("text" in value) return String(value.text).trim();
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined || (typeof result === "object" && result !== null && "error" in result) ? "" : cellText(result);
    }
    if ("error" in value) return "";
    return "";
  }
  return String(value).trim();
}
