import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../../platform/db/prisma.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { Interaction } from "../../generated/prisma/client.js";
import type { AgeBand, ContactChannel } from "../../generated/prisma/enums.js";
import type { RelevanceKey } from "./contact.query.js";
import { likeLiteral } from "../../core/text.js";

/** A validated import row, its districts resolved. */
export interface ImportedContact {
  fullName: string;
  email: string | null;
  phone: string | null;
  preferredChannel: ContactChannel;
  preferredLanguage: string;
  ageBand: AgeBand;
  districtIds: string[];
  organisation: string | null;
  role: string | null;
  notes: string | null;
}

/** A LIKE pattern that finds `text` anywhere: `\`, `%` and `_` match themselves. */
const containsPattern = (text: string) => `%${likeLiteral(text)}%`;

/**
 * `hits` (one branch per matching field, with the list's filters on `c` = "Contact") and
 * `ranked` (each contact's best rank) for the head of a WITH statement.
 */
function searchHits(search: { folded: string; raw: string }, filterSql: Prisma.Sql): Prisma.Sql {
  const folded = likeLiteral(search.folded);
  const pat = containsPattern(search.folded);
  const raw = containsPattern(search.raw.toLowerCase());
  // A text that folds to nothing (only hyphens) must not match every name.
  const names = search.folded.length > 0;
  // Addresses and numbers only when the text could be part of one: "jan" is a name (searching
  // every address for it made the planner scan all contacts), "jan@" or "example.org" an
  // address, "0612" a number.
  const emails = /[@.]/.test(search.raw);
  const phones = /[0-9]/.test(search.raw);
  return Prisma.sql`hits AS (
      SELECT c."id", c."searchName", CASE
          WHEN c."searchName" = ${search.folded} THEN 0
          WHEN c."searchName" LIKE ${`${folded}%`} THEN 1
          WHEN c."searchName" LIKE ${`% ${folded}%`} THEN 2
          ELSE 3 END AS "rank"
        FROM "Contact" c WHERE ${names} AND c."searchName" LIKE ${pat} AND ${filterSql}
      UNION ALL
      SELECT c."id", c."searchName", 4 FROM "Contact" c WHERE ${emails} AND lower(c."email") LIKE ${raw} AND ${filterSql}
      UNION ALL
      SELECT c."id", c."searchName", 4 FROM "Contact" c WHERE ${phones} AND c."phone" LIKE ${raw} AND ${filterSql}
      UNION ALL
      SELECT c."id", c."searchName", 4 FROM "ContactRole" cr JOIN "Contact" c ON c."id" = cr."contactId"
        WHERE ${names} AND wijknet_fold(cr."title") LIKE ${pat} AND ${filterSql}
      UNION ALL
      SELECT c."id", c."searchName", 4 FROM "Organisation" o JOIN "ContactRole" cr ON cr."organisationId" = o."id"
        JOIN "Contact" c ON c."id" = cr."contactId"
        WHERE ${names} AND wijknet_fold(o."name") LIKE ${pat} AND ${filterSql}
    ), ranked AS (SELECT "id", "searchName", min("rank") AS "rank" FROM hits GROUP BY "id", "searchName")`;
}

