/**
 * Builds the Prisma `where` and `orderBy` of the contact list from the GraphQL filter,
 * sort and cursor. Pure, so the keyset rules are unit-tested (contact.query.test.ts).
 *
 * Keyset pagination: the cursor holds the last row's sort value and id; the next page
 * is "after that pair" in the same order. Unlike offsets it does not skip or repeat
 * rows when contacts are added while someone pages.
 */
import { Prisma } from "../../generated/prisma/client.js";
import type { AgeBand, ContactStatus } from "../../generated/prisma/enums.js";
import { keysetCursor } from "../../core/cursor.js";
import { badInput } from "../../core/errors.js";
import { likeLiteral } from "../../core/text.js";
import { staleCutoff } from "./contact.rules.js";

const sql = Prisma.sql;

export interface ContactListFilter {
  text?: string | null;
  districtId?: string | null;
  networkId?: string | null;
  organisationId?: string | null;
  status?: readonly ContactStatus[] | null;
  ageBand?: readonly AgeBand[] | null;
  stale?: boolean | null;
}

export type SortField = "NAME" | "LAST_INTERACTION" | "CREATED_AT";
/** What the API accepts: RELEVANCE is the ranked text search (NAME when there is no text). */
export type RequestedSortField = SortField | "RELEVANCE";
export type SortDirection = "ASC" | "DESC";
export interface ContactSortSpec {
  field: SortField;
  direction: SortDirection;
}

const COLUMN = { NAME: "fullName", LAST_INTERACTION: "lastInteractionAt", CREATED_AT: "createdAt" } as const;

export function contactWhere(
  municipalityId: string,
  filter: ContactListFilter | null | undefined,
  stale: { afterDays: number; now: Date },
  /** The contacts the text matches (contactRepository.findIdsMatchingText); without them the text falls back to ILIKE. */
  textMatches?: readonly string[] | null,
): Prisma.ContactWhereInput {
  const and: Prisma.ContactWhereInput[] = [{ municipalityId }];
  const f = filter ?? {};
  and.push({ status: { in: f.status && f.status.length > 0 ? [...f.status] : ["ACTIVE", "INACTIVE"] } });
  const text = searchText(f);
  if (text && textMatches) {
    and.push({ id: { in: [...textMatches] } });
  } else if (text) {
    const contains = { contains: likeLiteral(text), mode: "insensitive" as const };
    and.push({
      OR: [
        { fullName: contains },
        { email: contains },
        { phone: contains },
        { roles: { some: { title: contains } } },
        { roles: { some: { organisation: { name: contains } } } },
      ],
    });
  }
  if (f.districtId) and.push({ districts: { some: { districtId: f.districtId } } });
  if (f.networkId) and.push({ memberships: { some: { networkId: f.networkId, until: null } } });
  if (f.organisationId) and.push({ roles: { some: { organisationId: f.organisationId } } });
  if (f.ageBand && f.ageBand.length > 0) and.push({ ageBand: { in: [...f.ageBand] } });
  if (f.stale !== null && f.stale !== undefined) {
    const staleWhere: Prisma.ContactWhereInput = {
      status: "ACTIVE",
      OR: [{ lastInteractionAt: null }, { lastInteractionAt: { lt: staleCutoff(stale.afterDays, stale.now) } }],
    };
    and.push(f.stale ? staleWhere : { NOT: staleWhere });
  }
  return { AND: and };
}

/**
 * Order: the sort column, then id as the tie-breaker. Last-interaction sorts put
 * "never spoken to" first when ascending (the most stale first) and last when descending.
 */
export function contactOrderBy(sort: ContactSortSpec): Prisma.ContactOrderByWithRelationInput[] {
  const dir = sort.direction === "ASC" ? "asc" : "desc";
  if (sort.field === "LAST_INTERACTION") {
    return [{ lastInteractionAt: { sort: dir, nulls: dir === "asc" ? "first" : "last" } }, { id: dir }];
  }
  return [{ [COLUMN[sort.field]]: dir }, { id: dir }];
}

type SortValue = string | Date | null;

function sortValueOf(row: { fullName: string; lastInteractionAt: Date | null; createdAt: Date }, field: SortField): SortValue {
  if (field === "NAME") return row.fullName;
  if (field === "CREATED_AT") return row.createdAt;
  return row.lastInteractionAt;
}

export function contactCursor(
  row: { id: string; fullName: string; lastInteractionAt: Date | null; createdAt: Date },
  sort: ContactSortSpec,
): string {
  const v = sortValueOf(row, sort.field);
  return keysetCursor.encode([sort.field, v instanceof Date ? v.toISOString() : v, row.id]);
}

