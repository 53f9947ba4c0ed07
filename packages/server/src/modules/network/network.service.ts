import type { Db, Tx } from "../../platform/db/prisma.js";
import { guardSituationText } from "../../core/situation-text.js";
import type { ConsentWithdrawal } from "../contact/contact.service.js";
import type { Network, NetworkMembership, Prisma } from "../../generated/prisma/client.js";
import type { AgeBand, MembershipRole, NetworkKind } from "../../generated/prisma/enums.js";
import type { Lookup } from "../../core/loader-utils.js";
import type { Viewer } from "../../core/viewer.js";
import { AppError, badInput, conflict, forbidden, notFound } from "../../core/errors.js";
import { isId, requireId } from "../../core/ids.js";
import { keysetCursor, pageSize } from "../../core/cursor.js";
import { CONSENT_MESSAGES, consentFor } from "../../core/minors.js";
import type { AuditService } from "../audit/audit.service.js";
import { isMunicipalityWide, requireRole, requireViewer } from "../../core/authz.js";
import { cleanText, requiredText } from "../../core/text.js";
import { staleCutoff } from "../contact/contact.rules.js";
import { networkRepository as repo } from "./network.repository.js";
import {
  countFor,
  disclosablePeriod,
  readsExactCounts,
  suppress,
  suppressCells,
  suppressedShare,
  suppressPart,
  type SuppressedCount,
} from "../../core/disclosure.js";

export interface NetworkLoaders {
  network: Lookup<Network | null>;
  district: Lookup<{ id: string; municipalityId: string } | null>;
  contact: Lookup<{ id: string; municipalityId: string; status: string; anonymisedAt: Date | null; ageBand: AgeBand } | null>;
  membership: Lookup<NetworkMembership | null>;
  municipality: Lookup<{ staleContactAfterDays: number } | null>;
}

export interface NetworkHealth {
  districtId: string;
  from: Date;
  to: Date;
  allies: SuppressedCount;
  activeMembers: SuppressedCount;
  youthByAgeBand: Array<{ ageBand: AgeBand; count: SuppressedCount }>;
  youthShare: number | null;
  newMembers: SuppressedCount;
  lostMembers: SuppressedCount;
  staleMembers: SuppressedCount;
  staleShare: number | null;
  /** Null for non-coordinators when fewer than 5 (core/disclosure.ts). */
  sessionsHeld: number | null;
  attendees: SuppressedCount;
  turnout: number | null;
}

const YOUTH_BANDS: readonly AgeBand[] = ["UNDER_12", "AGE_12_15", "AGE_16_17", "AGE_18_23", "AGE_24_27"];
const MAX_PERIOD_DAYS = 3 * 366;

const MAX_MEMBER_PAGE = 200;

/**
 * Networks and memberships. Who sees what (deny by default):
 * - coordinators and admins: every network of the municipality, members included;
 * - police liaisons: the networks of their districts, names and counts only;
 * - allies: the networks they currently belong to, names and counts only.
 */
export class NetworkService {
  private readonly now: () => Date;
  constructor(private readonly deps: { db: Db; audit: AuditService; now?: () => Date }) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The `where` that limits networks to what this viewer may see. */
  private async visibleWhere(viewer: Viewer): Promise<Prisma.NetworkWhereInput> {
    const base = { municipalityId: viewer.municipalityId };
    if (isMunicipalityWide(viewer)) return base;
    if (viewer.role === "POLICE_LIAISON") return { ...base, districtId: { in: [...viewer.districtIds] } };
    if (viewer.role === "ALLY" && viewer.contactId) {
      return { ...base, id: { in: await repo.findCurrentNetworkIdsOfContact(this.deps.db, viewer.contactId) } };
    }
    return { ...base, id: { in: [] } };
  }

  private async canSee(viewer: Viewer, network: Network): Promise<boolean> {
    if (network.municipalityId !== viewer.municipalityId) return false;
    if (isMunicipalityWide(viewer)) return true;
    if (viewer.role === "POLICE_LIAISON") return network.districtId !== null && viewer.districtIds.includes(network.districtId);
    if (viewer.role === "ALLY" && viewer.contactId) {
      return (await repo.findCurrentMembership(this.deps.db, network.id, viewer.contactId)) !== null;
    }
    return false;
  }