export const contactRepository = {
  findContacts(db: DbOrTx, where: Prisma.ContactWhereInput, orderBy: Prisma.ContactOrderByWithRelationInput[], take: number) {
    return db.contact.findMany({ where, orderBy, take });
  },
  countContacts(db: DbOrTx, where: Prisma.ContactWhereInput) {
    return db.contact.count({ where });
  },

  /** The search text folded by the database's own rule (the one the stored searchName and the indexes use). */
  async foldSearchText(db: DbOrTx, text: string): Promise<string> {
    const [row] = await db.$queryRaw<Array<{ t: string | null }>>`SELECT wijknet_fold(${text}) AS "t"`;
    return row?.t ?? "";
  },
  /**
   * Text search, ranked (see contact.query.ts), page and total in one statement: the matches
   * of each field (each branch one trigram index's condition, so the planner can use the index
   * per field; an OR across tables would scan the municipality's contacts) with the list's
   * other filters, each contact's best rank, the total, and the page after the keyset.
   */
  async searchContacts(
    db: DbOrTx,
    search: { folded: string; raw: string },
    filterSql: Prisma.Sql,
    after: RelevanceKey | null,
    take: number,
  ): Promise<{ keys: RelevanceKey[]; total: number }> {
    const keyset = after
      ? Prisma.sql`WHERE ("rank", "searchName", "id") > (${after.rank}::int, ${after.searchName}, ${after.id}::uuid)`
      : Prisma.empty;
    const rows = await db.$queryRaw<Array<RelevanceKey & { total: number }>>`
      WITH ${searchHits(search, filterSql)}
      SELECT "id", "rank", "searchName", (SELECT count(*)::int FROM ranked) AS "total" FROM ranked ${keyset}
      ORDER BY "rank", "searchName", "id"
      LIMIT ${take}`;
    if (rows.length > 0) return { keys: rows.map(({ id, rank, searchName }) => ({ id, rank, searchName })), total: rows[0]!.total };
    // An empty page (past the end) still answers the total.
    const [row] = await db.$queryRaw<Array<{ n: number }>>`WITH ${searchHits(search, filterSql)} SELECT count(*)::int AS "n" FROM ranked`;
    return { keys: [], total: row?.n ?? 0 };
  },
  /** Ids of the contacts the text matches (any rank) within the filter, for lists in another order. */
  async findIdsMatchingText(db: DbOrTx, search: { folded: string; raw: string }, filterSql: Prisma.Sql): Promise<string[]> {
    const rows = await db.$queryRaw<Array<{ id: string }>>`WITH ${searchHits(search, filterSql)} SELECT "id" FROM ranked`;
    return rows.map((r) => r.id);
  },
  findContactsByIds(db: DbOrTx, ids: readonly string[]) {
    return db.contact.findMany({ where: { id: { in: [...ids] } } });
  },
  /** For a row lock while a contact is merged or erased. */
  async lockContacts(db: DbOrTx, ids: readonly string[]) {
    await db.$queryRaw`SELECT "id" FROM "Contact" WHERE "id" = ANY(${[...ids]}::uuid[]) ORDER BY "id" FOR UPDATE`;
  },
  createContact(db: DbOrTx, data: Prisma.ContactUncheckedCreateInput) {
    return db.contact.create({ data });
  },
  updateContact(db: DbOrTx, id: string, data: Prisma.ContactUncheckedUpdateInput) {
    return db.contact.update({ where: { id }, data });
  },
  findRolesOfContacts(db: DbOrTx, contactIds: readonly string[]) {
    return db.contactRole.findMany({
      where: { contactId: { in: [...contactIds] } },
      orderBy: [{ until: { sort: "desc", nulls: "first" } }, { title: "asc" }, { id: "asc" }],
    });
  },
  findDistrictsOfContacts(db: DbOrTx, contactIds: readonly string[]) {
    return db.contactDistrict.findMany({
      where: { contactId: { in: [...contactIds] } },
      include: { district: true },
      orderBy: { district: { name: "asc" } },
    });
  },
  findConsentsOfContacts(db: DbOrTx, contactIds: readonly string[]) {
    return db.consent.findMany({ where: { contactId: { in: [...contactIds] } }, orderBy: [{ givenAt: "desc" }, { id: "desc" }] });
  },
  findConsentsByIds(db: DbOrTx, ids: readonly string[]) {
    return db.consent.findMany({ where: { id: { in: [...ids] } } });
  },
  /** The latest `perContact` interactions of each contact, in one statement. */
  async findLatestInteractions(db: DbOrTx, contactIds: readonly string[], perContact: number): Promise<Interaction[]> {
    return db.$queryRaw<Interaction[]>(Prisma.sql`
      SELECT "id", "contactId", "authorId", "kind", "occurredAt", "note", "createdAt" FROM (
        SELECT i.*, row_number() OVER (PARTITION BY i."contactId" ORDER BY i."occurredAt" DESC, i."id" DESC) AS rn
        FROM "Interaction" i WHERE i."contactId" = ANY(${[...contactIds]}::uuid[])
      ) ranked WHERE rn <= ${perContact}
      ORDER BY "contactId", "occurredAt" DESC, "id" DESC
    `);
  },
  async replaceDistricts(db: DbOrTx, contactId: string, districtIds: readonly string[]) {
    await db.contactDistrict.deleteMany({ where: { contactId, districtId: { notIn: [...districtIds] } } });
    await db.contactDistrict.createMany({ data: districtIds.map((districtId) => ({ contactId, districtId })), skipDuplicates: true });
  },
  async replaceRoles(db: DbOrTx, contactId: string, roles: ReadonlyArray<Omit<Prisma.ContactRoleCreateManyInput, "contactId">>) {
    await db.contactRole.deleteMany({ where: { contactId } });
    await db.contactRole.createMany({ data: roles.map((r) => ({ ...r, contactId })) });
  },
  createConsent(db: DbOrTx, data: Prisma.ConsentUncheckedCreateInput) {
    return db.consent.create({ data });
  },
  updateConsent(db: DbOrTx, id: string, data: Prisma.ConsentUncheckedUpdateInput) {
    return db.consent.update({ where: { id }, data });
  },
  createInteraction(db: DbOrTx, data: Prisma.InteractionUncheckedCreateInput) {
    return db.interaction.create({ data });
  },
  findInteractionsByIds(db: DbOrTx, ids: readonly string[]) {
    return db.interaction.findMany({ where: { id: { in: [...ids] } } });
  },
  /** Keeps `lastInteractionAt` the latest of the stored one and `at`. */
  async bumpLastInteraction(db: DbOrTx, contactId: string, at: Date) {
    await db.$executeRaw`UPDATE "Contact" SET "lastInteractionAt" = GREATEST(COALESCE("lastInteractionAt", ${at}), ${at}), "updatedAt" = now() WHERE "id" = ${contactId}::uuid`;
  },
  /** Candidates for duplicate detection among the municipality's unmerged contacts. */
  /** Existing contacts an import chunk could duplicate: same email, same phone (E.164) or same name. */
  findImportCandidates(db: DbOrTx, municipalityId: string, emails: string[], phones: string[], names: string[]) {
    return db.contact.findMany({
      where: {
        municipalityId,
        mergedIntoId: null,
        anonymisedAt: null,
        OR: [
          ...(emails.length ? [{ email: { in: [...new Set(emails)] } }] : []),
          ...(phones.length ? [{ phone: { in: [...new Set(phones)] } }] : []),
          ...(names.length ? [{ fullName: { in: [...new Set(names)], mode: "insensitive" as const } }] : []),
        ],
      },
      select: { id: true, fullName: true, email: true, phone: true, districts: { select: { districtId: true } } },
    });
  },

  /**
   * One chunk of imported contacts with their districts and roles (inside the chunk's
   * transaction): three INSERTs over unnest()ed arrays, one parameter per column, so a
   * chunk costs the same few statements whatever its size (createMany with thousands of
   * parameters was the import's bottleneck, in time and in memory).
   */
  async importContacts(
    db: DbOrTx,
    municipalityId: string,
    rows: ReadonlyArray<{ id: string; row: ImportedContact }>,
    orgByName: ReadonlyMap<string, string>,
  ) {
    const col = <T>(f: (r: { id: string; row: ImportedContact }) => T) => rows.map(f);
    await db.$executeRaw`
      INSERT INTO "Contact" ("id", "municipalityId", "fullName", "email", "phone", "preferredChannel", "preferredLanguage", "ageBand", "notes", "updatedAt")
      SELECT t.id, ${municipalityId}::uuid, t.name, t.email, t.phone, t.channel::"ContactChannel", t.lang, t.age::"AgeBand", t.notes, now()
      FROM unnest(
        ${col((r) => r.id)}::uuid[], ${col((r) => r.row.fullName)}::text[], ${col((r) => r.row.email)}::text[],
        ${col((r) => r.row.phone)}::text[], ${col((r) => r.row.preferredChannel)}::text[], ${col((r) => r.row.preferredLanguage)}::text[],
        ${col((r) => r.row.ageBand)}::text[], ${col((r) => r.row.notes)}::text[]
      ) AS t(id, name, email, phone, channel, lang, age, notes)`;
    const districts = rows.flatMap(({ row, id }) => row.districtIds.map((districtId) => ({ contactId: id, districtId })));
    if (districts.length > 0) {
      await db.$executeRaw`
        INSERT INTO "ContactDistrict" ("contactId", "districtId")
        SELECT * FROM unnest(${districts.map((d) => d.contactId)}::uuid[], ${districts.map((d) => d.districtId)}::uuid[])`;
    }
    const roles = rows
      .filter(({ row }) => row.role || row.organisation)
      .map(({ row, id }) => ({
        id: randomUUID(),
        contactId: id,
        title: row.role ?? "contactpersoon",
        organisationId: row.organisation ? (orgByName.get(row.organisation.toLowerCase()) ?? null) : null,
      }));
    if (roles.length > 0) {
      await db.$executeRaw`
        INSERT INTO "ContactRole" ("id", "contactId", "organisationId", "title")
        SELECT * FROM unnest(${roles.map((r) => r.id)}::uuid[], ${roles.map((r) => r.contactId)}::uuid[],
          ${roles.map((r) => r.organisationId)}::uuid[], ${roles.map((r) => r.title)}::text[])`;
    }
  },

  // ───────────── uploaded import files (ContactImport) ─────────────

  createImport(db: DbOrTx, data: Prisma.ContactImportUncheckedCreateInput) {
    return db.contactImport.create({ data, select: { id: true } });
  },
  findImport(db: DbOrTx, municipalityId: string, id: string, now: Date) {
    return db.contactImport.findFirst({ where: { id, municipalityId, expiresAt: { gt: now } } });
  },
  setImportErrors(db: DbOrTx, id: string, errors: Array<{ line: number; message: string }>) {
    return db.contactImport.update({ where: { id }, data: { lastErrors: errors }, select: { id: true } });
  },
  async deleteExpiredImports(db: DbOrTx, now: Date, municipalityId?: string) {
    const { count } = await db.contactImport.deleteMany({
      where: { expiresAt: { lte: now }, ...(municipalityId ? { municipalityId } : {}) },
    });
    return count;
  },

  // ───────────── personal data (contact.personal-data.ts) ─────────────

  findContactById(db: DbOrTx, id: string) {
    return db.contact.findUnique({ where: { id } });
  },
  findRolesForExport(db: DbOrTx, contactId: string) {
    return db.contactRole.findMany({ where: { contactId }, include: { organisation: { select: { name: true, kind: true } } } });
  },
  findDistrictsForExport(db: DbOrTx, contactId: string) {
    return db.contactDistrict.findMany({ where: { contactId }, include: { district: { select: { code: true, name: true } } } });
  },
  findConsentsForExport(db: DbOrTx, contactId: string) {
    return db.consent.findMany({ where: { contactId } });
  },
  findInteractionsForExport(db: DbOrTx, contactId: string) {
    return db.interaction.findMany({ where: { contactId }, orderBy: { occurredAt: "asc" } });
  },
  findMergedFrom(db: DbOrTx, contactId: string) {
    return db.contact.findMany({ where: { mergedIntoId: contactId }, select: { id: true, createdAt: true } });
  },
  async deleteRolesOf(db: DbOrTx, contactIds: readonly string[]) {
    await db.contactRole.deleteMany({ where: { contactId: { in: [...contactIds] } } });
  },
  async deleteConsentsOf(db: DbOrTx, contactIds: readonly string[]) {
    await db.consent.deleteMany({ where: { contactId: { in: [...contactIds] } } });
  },
  async clearInteractionNotesOf(db: DbOrTx, contactIds: readonly string[]) {
    await db.interaction.updateMany({ where: { contactId: { in: [...contactIds] } }, data: { note: null } });
  },
  /** Erasure: the personal fields go; the row stays (age band, districts) for aggregates. */
  async anonymiseContacts(db: DbOrTx, contactIds: readonly string[], now: Date, erasedName: string) {
    await db.contact.updateMany({
      where: { id: { in: [...contactIds] } },
      data: {
        fullName: erasedName,
        email: null,
        phone: null,
        notes: null,
        preferredLanguage: "und",
        status: "ARCHIVED",
        anonymisedAt: now,
      },
    });
  },
  async moveRoles(db: DbOrTx, from: string, to: string) {
    await db.contactRole.updateMany({ where: { contactId: from }, data: { contactId: to } });
  },
  async moveDistricts(db: DbOrTx, from: string, to: string) {
    const rows = await db.contactDistrict.findMany({ where: { contactId: from } });
    await db.contactDistrict.createMany({ data: rows.map((d) => ({ contactId: to, districtId: d.districtId })), skipDuplicates: true });
    await db.contactDistrict.deleteMany({ where: { contactId: from } });
  },
  async moveConsents(db: DbOrTx, from: string, to: string) {
    await db.consent.updateMany({ where: { contactId: from }, data: { contactId: to } });
  },
  async moveInteractions(db: DbOrTx, from: string, to: string) {
    await db.interaction.updateMany({ where: { contactId: from }, data: { contactId: to } });
  },

  // ───────────── retention ─────────────

  /** Active, nobody spoke to them and no current membership, all since before `cutoff`. */
  findContactsToFlagInactive(db: DbOrTx, cutoff: Date, municipalityId?: string) {
    return db.contact.findMany({
      where: {
        ...(municipalityId ? { municipalityId } : {}),
        status: "ACTIVE",
        anonymisedAt: null,
        mergedIntoId: null,
        createdAt: { lt: cutoff },
        OR: [{ lastInteractionAt: null }, { lastInteractionAt: { lt: cutoff } }],
        memberships: { none: { until: null } },
      },
      select: { id: true, municipalityId: true },
    });
  },
  async flagInactive(db: DbOrTx, ids: readonly string[], now: Date) {
    await db.contact.updateMany({ where: { id: { in: [...ids] } }, data: { status: "INACTIVE", inactiveSince: now } });
  },
  /** INACTIVE since before `cutoff` and not erased yet. */
  findContactsInactiveSince(db: DbOrTx, cutoff: Date, municipalityId?: string) {
    return db.contact.findMany({
      where: {
        ...(municipalityId ? { municipalityId } : {}),
        status: "INACTIVE",
        anonymisedAt: null,
        mergedIntoId: null,
        inactiveSince: { lt: cutoff },
      },
      select: { id: true, municipalityId: true },
    });
  },

  /** Age-band step: contacts whose band can still move on (every band but ADULT), not erased. */
  findYouthBands(db: DbOrTx, municipalityId?: string) {
    return db.contact.findMany({
      where: { ageBand: { not: "ADULT" }, anonymisedAt: null, ...(municipalityId ? { municipalityId } : {}) },
      select: { id: true, municipalityId: true, ageBand: true, ageBandSince: true },
    });
  },
  setAgeBand(db: DbOrTx, id: string, ageBand: AgeBand, ageBandSince: Date) {
    return db.contact.update({ where: { id }, data: { ageBand, ageBandSince }, select: { id: true } });
  },
};
