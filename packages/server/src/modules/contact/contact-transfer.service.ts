import { randomUUID } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import type { Db, DbOrTx } from "../../platform/db/prisma.js";
import type { Viewer } from "../../core/viewer.js";
import { AppError, badInput, conflict, notFound } from "../../core/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import type { OrganisationService } from "../organisation/organisation.service.js";
import { requireRole } from "../../core/authz.js";
import { contactRepository as repo } from "./contact.repository.js";
import { contactFilterSql, contactOrderBy, contactWhere, searchText, type ContactListFilter } from "./contact.query.js";
import { detectShape, readRecords, type FileRecord, type FileShape } from "./contact.import-file.js";
import {
  type ColumnMapping,
  type HeaderNote,
  type ImportRow,
  type RowError,
  mapRecord,
  mappingProblem,
  suggestMapping,
} from "./contact.import-mapping.js";
import { ERROR_COLUMN, importLanguage, importMessage } from "./contact.import-messages.js";
import { exportTable, tableToExcelCsv, tableToXlsx, type ExportRow } from "./contact.export-file.js";

/** Most data rows one import reads; 50,000 is what the bench runs. */
export const MAX_IMPORT_ROWS = 100_000;
/** Rows per write transaction and per progress message. */
const CHUNK = 500;
/** Errors and duplicates listed in a report (every error is in the error CSV). */
const LISTED = 100;
const PREVIEW_ROWS = 5;
const MAX_EXPORT_ROWS = 10_000;

/** The first bytes of an old binary Excel (.xls) file (OLE2 compound document). */
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export interface ImportReport {
  importId: string;
  dryRun: boolean;
  rowCount: number;
  created: number;
  unchanged: number;
  errorCount: number;
  errors: RowError[];
  duplicates: Array<{ line: number; contactId: string; matchedOn: "EMAIL" | "PHONE" | "NAME_AND_DISTRICT" }>;
}

export type ImportDuplicateModel = ImportReport["duplicates"][number];

export interface ImportProgressEvent {
  processed: number;
  total: number;
  created: number;
  unchanged: number;
  errorCount: number;
}

export type ImportProgressFn = (event: ImportProgressEvent) => void | Promise<void>;

export interface ImportDescription {
  id: string;
  filename: string;
  format: string;
  encoding: string;
  separator: string | null;
  rowCount: number;
  headers: string[];
  mapping: ColumnMapping[];
  warnings: Array<HeaderNote & { message: string }>;
  preview: Array<{ line: number; cells: string[] }>;
  expiresAt: Date;
}

export interface RunImportInput {
  importId: string;
  mapping?: readonly ColumnMapping[] | null;
  dryRun: boolean;
  language?: string | null;
}

/**
 * Spreadsheet import and export.
 *
 * Import is three steps. `upload` keeps the file's bytes (as sent, up to the size the
 * HTTP route allows) in a ContactImport row, with the format, encoding, separator and
 * row count detected. `describe` shows the headers, the suggested column mapping, the
 * skipped columns and the first rows. `run` (dry or real) streams the records through
 * the mapping in chunks of 500: each chunk's rows are validated, matched against
 * existing contacts (email, phone in E.164, name plus districts) and earlier rows of the
 * file, and — in a real run — written in one transaction per chunk with their audit
 * rows. Bad rows are reported and kept for the error CSV; good rows go in. A row that
 * matches an existing contact is left unchanged, so the same file imported twice
 * creates nothing the second time.
 */