  async list(
    viewerInput: Viewer | null,
    filter: { kind?: NetworkKind | null; districtId?: string | null; includeArchived?: boolean | null } | null,
  ) {
    const viewer = requireViewer(viewerInput);
    const where: Prisma.NetworkWhereInput = { AND: [await this.visibleWhere(viewer)] };
    const and = where.AND as Prisma.NetworkWhereInput[];
    if (filter?.kind) and.push({ kind: filter.kind });
    if (filter?.districtId) and.push({ districtId: requireId(filter.districtId, "filter.districtId") });
    if (!filter?.includeArchived) and.push({ archivedAt: null });
    return repo.findNetworks(this.deps.db, where);
  }

  /** NOT_FOUND both when it does not exist and when the viewer may not see it. */
  async get(viewerInput: Viewer | null, id: string, loaders: Pick<NetworkLoaders, "network">): Promise<Network> {
    const viewer = requireViewer(viewerInput);
    const network = await loaders.network.load(requireId(id, "id"));
    if (!network || !(await this.canSee(viewer, network))) throw notFound("Network");
    return network;
  }

  /** Who the members are: coordinators and admins only. */
  assertMayListMembers(viewerInput: Viewer | null, network: Network): void {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    if (network.municipalityId !== viewer.municipalityId) throw forbidden();
  }

