import type { DbOrTx } from "../../platform/db/prisma.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { NetworkMembership } from "../../generated/prisma/client.js";
import type { MembershipEndReason, NetworkKind } from "../../generated/prisma/enums.js";

export interface HealthRow {
  allies: bigint;
  active_members: bigint;
  new_members: bigint;
  lost_members: bigint;
  stale_members: bigint;
  sessions_held: bigint;
  attended: bigint;
  confirmed: bigint;
}

export const networkRepository = {
  findNetworks(db: DbOrTx, where: Prisma.NetworkWhereInput) {
    return db.network.findMany({ where, orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }] });
  },
  findNetworksByIds(db: DbOrTx, ids: readonly string[]) {
    return db.network.findMany({ where: { id: { in: [...ids] } } });
  },
  findNetworkByName(db: DbOrTx, municipalityId: string, name: string) {
    return db.network.findFirst({ where: { municipalityId, name: { equals: name, mode: "insensitive" } } });
  },
  /** Ids of the networks a contact currently belongs to. */
  async findCurrentNetworkIdsOfContact(db: DbOrTx, contactId: string): Promise<string[]> {
    const rows = await db.networkMembership.findMany({ where: { contactId, until: null }, select: { networkId: true } });
    return rows.map((r) => r.networkId);
  },
  createNetwork(db: DbOrTx, data: Prisma.NetworkUncheckedCreateInput) {
    return db.network.create({ data });
  },
  updateNetwork(db: DbOrTx, id: string, data: Prisma.NetworkUncheckedUpdateInput) {
    return db.network.update({ where: { id }, data });
  },
  findMembershipsByIds(db: DbOrTx, ids: readonly string[]) {
    return db.networkMembership.findMany({ where: { id: { in: [...ids] } } });
  },
  /** All memberships of many networks, current first, then by start. */
  findMembershipsOfNetworks(db: DbOrTx, networkIds: readonly string[]) {
    return db.networkMembership.findMany({
      where: { networkId: { in: [...networkIds] } },
      orderBy: [{ until: { sort: "desc", nulls: "first" } }, { since: "asc" }, { id: "asc" }],
    });
  },
  /**
   * A page of a network's members: current ones first, then ended ones (with `includeEnded`),
   * each by id (UUIDv7: the order they were recorded), after the keyset (ended, id).
   */
  findMemberPage(
    db: DbOrTx,
    networkId: string,
    options: { includeEnded: boolean; after: { ended: boolean; id: string } | null; take: number },
  ): Promise<NetworkMembership[]> {
    const { includeEnded, after, take } = options;
    const current = (extra: Prisma.Sql) => Prisma.sql`
      SELECT * FROM "NetworkMembership" WHERE "networkId" = ${networkId}::uuid AND "until" IS NULL ${extra}
      ORDER BY "id" LIMIT ${take}`;
    const ended = (extra: Prisma.Sql) => Prisma.sql`
      SELECT * FROM "NetworkMembership" WHERE "networkId" = ${networkId}::uuid AND "until" IS NOT NULL ${extra}
      ORDER BY "id" LIMIT ${take}`;
    const afterId = after ? Prisma.sql`AND "id" > ${after.id}::uuid` : Prisma.empty;
    if (after?.ended) return db.$queryRaw<NetworkMembership[]>(ended(afterId));
    if (!includeEnded) return db.$queryRaw<NetworkMembership[]>(current(afterId));
    // Both parts, each walking its index in order; the outer LIMIT stops at the page's end.
    return db.$queryRaw<NetworkMembership[]>(Prisma.sql`
      SELECT * FROM ((${current(afterId)}) UNION ALL (${ended(Prisma.empty)})) page
      ORDER BY ("until" IS NOT NULL), "id" LIMIT ${take}`);
  },
  findMembershipsOfContacts(db: DbOrTx, contactIds: readonly string[]) {
    return db.networkMembership.findMany({
      where: { contactId: { in: [...contactIds] } },
      orderBy: [{ until: { sort: "desc", nulls: "first" } }, { since: "asc" }, { id: "asc" }],
    });
  },
  findCurrentMembership(db: DbOrTx, networkId: string, contactId: string) {
    return db.networkMembership.findFirst({ where: { networkId, contactId, until: null } });
  },
  createMembership(db: DbOrTx, data: Prisma.NetworkMembershipUncheckedCreateInput) {
    return db.networkMembership.create({ data });
  },
  endMembership(db: DbOrTx, id: string, until: Date, endReason: MembershipEndReason = "LEFT") {
    return db.networkMembership.update({ where: { id }, data: { until, endReason } });
  },

  /** A contact's consent records (owned by the contact feature; read for the minors' rule). */
  findConsents(db: DbOrTx, contactId: string) {
    return db.consent.findMany({ where: { contactId } });
  },

  /** Consent withdrawn: the contact's current memberships end, with the reason. Returns the ended ones. */
  async endCurrentMembershipsOf(db: DbOrTx, contactId: string, until: Date) {
    const current = await db.networkMembership.findMany({ where: { contactId, until: null } });
    if (current.length === 0) return current;
    await db.networkMembership.updateMany({
      where: { id: { in: current.map((m) => m.id) } },
      data: { until, endReason: "CONSENT_WITHDRAWN" },
    });
    return current;
  },

  async countCurrentMembers(db: DbOrTx, networkIds: readonly string[]) {
    const rows = await db.networkMembership.groupBy({
      by: ["networkId"],
      where: { networkId: { in: [...networkIds] }, until: null },
      _count: { _all: true },
    });
    return new Map(rows.map((r) => [r.networkId, r._count._all]));
  },
  /**
   * Every aggregate of the district dashboard in one round trip. "Current" means a
   * membership without an end, of a network that is not archived, of a contact that
   * was not merged away. Erased (anonymised) contacts still count: that is what
   * erasure keeps them for.
   */
  async health(db: DbOrTx, p: { districtId: string; from: Date; to: Date; staleCutoff: Date; now: Date }): Promise<HealthRow> {
    const rows = await db.$queryRaw<HealthRow[]>(Prisma.sql`
      WITH district_memberships AS (
        SELECT m."contactId", m."since", m."until", n."kind", c."status", c."lastInteractionAt", c."ageBand"
        FROM "NetworkMembership" m
        JOIN "Network" n ON n."id" = m."networkId"
        JOIN "Contact" c ON c."id" = m."contactId"
        WHERE n."districtId" = ${p.districtId}::uuid AND n."archivedAt" IS NULL AND c."mergedIntoId" IS NULL
      ),
      current_members AS (
        SELECT * FROM district_memberships WHERE "until" IS NULL AND "since" <= ${p.now}
      ),
      held AS (
        SELECT s."id" FROM "ThemeSession" s
        WHERE s."districtId" = ${p.districtId}::uuid AND s."status" <> 'CANCELLED'
          AND s."endsAt" >= ${p.from} AND s."endsAt" < ${p.to} AND s."endsAt" <= ${p.now}
      )
      SELECT
        (SELECT count(DISTINCT "contactId") FROM current_members WHERE "kind" = 'ALLIES') AS allies,
        (SELECT count(DISTINCT "contactId") FROM current_members) AS active_members,
        (SELECT count(DISTINCT "contactId") FROM district_memberships WHERE "since" >= ${p.from} AND "since" < ${p.to}) AS new_members,
        (SELECT count(DISTINCT "contactId") FROM district_memberships WHERE "until" >= ${p.from} AND "until" < ${p.to}) AS lost_members,
        (SELECT count(DISTINCT "contactId") FROM current_members
           WHERE "status" = 'ACTIVE' AND ("lastInteractionAt" IS NULL OR "lastInteractionAt" < ${p.staleCutoff})) AS stale_members,
        (SELECT count(*) FROM held) AS sessions_held,
        (SELECT count(*) FROM "Registration" r WHERE r."sessionId" IN (SELECT "id" FROM held) AND r."attendance" = 'ATTENDED') AS attended,
        (SELECT count(*) FROM "Registration" r WHERE r."sessionId" IN (SELECT "id" FROM held) AND r."seatStatus" = 'CONFIRMED') AS confirmed
    `);
    return rows[0]!;
  },
  /** Current members of the district's networks per age band (youth networks, or all when `kind` is null). */
  async ageBands(db: DbOrTx, districtId: string, kind: NetworkKind | null) {
    const rows = await db.$queryRaw<Array<{ ageBand: string; n: bigint }>>(Prisma.sql`
      SELECT c."ageBand" AS "ageBand", count(DISTINCT c."id") AS n
      FROM "NetworkMembership" m
      JOIN "Network" n ON n."id" = m."networkId"
      JOIN "Contact" c ON c."id" = m."contactId"
      WHERE n."districtId" = ${districtId}::uuid AND n."archivedAt" IS NULL AND m."until" IS NULL
        AND c."mergedIntoId" IS NULL ${kind ? Prisma.sql`AND n."kind" = ${kind}::"NetworkKind"` : Prisma.empty}
      GROUP BY c."ageBand"
    `);
    return new Map(rows.map((r) => [r.ageBand, Number(r.n)]));
  },

  // ───────────── personal data (network.personal-data.ts) ─────────────

  /** A contact's memberships with the network's name, for the subject-access export. */
  findMembershipsForExport(db: DbOrTx, contactId: string) {
    return db.networkMembership.findMany({ where: { contactId }, include: { network: { select: { name: true, kind: true } } } });
  },

  /** Merge: where both are current members of a network, the duplicate's membership ends; then all move. */
  async moveMemberships(db: DbOrTx, fromContactId: string, toContactId: string, now: Date) {
    const keepNetworks = await networkRepository.findCurrentNetworkIdsOfContact(db, toContactId);
    await db.networkMembership.updateMany({
      where: { contactId: fromContactId, until: null, networkId: { in: keepNetworks } },
      data: { until: now },
    });
    await db.networkMembership.updateMany({ where: { contactId: fromContactId }, data: { contactId: toContactId } });
  },
};