export class ContactTransferService {
  private readonly now: () => Date;
  /** Imports running in this instance: a second run of the same upload (a double click) waits its turn. */
  private readonly running = new Set<string>();
  constructor(
    private readonly deps: {
      db: Db;
      audit: AuditService;
      organisations: OrganisationService;
      /** How long an upload is kept for its dry run, run and error CSV. */
      retentionHours: number;
      /** The largest upload the HTTP route accepts (IMPORT_MAX_BYTES). */
      maxUploadBytes: number;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  get maxUploadBytes(): number {
    return this.deps.maxUploadBytes;
  }

  async upload(
    viewerInput: Viewer | null,
    filename: string,
    bytes: Buffer,
    requestId: string | null = null,
  ): Promise<{ importId: string; rowCount: number }> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    if (bytes.length === 0) throw badInput("file", "The file is empty.");
    if (bytes.subarray(0, 4).equals(OLE2_SIGNATURE)) {
      throw badInput("file", "This is an old Excel file (.xls); save it as .xlsx or as CSV and upload that.");
    }
    const shape = detectShape(bytes);
    let rowCount = -1;
    try {
      for await (const _record of readRecords(bytes, shape)) {
        rowCount++;
        if (rowCount > MAX_IMPORT_ROWS) throw badInput("file", `At most ${MAX_IMPORT_ROWS} rows per import; split the file.`);
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw badInput("file", "This is not a readable CSV or XLSX file.");
    }
    if (rowCount < 0) throw badInput("file", "The file is empty.");
    const row = await this.deps.db.$transaction(async (tx) => {
      const created = await repo.createImport(tx, {
        municipalityId: viewer.municipalityId,
        uploadedById: viewer.userId,
        filename: filename.slice(0, 200) || "import.csv",
        format: shape.format,
        encoding: shape.encoding,
        separator: shape.separator,
        byteSize: bytes.length,
        // The bytes as read, not a copy (a Buffer is a Uint8Array over its own ArrayBuffer here).
        content: bytes as Uint8Array<ArrayBuffer>,
        rowCount,
        expiresAt: new Date(this.now().getTime() + this.deps.retentionHours * 3_600_000),
      });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "ContactImport",
        entityId: created.id,
        details: { format: shape.format, encoding: shape.encoding, rowCount, byteSize: bytes.length },
        requestId,
      });
      return created;
    });
    return { importId: row.id, rowCount };
  }

