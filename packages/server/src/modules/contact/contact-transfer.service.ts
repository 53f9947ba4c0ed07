import { randomUUID } from "node:crypto";
import { needsGuardianConsent } from "../../core/minors.js";
import type { Db } from "../../platform/db/prisma.js";
import type { Viewer } from "../../core/viewer.js";
import { badInput } from "../../core/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import type { OrganisationService } from "../organisation/organisation.service.js";
import { requireRole } from "../../core/authz.js";
import { contactRepository as repo } from "./contact.repository.js";
import { contactOrderBy, contactWhere, type ContactListFilter } from "./contact.query.js";
import { contactsToCsv, parseContactsCsv, type ImportRow, type RowError } from "./contact.csv.js";
import { phoneKey } from "./contact.rules.js";

export interface ImportReport {
  dryRun: boolean;
  rowCount: number;
  created: number;
  skipped: number;
  errors: RowError[];
  duplicates: Array<{ line: number; contactId: string; matchedOn: "EMAIL" | "PHONE" | "NAME_AND_DISTRICT" }>;
}

export type ImportDuplicateModel = ImportReport["duplicates"][number];

export type ImportProgressFn = (processed: number, total: number) => void | Promise<void>;

const CHUNK = 250;
const MAX_EXPORT_ROWS = 10_000;

/**
 * Spreadsheet import and export. Import: parse and validate every row, resolve
 * districts and organisations, detect duplicates (existing contacts and within the
 * file), then — unless it is a dry run — write the valid rows in one transaction, so
 * an import is either fully written or not at all. Rows with errors and duplicates are
 * reported and skipped.
 */
export class ContactTransferService {
  private readonly now: () => Date;
  constructor(private readonly deps: { db: Db; audit: AuditService; organisations: OrganisationService; now?: () => Date }) {
    this.now = deps.now ?? (() => new Date());
  }

  async importCsv(
    viewerInput: Viewer | null,
    csv: string,
    dryRun: boolean,
    requestId: string,
    onProgress?: ImportProgressFn,
  ): Promise<ImportReport> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const { db } = this.deps;
    const parsed = parseContactsCsv(csv);
    const errors = [...parsed.errors];
    const total = parsed.total;
    await onProgress?.(0, total);

    const districts = await db.district.findMany({ where: { municipalityId: viewer.municipalityId } });
    const districtByKey = new Map<string, string>();
    for (const d of districts) {
      districtByKey.set(d.code.toLowerCase(), d.id);
      districtByKey.set(d.name.toLowerCase(), d.id);
    }
    const orgByName = await this.deps.organisations.idsByName(viewer.municipalityId);

    // Existing contacts that could be the same person.
    const candidates = await repo.findDuplicateCandidates(
      db,
      viewer.municipalityId,
      [...new Set(parsed.rows.map((r) => r.email).filter((e): e is string => e !== null))],
      [...new Set(parsed.rows.map((r) => r.fullName))],
    );
    const byEmail = new Map(candidates.filter((c) => c.email).map((c) => [c.email!.toLowerCase(), c.id]));
    const byPhone = new Map(candidates.filter((c) => c.phone).map((c) => [phoneKey(c.phone!), c.id]));
    const byNameDistrict = new Map<string, string>();
    for (const c of candidates) for (const d of c.districts) byNameDistrict.set(`${c.fullName.toLowerCase()}|${d.districtId}`, c.id);

    const duplicates: ImportReport["duplicates"] = [];
    const seenInFile = new Map<string, number>();
    const valid: Array<ImportRow & { districtIds: string[] }> = [];
    for (const row of parsed.rows) {
      const districtIds: string[] = [];
      const unknown = row.districts.filter((d) => {
        const id = districtByKey.get(d.toLowerCase());
        if (id) districtIds.push(id);
        return !id;
      });
      if (unknown.length > 0) {
        errors.push({ line: row.line, field: "districts", message: `Unknown district: ${unknown.join(", ")}.` });
        continue;
      }
      const keys = [row.email ? `e:${row.email}` : null, row.phone ? `p:${phoneKey(row.phone)}` : null].filter(
        (k): k is string => k !== null,
      );
      const earlier = keys.map((k) => seenInFile.get(k)).find((l) => l !== undefined);
      if (earlier !== undefined) {
        errors.push({ line: row.line, field: null, message: `The same person as on line ${earlier} (same email or phone).` });
        continue;
      }
      for (const k of keys) seenInFile.set(k, row.line);
      const match =
        (row.email && byEmail.get(row.email) && { contactId: byEmail.get(row.email)!, matchedOn: "EMAIL" as const }) ||
        (row.phone && byPhone.get(phoneKey(row.phone)) && { contactId: byPhone.get(phoneKey(row.phone))!, matchedOn: "PHONE" as const }) ||
        districtIds
          .map((d) => byNameDistrict.get(`${row.fullName.toLowerCase()}|${d}`))
          .filter(Boolean)
          .map((id) => ({ contactId: id!, matchedOn: "NAME_AND_DISTRICT" as const }))[0];
      if (match) {
        duplicates.push({ line: row.line, ...match });
        continue;
      }
      valid.push({ ...row, districtIds: [...new Set(districtIds)] });
    }
    errors.sort((a, b) => a.line - b.line);