  /** A page of the members (keyset cursor [ended, id]); coordinators and admins only. */
  async memberPage(
    viewerInput: Viewer | null,
    network: Network,
    args: { first?: number | null; after?: string | null; includeEnded?: boolean | null },
  ): Promise<{ edges: Array<{ cursor: string; node: NetworkMembership }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
    this.assertMayListMembers(viewerInput, network);
    const take = pageSize(args.first, MAX_MEMBER_PAGE, 50);
    const includeEnded = args.includeEnded ?? false;
    let after: { ended: boolean; id: string } | null = null;
    if (args.after) {
      const parts = keysetCursor.decode(args.after);
      const [kind, ended, id] = parts;
      if (
        parts.length !== 3 ||
        kind !== "M" ||
        (ended !== 0 && ended !== 1) ||
        typeof id !== "string" ||
        !isId(id) ||
        (ended === 1 && !includeEnded)
      ) {
        throw badInput("after", "This cursor belongs to another list or is not valid; start again without it.");
      }
      after = { ended: ended === 1, id };
    }
    const rows = await repo.findMemberPage(this.deps.db, network.id, { includeEnded, after, take: take + 1 });
    const edges = rows.slice(0, take).map((node) => ({ cursor: keysetCursor.encode(["M", node.until ? 1 : 0, node.id]), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async create(
    viewerInput: Viewer | null,
    input: {
      kind: NetworkKind;
      name: string;
      description?: string | null;
      districtId?: string | null;
      acknowledgeWarnings?: boolean | null;
    },
    requestId: string,
    loaders: Pick<NetworkLoaders, "district">,
  ) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const name = requiredText(input.name, "input.name", 160);
    const description = cleanText(input.description, "input.description", 2000);
    guardSituationText(
      [
        ["input.name", name, "place"],
        ["input.description", description],
      ],
      input.acknowledgeWarnings,
    );
    let districtId: string | null = null;
    if (input.districtId) {
      const district = await loaders.district.load(requireId(input.districtId, "input.districtId"));
      if (!district || district.municipalityId !== viewer.municipalityId) throw badInput("input.districtId", "No such district.");
      districtId = district.id;
    }
    if (input.kind === "ALLIES" && !districtId) throw badInput("input.districtId", "An allies network belongs to a district.");
    if (input.kind === "CITYWIDE_ALLIES" && districtId) throw badInput("input.districtId", "The city-wide allies network has no district.");
    return this.deps.db.$transaction(async (tx) => {
      if (await repo.findNetworkByName(tx, viewer.municipalityId, name)) throw conflict("A network with this name exists already.");
      const network = await repo.createNetwork(tx, {
        municipalityId: viewer.municipalityId,
        kind: input.kind,
        name,
        description,
        districtId,
      });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "Network",
        entityId: network.id,
        requestId,
      });
      return network;
    });
  }

  async update(
    viewerInput: Viewer | null,
    id: string,
    input: { name?: string | null; description?: string | null; acknowledgeWarnings?: boolean | null },
    requestId: string,
    loaders: Pick<NetworkLoaders, "network">,
  ) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const existing = await this.get(viewer, id, loaders);
    const data: { name?: string; description?: string | null } = {};
    if (input.name !== undefined && input.name !== null) data.name = requiredText(input.name, "input.name", 160);
    if (input.description !== undefined) data.description = cleanText(input.description, "input.description", 2000);
    guardSituationText(
      [
        ["input.name", data.name, "place"],
        ["input.description", data.description],
      ],
      input.acknowledgeWarnings,
    );
    return this.deps.db.$transaction(async (tx) => {
      if (
        data.name &&
        data.name.toLowerCase() !== existing.name.toLowerCase() &&
        (await repo.findNetworkByName(tx, viewer.municipalityId, data.name))
      ) {
        throw conflict("A network with this name exists already.");
      }
      const network = await repo.updateNetwork(tx, existing.id, data);
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "Network",
        entityId: network.id,
        details: { fields: Object.keys(data) },
        requestId,
      });
      return network;
    });
  }

  async archive(viewerInput: Viewer | null, id: string, requestId: string, loaders: Pick<NetworkLoaders, "network">) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const existing = await this.get(viewer, id, loaders);
    if (existing.archivedAt) return existing;
    return this.deps.db.$transaction(async (tx) => {
      const network = await repo.updateNetwork(tx, existing.id, { archivedAt: this.now() });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "Network",
        entityId: network.id,
        details: { fields: ["archivedAt"] },
        requestId,
      });
      return network;
    });
  }

  async addMember(
    viewerInput: Viewer | null,
    input: { networkId: string; contactId: string; role?: MembershipRole | null; since?: Date | null },
    requestId: string,
    loaders: Pick<NetworkLoaders, "network" | "contact">,
  ) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const network = await loaders.network.load(requireId(input.networkId, "input.networkId"));
    if (!network || network.municipalityId !== viewer.municipalityId) throw badInput("input.networkId", "No such network.");
    if (network.archivedAt) throw badInput("input.networkId", "This network is archived.");
    const contact = await loaders.contact.load(requireId(input.contactId, "input.contactId"));
    if (!contact || contact.municipalityId !== viewer.municipalityId) throw badInput("input.contactId", "No such contact.");
    if (contact.status === "ARCHIVED" || contact.anonymisedAt) throw badInput("input.contactId", "This contact is archived.");
    const since = input.since ?? this.now();
    if (since.getTime() > this.now().getTime() + 366 * 86_400_000) throw badInput("input.since", "Too far in the future.");
    return this.deps.db.$transaction(async (tx) => {
      // Minors only with a guardian's consent for network membership; never after a withdrawal (core/minors.ts).
      const decision = consentFor(contact.ageBand, await repo.findConsents(tx, contact.id), "NETWORK_MEMBERSHIP");
      if (decision !== "ALLOWED") {
        throw new AppError("BAD_USER_INPUT", `input.contactId: ${CONSENT_MESSAGES[decision]}`, {
          field: "input.contactId",
          reason: decision,
        });
      }
      if (await repo.findCurrentMembership(tx, network.id, contact.id)) throw conflict("This contact is a member of this network already.");
      const membership = await repo.createMembership(tx, {
        networkId: network.id,
        contactId: contact.id,
        role: input.role ?? "MEMBER",
        since,
      });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "NetworkMembership",
        entityId: membership.id,
        details: { networkId: network.id, contactId: contact.id },
        requestId,
      });
      return membership;
    });
  }

  private async ownMembership(viewer: Viewer, id: string, loaders: Pick<NetworkLoaders, "network" | "membership">) {
    const membership = await loaders.membership.load(requireId(id, "id"));
    const network = membership ? await loaders.network.load(membership.networkId) : null;
    if (!membership || !network || network.municipalityId !== viewer.municipalityId) throw notFound("NetworkMembership");
    return membership;
  }

  async endMembership(
    viewerInput: Viewer | null,
    id: string,
    until: Date | null | undefined,
    requestId: string,
    loaders: Pick<NetworkLoaders, "network" | "membership">,
  ) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const membership = await this.ownMembership(viewer, id, loaders);
    if (membership.until) throw conflict("This membership has ended already.");
    const end = until ?? this.now();
    if (end < membership.since) throw badInput("until", "Cannot be before the membership started.");
    return this.deps.db.$transaction(async (tx) => {
      const ended = await repo.endMembership(tx, membership.id, end);
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "NetworkMembership",
        entityId: membership.id,
        details: { fields: ["until"] },
        requestId,
      });
      return ended;
    });
  }

  /** A role change ends the current membership and starts a new one, so history shows it. */
  async changeRole(
    viewerInput: Viewer | null,
    id: string,
    role: MembershipRole,
    requestId: string,
    loaders: Pick<NetworkLoaders, "network" | "membership">,
  ) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const membership = await this.ownMembership(viewer, id, loaders);
    if (membership.until) throw conflict("This membership has ended; add the contact again instead.");
    if (membership.role === role) return membership;
    const now = this.now();
    return this.deps.db.$transaction(async (tx) => {
      await repo.endMembership(tx, membership.id, now, "ROLE_CHANGED");
      const next = await repo.createMembership(tx, { networkId: membership.networkId, contactId: membership.contactId, role, since: now });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "NetworkMembership",
        entityId: next.id,
        details: { fields: ["role"], previousMembershipId: membership.id },
        requestId,
      });
      return next;
    });
  }

  /**
   * A withdrawn consent for network membership (the person's or a guardian's) ends every
   * current membership of the contact, with the reason, in the withdrawal's transaction.
   */
  async endForWithdrawnConsent(tx: Tx, e: ConsentWithdrawal): Promise<void> {
    if (e.purpose !== "NETWORK_MEMBERSHIP") return;
    const ended = await repo.endCurrentMembershipsOf(tx, e.contactId, e.at);
    await this.deps.audit.recordMany(
      tx,
      ended.map((m) => ({
        municipalityId: e.municipalityId,
        actorId: e.actorId,
        actorRole: e.actorRole,
        action: "UPDATE" as const,
        entityType: "NetworkMembership",
        entityId: m.id,
        details: { fields: ["until", "endReason"], reason: "CONSENT_WITHDRAWN", consentId: e.consentId },
        requestId: e.requestId,
      })),
    );
  }

  /** The district dashboard; every count of people suppressed below 5. */
  async health(
    viewerInput: Viewer | null,
    districtIdInput: string,
    fromInput: Date | null | undefined,
    toInput: Date | null | undefined,
    loaders: Pick<NetworkLoaders, "district" | "municipality">,
  ): Promise<NetworkHealth> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN", "POLICE_LIAISON");
    const districtId = requireId(districtIdInput, "districtId");
    const district = await loaders.district.load(districtId);
    if (!district || district.municipalityId !== viewer.municipalityId) throw notFound("District");
    if (!isMunicipalityWide(viewer) && !viewer.districtIds.includes(districtId)) throw forbidden();
    const now = this.now();
    let from: Date;
    let to: Date;
    if (readsExactCounts(viewer.role)) {
      to = toInput ?? now;
      from = fromInput ?? new Date(to.getTime() - 90 * 86_400_000);
      if (from >= to) throw badInput("from", "Must be before `to`.");
      if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) throw badInput("from", "The period can be at most three years.");
    } else {
      // Periods that cannot be differenced: one whole, ended calendar quarter (core/disclosure.ts).
      const decision = disclosablePeriod(fromInput ?? null, toInput ?? null, now);
      if (!decision.ok) throw new AppError("BAD_USER_INPUT", decision.reason, { field: "from", reason: "PERIOD_NOT_DISCLOSABLE" });
      ({ from, to } = decision.period);
    }
    const municipality = await loaders.municipality.load(viewer.municipalityId);
    const cutoff = staleCutoff(municipality?.staleContactAfterDays ?? 90, now);
    const db = this.deps.db;
    const [row, youthBands, allBands] = await Promise.all([
      repo.health(db, { districtId, from, to, staleCutoff: cutoff, now }),
      repo.ageBands(db, districtId, "YOUTH"),
      repo.ageBands(db, districtId, null),
    ]);
    const active = Number(row.active_members);
    const youthOverall = YOUTH_BANDS.reduce((sum, band) => sum + (allBands.get(band) ?? 0), 0);
    const stale = Number(row.stale_members);
    const attended = Number(row.attended);
    return {
      districtId,
      from,
      to,
      // Allies and stale members are parts of the active members: the rest must not be 1–4 either.
      allies: suppressPart(Number(row.allies), active),
      activeMembers: suppress(active),
      // The bands add up to the youth networks' members, which their member counts tell.
      youthByAgeBand: bandCells(youthBands),
      youthShare: suppressPart(youthOverall, active).suppressed ? null : suppressedShare(youthOverall, active),
      newMembers: suppress(Number(row.new_members)),
      lostMembers: suppress(Number(row.lost_members)),
      staleMembers: suppressPart(stale, active),
      staleShare: suppressPart(stale, active).suppressed ? null : suppressedShare(stale, active),
      sessionsHeld: countFor(viewer.role, Number(row.sessions_held)),
      attendees: suppress(attended),
      turnout: suppressedShare(attended, Number(row.confirmed)),
    };
  }
}

function bandCells(bands: ReadonlyMap<string, number>): NetworkHealth["youthByAgeBand"] {
  const cells = suppressCells(YOUTH_BANDS.map((band) => bands.get(band) ?? 0));
  return YOUTH_BANDS.map((ageBand, i) => ({ ageBand, count: cells[i]! }));
}