/** The `where` that selects the rows after the cursor in the given order. */
export function afterCursorWhere(cursor: string, sort: ContactSortSpec): Prisma.ContactWhereInput {
  const parts = keysetCursor.decode(cursor);
  const [field, rawValue, id] = parts;
  if (parts.length !== 3 || field !== sort.field || typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw badInput("after", "This cursor belongs to another sort order or is not valid; start again without it.");
  }
  const column = COLUMN[sort.field];
  let value: SortValue;
  if (rawValue === null) {
    if (sort.field !== "LAST_INTERACTION") throw badInput("after", "This cursor is not valid; start again without it.");
    value = null;
  } else if (typeof rawValue !== "string") {
    throw badInput("after", "This cursor is not valid; start again without it.");
  } else if (sort.field === "NAME") {
    value = rawValue;
  } else {
    value = new Date(rawValue);
    if (Number.isNaN(value.getTime())) throw badInput("after", "This cursor is not valid; start again without it.");
  }
  const asc = sort.direction === "ASC";
  const beyond = asc ? "gt" : "lt";
  const tie = { [column]: value, id: { [beyond]: id } } as Prisma.ContactWhereInput;
  if (value === null) {
    // Nulls come first ascending (then every non-null row follows), last descending.
    return asc ? { OR: [tie, { lastInteractionAt: { not: null } }] } : tie;
  }
  const after = { [column]: { [beyond]: value } } as Prisma.ContactWhereInput;
  const nullsAfter: Prisma.ContactWhereInput[] = sort.field === "LAST_INTERACTION" && !asc ? [{ lastInteractionAt: null }] : [];
  return { OR: [after, tie, ...nullsAfter] };
}

// ───────────── text search, ranked (issue 21) ─────────────
//
// Text search runs in SQL against trigram indexes over folded text (wijknet_fold: accents off,
// lower case, hyphens as spaces; migration 20261202141105_contact_search), never ILIKE over
// every contact. RELEVANCE (the default order when a text is given) ranks a contact by its best
// match: 0 = the whole name is the text, 1 = the name starts with it, 2 = one of its words starts
// with it, 3 = the name contains it, 4 = only email, phone, a role title or an organisation name does;
// then by folded name and id. Its cursor is [RELEVANCE, rank, folded name, id].

export interface RelevanceKey {
  rank: number;
  searchName: string;
  id: string;
}

export function relevanceCursor(key: RelevanceKey): string {
  return keysetCursor.encode(["RELEVANCE", key.rank, key.searchName, key.id]);
}

export function decodeRelevanceCursor(cursor: string): RelevanceKey {
  const parts = keysetCursor.decode(cursor);
  const [field, rank, searchName, id] = parts;
  if (
    parts.length !== 4 ||
    field !== "RELEVANCE" ||
    typeof rank !== "number" ||
    !Number.isInteger(rank) ||
    rank < 0 ||
    rank > 4 ||
    typeof searchName !== "string" ||
    typeof id !== "string" ||
    !/^[0-9a-f-]{36}$/i.test(id)
  ) {
    throw badInput("after", "This cursor belongs to another sort order or is not valid; start again without it.");
  }
  return { rank, searchName, id };
}

/** The list filter (all but the text) as SQL over `c` = "Contact", for the ranked search. */
export function contactFilterSql(
  municipalityId: string,
  filter: ContactListFilter | null | undefined,
  stale: { afterDays: number; now: Date },
): Prisma.Sql {
  const f = filter ?? {};
  const parts: Prisma.Sql[] = [sql`c."municipalityId" = ${municipalityId}::uuid`];
  const statuses = f.status && f.status.length > 0 ? [...f.status] : ["ACTIVE", "INACTIVE"];
  parts.push(sql`c."status"::text = ANY(${statuses}::text[])`);
  if (f.districtId) {
    parts.push(sql`EXISTS (SELECT 1 FROM "ContactDistrict" cd WHERE cd."contactId" = c."id" AND cd."districtId" = ${f.districtId}::uuid)`);
  }
  if (f.networkId) {
    parts.push(
      sql`EXISTS (SELECT 1 FROM "NetworkMembership" nm WHERE nm."contactId" = c."id" AND nm."networkId" = ${f.networkId}::uuid AND nm."until" IS NULL)`,
    );
  }
  if (f.organisationId) {
    parts.push(
      sql`EXISTS (SELECT 1 FROM "ContactRole" cr WHERE cr."contactId" = c."id" AND cr."organisationId" = ${f.organisationId}::uuid)`,
    );
  }
  if (f.ageBand && f.ageBand.length > 0) parts.push(sql`c."ageBand"::text = ANY(${[...f.ageBand]}::text[])`);
  if (f.stale !== null && f.stale !== undefined) {
    const cutoff = staleCutoff(stale.afterDays, stale.now);
    const staleSql = sql`(c."status" = 'ACTIVE' AND (c."lastInteractionAt" IS NULL OR c."lastInteractionAt" < ${cutoff}))`;
    parts.push(f.stale ? staleSql : sql`NOT ${staleSql}`);
  }
  return Prisma.join(parts, " AND ");
}

/** The search text as the list takes it: trimmed, at most 100 characters; null when empty. */
export function searchText(filter: ContactListFilter | null | undefined): string | null {
  const text = filter?.text?.trim();
  if (!text) return null;
  if (text.length > 100) throw badInput("filter.text", "At most 100 characters.");
  return text;
}