    const report: ImportReport = {
      dryRun,
      rowCount: total,
      created: dryRun ? 0 : valid.length,
      skipped: total - valid.length,
      errors,
      duplicates,
    };
    if (dryRun || valid.length === 0) {
      await onProgress?.(total, total);
      return report;
    }

    await db.$transaction(
      async (tx) => {
        // Organisations named in the file that do not exist yet are created (kind OTHER).
        const newOrgs = [
          ...new Set(valid.map((r) => r.organisation).filter((o): o is string => o !== null && !orgByName.has(o.toLowerCase()))),
        ];
        for (const [key, id] of await this.deps.organisations.createNamed(tx, viewer.municipalityId, newOrgs)) orgByName.set(key, id);
        let processed = total - valid.length;
        for (let i = 0; i < valid.length; i += CHUNK) {
          const chunk = valid.slice(i, i + CHUNK).map((row) => ({ row, id: randomUUID() }));
          await tx.contact.createMany({
            data: chunk.map(({ row, id }) => ({
              id,
              municipalityId: viewer.municipalityId,
              fullName: row.fullName,
              email: row.email,
              phone: row.phone,
              preferredChannel: row.preferredChannel,
              preferredLanguage: row.preferredLanguage,
              ageBand: row.ageBand,
              notes: row.notes,
              // A file cannot carry a guardian's consent: under-16s arrive inactive (core/minors.ts)
              // and are processed for nothing until the coordinator records one and activates them.
              ...(needsGuardianConsent(row.ageBand) ? { status: "INACTIVE" as const, inactiveSince: new Date() } : {}),
            })),
          });
          await tx.contactDistrict.createMany({
            data: chunk.flatMap(({ row, id }) => row.districtIds.map((districtId) => ({ contactId: id, districtId }))),
          });
          await tx.contactRole.createMany({
            data: chunk
              .filter(({ row }) => row.role || row.organisation)
              .map(({ row, id }) => ({
                contactId: id,
                title: row.role ?? "contactpersoon",
                organisationId: row.organisation ? orgByName.get(row.organisation.toLowerCase())! : null,
              })),
          });
          await this.deps.audit.recordMany(
            tx,
            chunk.map(({ id }) => ({
              municipalityId: viewer.municipalityId,
              actorId: viewer.userId,
              actorRole: viewer.role,
              action: "CREATE" as const,
              entityType: "Contact",
              entityId: id,
              details: { via: "csv-import" },
              requestId,
            })),
          );
          processed += chunk.length;
          await onProgress?.(processed, total);
        }
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    return report;
  }

  async exportCsv(viewerInput: Viewer | null, filter: ContactListFilter | null | undefined, requestId: string) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const { db } = this.deps;
    const municipality = await db.municipality.findUnique({ where: { id: viewer.municipalityId } });
    const where = contactWhere(viewer.municipalityId, filter, { afterDays: municipality?.staleContactAfterDays ?? 90, now: this.now() });
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
    const csv = contactsToCsv(
      rows.map((c) => ({
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
      })),
    );
    await this.deps.audit.record(db, {
      municipalityId: viewer.municipalityId,
      actorId: viewer.userId,
      actorRole: viewer.role,
      action: "EXPORT",
      entityType: "Contact",
      entityId: null,
      details: { kind: "csv", rowCount: rows.length, filter: Object.keys(filter ?? {}) },
      requestId,
    });
    const date = this.now().toISOString().slice(0, 10);
    return { filename: `wijknet-contacten-${date}.csv`, rowCount: rows.length, csv };
  }
}