  private async load(viewer: Viewer, importId: string) {
    const row = /^[0-9a-f-]{36}$/i.test(importId) ? await repo.findImport(this.deps.db, viewer.municipalityId, importId, this.now()) : null;
    if (!row) throw notFound("ContactImport");
    const bytes = Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength);
    const shape: FileShape = detectShape(bytes);
    return { row, bytes, shape };
  }

  async describe(viewerInput: Viewer | null, importId: string, languageTag?: string | null): Promise<ImportDescription> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const language = importLanguage(languageTag);
    const { row, bytes, shape } = await this.load(viewer, importId);
    let headers: string[] = [];
    const preview: ImportDescription["preview"] = [];
    for await (const record of readRecords(bytes, shape)) {
      if (!record.cells) continue;
      if (headers.length === 0) headers = record.cells;
      else preview.push({ line: record.line, cells: record.cells });
      if (preview.length >= PREVIEW_ROWS) break;
    }
    const { mapping, notes } = suggestMapping(headers);
    return {
      id: row.id,
      filename: row.filename,
      format: row.format,
      encoding: row.encoding,
      separator: row.separator,
      rowCount: row.rowCount,
      headers,
      mapping,
      warnings: notes.map((n) => ({ ...n, message: importMessage(language, n.code, { value: n.header }) })),
      preview,
      expiresAt: row.expiresAt,
    };
  }

  async run(viewerInput: Viewer | null, input: RunImportInput, requestId: string, onProgress?: ImportProgressFn): Promise<ImportReport> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const { row: upload, bytes, shape } = await this.load(viewer, input.importId);
    if (!input.dryRun) {
      if (this.running.has(upload.id)) throw conflict("This import is already running; wait for its result.");
      this.running.add(upload.id);
    }
    try {
      return await this.runLoaded(viewer, input, requestId, upload, bytes, shape, onProgress);
    } finally {
      if (!input.dryRun) this.running.delete(upload.id);
    }
  }

  private async runLoaded(
    viewer: Viewer,
    input: RunImportInput,
    requestId: string,
    upload: Awaited<ReturnType<ContactTransferService["load"]>>["row"],
    bytes: Buffer,
    shape: FileShape,
    onProgress?: ImportProgressFn,
  ): Promise<ImportReport> {
    const language = importLanguage(input.language);
    const { db } = this.deps;
    const records = readRecords(bytes, shape);
    const first = await nextCells(records);
    const headers = first?.cells ?? [];
    const mapping = input.mapping ?? suggestMapping(headers).mapping;
    const problem = mappingProblem(mapping, headers.length);
    if (problem) throw badInput("input.mapping", importMessage(language, problem.code, { value: problem.value ?? "" }));

    const districts = await db.district.findMany({ where: { municipalityId: viewer.municipalityId } });
    const districtByKey = new Map<string, string>();
    for (const d of districts) {
      districtByKey.set(d.code.toLowerCase(), d.id);
      districtByKey.set(d.name.toLowerCase(), d.id);
    }
    const orgByName = await this.deps.organisations.idsByName(viewer.municipalityId);
    const seenInFile = new Map<string, number>();
    const errors: RowError[] = [];
    const duplicates: ImportReport["duplicates"] = [];
    const progress: ImportProgressEvent = { processed: 0, total: upload.rowCount, created: 0, unchanged: 0, errorCount: 0 };
    const fail = (line: number, column: string | null, code: RowError["code"], params: Record<string, string | number> = {}) => {
      errors.push({ line, column, code, message: importMessage(language, code, params) });
    };
    const columnOf = (field: ColumnMapping["field"]) => {
      const m = mapping.find((x) => x.field === field);
      return m ? (headers[m.column] ?? null) : null;
    };

    const flush = async (rows: ImportRow[]) => {
      const fresh: Array<ImportRow & { districtIds: string[] }> = [];
      const candidates = await repo.findImportCandidates(
        db,
        viewer.municipalityId,
        rows.map((r) => r.email).filter((e): e is string => e !== null),
        rows.map((r) => r.phone).filter((p): p is string => p !== null),
        rows.map((r) => r.fullName),
      );
      const byEmail = new Map(candidates.filter((c) => c.email).map((c) => [c.email!.toLowerCase(), c.id]));
      const byPhone = new Map(candidates.filter((c) => c.phone).map((c) => [c.phone!, c.id]));
      const byNameDistricts = new Map(
        candidates.map((c) => [
          nameKey(
            c.fullName,
            c.districts.map((d) => d.districtId),
          ),
          c.id,
        ]),
      );
      for (const row of rows) {
        const districtIds: string[] = [];
        const unknown = row.districts.filter((d) => {
          const id = districtByKey.get(d.toLowerCase());
          if (id) districtIds.push(id);
          return !id;
        });
        if (unknown.length > 0) {
          fail(row.line, columnOf("DISTRICTS"), "UNKNOWN_DISTRICT", { value: unknown.join(", ") });
          continue;
        }
        const byName = nameKey(row.fullName, districtIds);
        const keys = [row.email ? `e:${row.email}` : null, row.phone ? `p:${row.phone}` : null, `n:${byName}`].filter(
          (k): k is string => k !== null,
        );
        const earlier = keys.map((k) => seenInFile.get(k)).find((l) => l !== undefined);
        if (earlier !== undefined) {
          fail(row.line, null, "DUPLICATE_IN_FILE", { line: earlier });
          continue;
        }
        for (const k of keys) seenInFile.set(k, row.line);
        const match =
          (row.email && byEmail.has(row.email) && { contactId: byEmail.get(row.email)!, matchedOn: "EMAIL" as const }) ||
          (row.phone && byPhone.has(row.phone) && { contactId: byPhone.get(row.phone)!, matchedOn: "PHONE" as const }) ||
          (byNameDistricts.has(byName) && { contactId: byNameDistricts.get(byName)!, matchedOn: "NAME_AND_DISTRICT" as const });
        if (match) {
          progress.unchanged++;
          if (duplicates.length < LISTED) duplicates.push({ line: row.line, ...match });
          continue;
        }
        fresh.push({ ...row, districtIds: [...new Set(districtIds)] });
      }
      if (!input.dryRun && fresh.length > 0) await this.write(viewer, fresh, orgByName, requestId);
      progress.created += fresh.length;
    };

    await onProgress?.({ ...progress });
    let chunk: ImportRow[] = [];
    const report = async () => {
      progress.errorCount = errors.length;
      await onProgress?.({ ...progress });
    };
    for await (const record of records) {
      progress.processed++;
      if (record.error) fail(record.line, null, record.error);
      else {
        const mapped = mapRecord(record.line, record.cells, headers, mapping, language);
        if (mapped.errors) errors.push(...mapped.errors);
        else chunk.push(mapped.row);
      }
      if (chunk.length >= CHUNK) {
        await flush(chunk);
        chunk = [];
        await report();
      } else if (progress.processed % CHUNK === 0) await report();
    }
    if (chunk.length > 0) await flush(chunk);
    progress.total = progress.processed;
    await report();

    errors.sort((a, b) => a.line - b.line);
    await repo.setImportErrors(
      db,
      upload.id,
      errors.map((e) => ({ line: e.line, message: e.column ? `${e.column}: ${e.message}` : e.message })),
    );
    return {
      importId: upload.id,
      dryRun: input.dryRun,
      rowCount: progress.processed,
      created: progress.created,
      unchanged: progress.unchanged,
      errorCount: errors.length,
      errors: errors.slice(0, LISTED),
      duplicates,
    };
  }

  private async write(
    viewer: Viewer,
    rows: ReadonlyArray<ImportRow & { districtIds: string[] }>,
    orgByName: Map<string, string>,
    requestId: string,
  ): Promise<void> {
    await this.deps.db.$transaction(
      async (tx) => {
        // Organisations named in the file that do not exist yet are created (kind OTHER).
        const newOrgs = [
          ...new Set(rows.map((r) => r.organisation).filter((o): o is string => o !== null && !orgByName.has(o.toLowerCase()))),
        ];
        for (const [key, id] of await this.deps.organisations.createNamed(tx, viewer.municipalityId, newOrgs)) orgByName.set(key, id);
        const withIds = rows.map((row) => ({ row, id: randomUUID() }));
        await repo.importContacts(tx, viewer.municipalityId, withIds, orgByName);
        await this.deps.audit.recordMany(
          tx,
          withIds.map(({ id }) => ({
            municipalityId: viewer.municipalityId,
            actorId: viewer.userId,
            actorRole: viewer.role,
            action: "CREATE" as const,
            entityType: "Contact",
            entityId: id,
            details: { via: "import" },
            requestId,
          })),
        );
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }

  /**
   * The rows of the last run that were not imported, as the file had them plus an error
   * column: fix them and import this file again. UTF-8 with a byte order mark, the
   * upload's separator (`;` for XLSX).
   */
  async errorCsv(viewerInput: Viewer | null, importId: string, languageTag?: string | null) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const language = importLanguage(languageTag);
    const { row, bytes, shape } = await this.load(viewer, importId);
    const byLine = new Map<number, string[]>();
    for (const e of (row.lastErrors as Array<{ line: number; message: string }> | null) ?? []) {
      byLine.set(e.line, [...(byLine.get(e.line) ?? []), e.message]);
    }
    const table: string[][] = [];
    let width = 0;
    for await (const record of readRecords(bytes, shape)) {
      if (table.length === 0 && record.cells) {
        width = record.cells.length;
        table.push([...record.cells, ERROR_COLUMN[language]]);
        continue;
      }
      const messages = byLine.get(record.line);
      if (!messages) continue;
      const cells = record.cells ?? [];
      table.push([...cells, ...Array.from({ length: Math.max(0, width - cells.length) }, () => ""), messages.join(" ")]);
    }
    const csv = `\uFEFF${stringify(table, { delimiter: shape.separator ?? ";", record_delimiter: "\r\n" })}`;
    const base = row.filename.replace(/\.(csv|xlsx|txt)$/i, "");
    return { filename: `${base}-${language === "nl" ? "fouten" : "errors"}.csv`, rowCount: table.length - 1, csv };
  }

  private async exportRows(viewer: Viewer, filter: ContactListFilter | null | undefined): Promise<ExportRow[]> {
    const { db } = this.deps;
    const municipality = await db.municipality.findUnique({ where: { id: viewer.municipalityId } });
    const text = searchText(filter);
    const stale = { afterDays: municipality?.staleContactAfterDays ?? 90, now: this.now() };
    const matches = text
      ? await repo.findIdsMatchingText(
          db,
          { folded: await repo.foldSearchText(db, text), raw: text },
          contactFilterSql(viewer.municipalityId, filter, stale),
        )
      : null;
    const where = contactWhere(viewer.municipalityId, filter, stale, matches);
    const count = await db.contact.count({ where });
    if (count > MAX_EXPORT_ROWS)
      throw badInput("filter", `This would export ${count} contacts; narrow the filter to at most ${MAX_EXPORT_ROWS}.`);
    const rows = await db.contact.findMany({
      where,
      orderBy: contactOrderBy({ field: "NAME", direction: "ASC" }),
      include: {
        districts: { include: { district: { select: { name: true } } } },
        memberships: { where: { until: null }, include: { network: { select: { name: true } } } },
        roles: { where: { until: null }, include: { organisation: { select: { name: true } } } },
      },
    });
    return rows.map((c) => ({
      fullName: c.fullName,
      email: c.email,
      phone: c.phone,
      preferredChannel: c.preferredChannel,
      preferredLanguage: c.preferredLanguage,
      ageBand: c.ageBand,
      status: c.status,
      districts: c.districts.map((d) => d.district.name),
      networks: c.memberships.map((m) => m.network.name),
      organisations: [...new Set(c.roles.map((r) => r.organisation?.name).filter((n): n is string => !!n))],
      roles: c.roles.map((r) => r.title),
      lastInteractionAt: c.lastInteractionAt,
    }));
  }

  private async auditExport(db: DbOrTx, viewer: Viewer, kind: string, rowCount: number, filter: unknown, requestId: string) {
    await this.deps.audit.record(db, {
      municipalityId: viewer.municipalityId,
      actorId: viewer.userId,
      actorRole: viewer.role,
      action: "EXPORT",
      entityType: "Contact",
      entityId: null,
      details: { kind, rowCount, filter: Object.keys(filter ?? {}) },
      requestId,
    });
  }

  /** CSV for Dutch Excel: `;`, UTF-8 BOM, labels in `language`, Amsterdam times. Audited. */
  async exportCsv(
    viewerInput: Viewer | null,
    filter: ContactListFilter | null | undefined,
    requestId: string,
    languageTag?: string | null,
  ) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const rows = await this.exportRows(viewer, filter);
    const csv = tableToExcelCsv(exportTable(rows, importLanguage(languageTag)));
    await this.auditExport(this.deps.db, viewer, "csv", rows.length, filter, requestId);
    const date = this.now().toISOString().slice(0, 10);
    return { filename: `wijknet-contacten-${date}.csv`, rowCount: rows.length, csv };
  }

  /** The same table as an XLSX workbook (base64). Audited. */
  async exportXlsx(
    viewerInput: Viewer | null,
    filter: ContactListFilter | null | undefined,
    requestId: string,
    languageTag?: string | null,
  ) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const language = importLanguage(languageTag);
    const rows = await this.exportRows(viewer, filter);
    const xlsx = await tableToXlsx(exportTable(rows, language), language === "nl" ? "Contacten" : "Contacts");
    await this.auditExport(this.deps.db, viewer, "xlsx", rows.length, filter, requestId);
    const date = this.now().toISOString().slice(0, 10);
    return { filename: `wijknet-contacten-${date}.xlsx`, rowCount: rows.length, base64: xlsx.toString("base64") };
  }
}

/** The header record (the first readable one). */
async function nextCells(records: AsyncGenerator<FileRecord>): Promise<{ cells: string[] } | null> {
  for (;;) {
    const next = await records.next();
    if (next.done) return null;
    if (next.value.cells) return { cells: next.value.cells };
  }
}

function nameKey(fullName: string, districtIds: readonly string[]): string {
  return `${fullName.toLowerCase().replace(/\s+/g, " ")}|${[...new Set(districtIds)].sort().join(",")}`;
}
