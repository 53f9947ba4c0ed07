import type { Db, Tx } from "../../platform/db/prisma.js";
import { cleanIdempotencyKey } from "../../core/idempotency.js";
import type { PublicUrl } from "../../platform/public-url.js";
import { guardSituationText } from "../../core/situation-text.js";
import type { Invitation, Prisma, Registration, ThemeSession } from "../../generated/prisma/client.js";
import type { AgeBand, NotificationKind, RsvpResponse, SessionStatus, SessionTheme } from "../../generated/prisma/enums.js";
import type { Lookup } from "../../core/loader-utils.js";
import { countFor } from "../../core/disclosure.js";
import { CONSENT_MESSAGES } from "../../core/minors.js";
import type { ConsentWithdrawal } from "../contact/contact.service.js";
import type { Viewer } from "../../core/viewer.js";
import { AppError, badInput, conflict, forbidden, notFound } from "../../core/errors.js";
import { keysetCursor, pageSize } from "../../core/cursor.js";
import { requireId, requireIds } from "../../core/ids.js";
import { KeyedQueue } from "../../core/keyed-queue.js";
import type { LiveFeed } from "../../platform/realtime/live-feed.js";
import { appendEvents, type OutboxEventInput, type OutboxReader } from "../../platform/realtime/outbox.js";
import type { AuditService } from "../audit/audit.service.js";
import { isMunicipalityWide, requireRole } from "../../core/authz.js";
import { cleanText, requiredText } from "../../core/text.js";
import type { NewNotification, NotificationService } from "../notification/notification.service.js";
import { SessionCountsChanged } from "./session.events.js";
import { messagesIn } from "./session.messages.js";
import { sessionIcs } from "./session.ics.js";
import { sessionRepository as repo } from "./session.repository.js";
import {
  UNDER_16,
  cleanGuests,
  generateCheckInCode,
  generateInvitationToken,
  hashCheckInCode,
  hashInvitationToken,
  isWellFormedInvitationToken,
  isYouth,
  seatsToConfirm,
  type CleanGuest,
} from "./session.rules.js";

export interface SessionCountsModel {
  sessionId: string;
  capacity: number;
  youthReservedSeats: number;
  confirmed: number;
  waitlisted: number;
  seatsLeft: number;
}
/** Counts as a viewer may read them: people counts hidden below 5 for police liaisons (core/disclosure.ts). */
export interface SessionCountsView extends Omit<SessionCountsModel, "confirmed" | "waitlisted" | "seatsLeft"> {
  confirmed: number | null;
  waitlisted: number | null;
  seatsLeft: number | null;
}
export interface ThemeSessionConnectionModel {
  edges: Array<{ cursor: string; node: ThemeSession }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}
export interface InvitationLinkModel {
  invitation: Invitation;
  token: string;
  url: string;
}
/** What the personal link shows; `token` is the caller's own (for the .ics link). */
export interface PublicInvitationModel {
  invitation: Invitation;
  session: ThemeSession;
  token: string;
}

export interface SessionLoaders {
  themeSession: Lookup<ThemeSession | null>;
  district: Lookup<{ id: string; municipalityId: string; name: string } | null>;
  registration: Lookup<Registration | null>;
}

const DAY = 86_400_000;
const MAX_INVITES_PER_CALL = 2_000;
/** Waiting for the session lock: 50 answers at once queue here, not fail. */
const TX = { maxWait: 15_000, timeout: 20_000 } as const;

/**
 * Theme sessions, invitations and RSVPs. Who may do what (deny by default):
 * - coordinators and admins: everything in their municipality;
 * - police liaisons: read the sessions of their districts, no personal data;
 * - allies and anyone else: only through a personal invitation link (token), which needs
 *   no account. Allies bring youth as guests on their own invitation; they do not invite
 *   contacts (contact data stays with the coordinator).
 * Every seat change of a session runs under that session's row lock (see ARCHITECTURE.md).
 */
export class SessionService {
  private readonly now: () => Date;
  /** Answers for one session queue here (FIFO) before taking the row lock; see KeyedQueue. */
  private readonly rsvpQueue = new KeyedQueue();
  constructor(
    private readonly deps: {
      db: Db;
      audit: AuditService;
      notifications: NotificationService;
      outbox?: OutboxReader | undefined;
      publicUrl: Pick<PublicUrl, "href">;
      retentionDays: number;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  // ───────────── reading ─────────────

  private canSee(viewer: Viewer, s: ThemeSession): boolean {
    if (s.municipalityId !== viewer.municipalityId) return false;
    if (isMunicipalityWide(viewer)) return true;
    // Liaisons: their districts' sessions once published, never a draft.
    return viewer.role === "POLICE_LIAISON" && s.districtId !== null && viewer.districtIds.includes(s.districtId) && s.status !== "DRAFT";
  }

  async list(
    viewerInput: Viewer | null,
    filter: { districtId?: string | null; status?: SessionStatus | null; from?: Date | null; to?: Date | null } | null,
    first?: number | null,
    after?: string | null,
  ): Promise<ThemeSessionConnectionModel> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN", "POLICE_LIAISON");
    const take = pageSize(first, 200, 50);
    const and: Prisma.ThemeSessionWhereInput[] = [{ municipalityId: viewer.municipalityId }];
    if (!isMunicipalityWide(viewer)) and.push({ districtId: { in: [...viewer.districtIds] }, status: { not: "DRAFT" } });
    if (filter?.districtId) and.push({ districtId: requireId(filter.districtId, "filter.districtId") });
    if (filter?.status) and.push({ status: filter.status });
    if (filter?.from) and.push({ startsAt: { gte: filter.from } });
    if (filter?.to) and.push({ startsAt: { lt: filter.to } });
    const where: Prisma.ThemeSessionWhereInput = { AND: and };
    const page: Prisma.ThemeSessionWhereInput[] = [...and];
    if (after) {
      // Keyset: (startsAt, id) after the cursor's, so pages neither skip nor repeat rows.
      const [at, id] = keysetCursor.decode(after);
      if (typeof at !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(at)))
        throw badInput("after", "This cursor is not valid; start again without it.");
      const startsAt = new Date(at);
      page.push({ OR: [{ startsAt: { gt: startsAt } }, { startsAt, id: { gt: requireId(id, "after") } }] });
    }
    const [rows, totalCount] = await Promise.all([
      repo.findSessions(this.deps.db, { AND: page }, take + 1),
      repo.countSessions(this.deps.db, where),
    ]);
    const edges = rows.slice(0, take).map((node) => ({ cursor: keysetCursor.encode([node.startsAt.toISOString(), node.id]), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  async get(viewerInput: Viewer | null, id: string, loaders: Pick<SessionLoaders, "themeSession">): Promise<ThemeSession> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN", "POLICE_LIAISON");
    const s = await loaders.themeSession.load(requireId(id, "id"));
    if (!s || !this.canSee(viewer, s)) throw notFound("ThemeSession");
    return s;
  }

  /** Invitations, registrations and names: coordinators and admins only. */
  assertMayManage(viewerInput: Viewer | null, s: { municipalityId: string }): Viewer {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    if (s.municipalityId !== viewer.municipalityId) throw forbidden();
    return viewer;
  }

  countsOf(s: ThemeSession, row: { confirmed: number; waitlisted: number } | undefined): SessionCountsModel {
    const confirmed = row?.confirmed ?? 0;
    return {
      sessionId: s.id,
      capacity: s.capacity,
      youthReservedSeats: s.youthReservedSeats,
      confirmed,
      waitlisted: row?.waitlisted ?? 0,
      seatsLeft: Math.max(0, s.capacity - confirmed),
    };
  }

  /**
   * The counts for a signed-in viewer. Confirmed and waitlisted seats are people: below 5
   * they are hidden from anyone but coordinators and admins, and so is `seatsLeft` then
   * (capacity − seatsLeft would give the confirmed count back). Invitees on their own page
   * keep exact counts: they need free seats to answer, and see no names.
   */
  countsFor(viewer: Viewer | null, counts: SessionCountsModel): SessionCountsView {
    const role = viewer?.role ?? "ALLY";
    const confirmed = countFor(role, counts.confirmed);
    return { ...counts, confirmed, waitlisted: countFor(role, counts.waitlisted), seatsLeft: confirmed === null ? null : counts.seatsLeft };
  }

  ics(s: ThemeSession, districtName: string | null, token?: string): string {
    return sessionIcs(s, { districtName, url: token ? this.linkOf(token) : null });
  }

  private linkOf(token: string): string {
    return `${this.deps.publicUrl.href}/rsvp/${token}`;
  }

  // ───────────── managing sessions ─────────────

  private validateTimes(p: {
    startsAt: Date;
    endsAt: Date;
    rsvpDeadline: Date | null;
    capacity: number;
    youthReservedSeats: number;
    reminderMinutesBefore: number | null;
  }) {
    if (!(p.endsAt > p.startsAt)) throw badInput("input.endsAt", "Must be after the start.");
    if (p.endsAt.getTime() - p.startsAt.getTime() > DAY) throw badInput("input.endsAt", "A session lasts at most 24 hours.");
    if (p.rsvpDeadline && p.rsvpDeadline > p.startsAt) throw badInput("input.rsvpDeadline", "Must be before the start.");
    if (!Number.isInteger(p.capacity) || p.capacity < 1 || p.capacity > 2_000) throw badInput("input.capacity", "Between 1 and 2000.");
    if (!Number.isInteger(p.youthReservedSeats) || p.youthReservedSeats < 0 || p.youthReservedSeats > p.capacity) {
      throw badInput("input.youthReservedSeats", "Between 0 and the capacity.");
    }
    if (
      p.reminderMinutesBefore !== null &&
      (!Number.isInteger(p.reminderMinutesBefore) || p.reminderMinutesBefore < 1 || p.reminderMinutesBefore > 14 * 1440)
    ) {
      throw badInput("input.reminderMinutesBefore", "Between 1 minute and 14 days, or null for no reminder.");
    }
  }

  async create(
    viewerInput: Viewer | null,
    input: {
      title: string;
      theme: SessionTheme;
      description?: string | null;
      districtId?: string | null;
      startsAt: Date;
      endsAt: Date;
      place: string;
      capacity: number;
      youthReservedSeats?: number | null;
      rsvpDeadline?: Date | null;
      reminderMinutesBefore?: number | null;
      acknowledgeWarnings?: boolean | null;
    },
    requestId: string,
    loaders: Pick<SessionLoaders, "district">,
  ) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const title = requiredText(input.title, "input.title", 160);
    const place = requiredText(input.place, "input.place", 200);
    const description = cleanText(input.description, "input.description", 4000);
    guardSituationText(
      [
        ["input.title", title],
        ["input.description", description],
        ["input.place", place, "place"],
      ],
      input.acknowledgeWarnings,
    );
    let districtId: string | null = null;
    if (input.districtId) {
      const d = await loaders.district.load(requireId(input.districtId, "input.districtId"));
      if (!d || d.municipalityId !== viewer.municipalityId) throw badInput("input.districtId", "No such district.");
      districtId = d.id;
    }
    const now = this.now();
    if (input.startsAt <= now) throw badInput("input.startsAt", "Must be in the future.");
    if (input.startsAt.getTime() > now.getTime() + 2 * 366 * DAY) throw badInput("input.startsAt", "At most two years ahead.");
    const p = {
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      rsvpDeadline: input.rsvpDeadline ?? null,
      capacity: input.capacity,
      youthReservedSeats: input.youthReservedSeats ?? 0,
      reminderMinutesBefore: input.reminderMinutesBefore === undefined ? 1440 : input.reminderMinutesBefore,
    };
    this.validateTimes(p);
    return this.deps.db.$transaction(async (tx) => {
      const s = await repo.createSession(tx, {
        municipalityId: viewer.municipalityId,
        districtId,
        title,
        theme: input.theme,
        description,
        place,
        ...p,
        createdById: viewer.userId,
      });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "ThemeSession",
        entityId: s.id,
        requestId,
      });
      return s;
    });
  }

  async update(
    viewerInput: Viewer | null,
    id: string,
    input: {
      title?: string | null;
      description?: string | null;
      startsAt?: Date | null;
      endsAt?: Date | null;
      place?: string | null;
      capacity?: number | null;
      youthReservedSeats?: number | null;
      rsvpDeadline?: Date | null;
      reminderMinutesBefore?: number | null;
      acknowledgeWarnings?: boolean | null;
    },
    requestId: string,
    loaders: Pick<SessionLoaders, "themeSession">,
  ) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const existing = await this.get(viewer, id, loaders);
    const data: Prisma.ThemeSessionUncheckedUpdateInput = {};
    if (input.title != null) data.title = requiredText(input.title, "input.title", 160);
    if (input.place != null) data.place = requiredText(input.place, "input.place", 200);
    if (input.description !== undefined) data.description = cleanText(input.description, "input.description", 4000);
    guardSituationText(
      [
        ["input.title", data.title as string | undefined],
        ["input.description", data.description as string | null | undefined],
        ["input.place", data.place as string | undefined, "place"],
      ],
      input.acknowledgeWarnings,
    );
    const now = this.now();
    const result = await this.deps.db.$transaction(async (tx) => {
      const s = await repo.lockSession(tx, existing.id);
      if (!s) throw notFound("ThemeSession");
      if (s.status === "CANCELLED" || s.status === "COMPLETED") throw conflict("A cancelled or completed session cannot be changed.");
      const next = {
        startsAt: input.startsAt ?? s.startsAt,
        endsAt: input.endsAt ?? s.endsAt,
        rsvpDeadline: input.rsvpDeadline !== undefined ? input.rsvpDeadline : s.rsvpDeadline,
        capacity: input.capacity ?? s.capacity,
        youthReservedSeats: input.youthReservedSeats ?? s.youthReservedSeats,
        reminderMinutesBefore: input.reminderMinutesBefore !== undefined ? input.reminderMinutesBefore : s.reminderMinutesBefore,
      };
      if (input.startsAt && input.startsAt.getTime() !== s.startsAt.getTime() && input.startsAt <= now)
        throw badInput("input.startsAt", "Must be in the future.");
      this.validateTimes(next);
      const active = await repo.findActiveRegistrationsOfSession(tx, s.id);
      const confirmed = active.filter((r) => r.seatStatus === "CONFIRMED");
      // Confirmed seats are never taken back: shrink only down to what is confirmed.
      if (next.capacity < confirmed.length) throw badInput("input.capacity", `${confirmed.length} seats are confirmed already.`);
      const adults = confirmed.filter((r) => !isYouth(r.ageBand)).length;
      if (adults > next.capacity - next.youthReservedSeats)
        throw badInput("input.youthReservedSeats", `${adults} adult seats are confirmed already.`);
      Object.assign(data, next);
      const timeChanged = next.startsAt.getTime() !== s.startsAt.getTime() || next.endsAt.getTime() !== s.endsAt.getTime();
      const placeChanged = data.place !== undefined && data.place !== s.place;
      // A moved session gets its reminder again, before the new start.
      if (timeChanged || next.reminderMinutesBefore !== s.reminderMinutesBefore) data.reminderSentAt = null;
      const updated = await repo.updateSession(tx, s.id, data);
      const promoted = await this.allocate(tx, updated, now);
      const notes: NewNotification[] = [];
      if ((timeChanged || placeChanged) && updated.status === "PUBLISHED") {
        notes.push(...(await this.toEveryoneInvited(tx, updated, "SESSION_CHANGED", (m) => m.changed(updated))));
      }
      notes.push(...(await this.promotionNotes(tx, updated, promoted, null)));
      await this.deps.notifications.enqueue(tx, notes);
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "ThemeSession",
        entityId: s.id,
        details: {
          fields: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined),
          notified: notes.length,
          promoted: promoted.length,
        },
        requestId,
      });
      if (updated.capacity !== s.capacity || updated.youthReservedSeats !== s.youthReservedSeats || promoted.length > 0) {
        await appendEvents(tx, [await this.countsEvent(tx, updated)]);
      }
      return updated;
    }, TX);
    this.deps.outbox?.announce();
    return result;
  }

  async setStatus(
    viewerInput: Viewer | null,
    id: string,
    status: "PUBLISHED" | "CANCELLED" | "COMPLETED",
    requestId: string,
    loaders: Pick<SessionLoaders, "themeSession">,
  ) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const existing = await this.get(viewer, id, loaders);
    const allowed: Record<typeof status, SessionStatus[]> = {
      PUBLISHED: ["DRAFT"],
      CANCELLED: ["DRAFT", "PUBLISHED"],
      COMPLETED: ["PUBLISHED"],
    };
    const now = this.now();
    return this.deps.db.$transaction(async (tx) => {
      const s = await repo.lockSession(tx, existing.id);
      if (!s) throw notFound("ThemeSession");
      if (s.status === status) return s;
      if (!allowed[status].includes(s.status)) throw conflict(`A ${s.status.toLowerCase()} session cannot become ${status.toLowerCase()}.`);
      if (status === "PUBLISHED" && s.endsAt <= now) throw conflict("This session is over.");
      if (status === "COMPLETED" && s.startsAt > now) throw conflict("A session that has not started cannot be completed.");
      const updated = await repo.updateSession(tx, s.id, { status });
      if (status === "CANCELLED" && s.status === "PUBLISHED") {
        await this.deps.notifications.enqueue(
          tx,
          await this.toEveryoneInvited(tx, updated, "SESSION_CANCELLED", (m) => m.cancelled(updated)),
        );
      }
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "ThemeSession",
        entityId: s.id,
        details: { fields: ["status"], status },
        requestId,
      });
      return updated;
    });
  }

  // ───────────── invitations ─────────────

  async invite(
    viewerInput: Viewer | null,
    input: { sessionId: string; networkIds?: readonly string[] | null; contactIds?: readonly string[] | null; expiresAt?: Date | null },
    requestId: string,
    loaders: Pick<SessionLoaders, "themeSession">,
  ): Promise<InvitationLinkModel[]> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const sessionId = requireId(input.sessionId, "input.sessionId");
    const s0 = await loaders.themeSession.load(sessionId);
    if (!s0 || s0.municipalityId !== viewer.municipalityId) throw badInput("input.sessionId", "No such session.");
    const networkIds = requireIds(input.networkIds ?? [], "input.networkIds", 50);
    const contactIds = requireIds(input.contactIds ?? [], "input.contactIds", MAX_INVITES_PER_CALL);
    if (networkIds.length === 0 && contactIds.length === 0) throw badInput("input.contactIds", "Choose networks or contacts to invite.");
    const now = this.now();
    const expiresAt = input.expiresAt ?? new Date(s0.endsAt.getTime() + 14 * DAY);
    if (expiresAt <= now) throw badInput("input.expiresAt", "Must be in the future.");
    const db = this.deps.db;
    const networks = await repo.findNetworksByIds(db, networkIds);
    for (const id of networkIds) {
      const n = networks.find((x) => x.id === id);
      if (!n || n.municipalityId !== viewer.municipalityId || n.archivedAt) throw badInput("input.networkIds", "No such (active) network.");
    }
    const contacts = await repo.findContactsByIds(db, contactIds);
    for (const id of contactIds) {
      const c = contacts.find((x) => x.id === id);
      if (!c || c.municipalityId !== viewer.municipalityId) throw badInput("input.contactIds", "No such contact.");
      if (c.status !== "ACTIVE" || c.anonymisedAt || c.mergedIntoId) throw badInput("input.contactIds", "This contact is not active.");
    }
    // Consent per purpose (core/minors.ts): someone who withdrew consent for session
    // invitations, or is under 16 without a guardian's consent for them, is not invited
    // (named directly: refused with the reason; through a network: skipped).
    const refusedDirect = await repo.findNotInvitable(db, contactIds);
    const [firstRefused] = refusedDirect.values();
    if (firstRefused) {
      throw new AppError("BAD_USER_INPUT", `input.contactIds: ${CONSENT_MESSAGES[firstRefused]}`, {
        field: "input.contactIds",
        reason: firstRefused,
        contactIds: [...refusedDirect.keys()],
      });
    }
    // Who, and through which network: direct invitations first, then networks in the order given.
    const via = new Map<string, string | null>(contactIds.map((id) => [id, null]));
    const members = await repo.findCurrentMembersOfNetworks(db, networkIds, now);
    const withdrawn = await repo.findNotInvitable(db, [...new Set(members.map((m) => m.contactId))]);
    for (const nid of networkIds)
      for (const m of members) if (m.networkId === nid && !via.has(m.contactId) && !withdrawn.has(m.contactId)) via.set(m.contactId, nid);
    if (via.size > MAX_INVITES_PER_CALL) throw badInput("input.networkIds", `At most ${MAX_INVITES_PER_CALL} invitations at once.`);
    const links = await db.$transaction(async (tx) => {
      const s = await repo.lockSession(tx, sessionId);
      if (!s) throw badInput("input.sessionId", "No such session.");
      if (s.status !== "PUBLISHED") throw conflict("Publish the session before inviting.");
      if (s.endsAt <= now) throw conflict("This session is over.");
      const already = await repo.findInvitedContactIds(tx, s.id);
      const fresh = [...via].filter(([cid]) => !already.has(cid));
      const people = new Map(
        (
          await repo.findContactsByIds(
            tx,
            fresh.map(([cid]) => cid),
          )
        ).map((c) => [c.id, c]),
      );
      const out: InvitationLinkModel[] = [];
      const notes: NewNotification[] = [];
      for (const [contactId, viaNetworkId] of fresh) {
        const token = generateInvitationToken();
        const invitation = await repo.createInvitation(tx, {
          sessionId: s.id,
          contactId,
          viaNetworkId,
          tokenHash: hashInvitationToken(token),
          tokenExpiresAt: expiresAt,
          invitedById: viewer.userId,
        });
        out.push({ invitation, token, url: this.linkOf(token) });
        const person = people.get(contactId);
        if (person?.email)
          notes.push({
            municipalityId: s.municipalityId,
            kind: "INVITATION",
            recipient: person.email,
            ...messagesIn(person.preferredLanguage).invitation(s),
            contactId,
            sessionId: s.id,
            invitationId: invitation.id,
            linkToken: token,
            dedupeKey: `invitation:${invitation.id}`,
          });
      }
      await this.deps.notifications.enqueue(tx, notes);
      await this.deps.audit.recordMany(
        tx,
        out.map((l) => ({
          municipalityId: viewer.municipalityId,
          actorId: viewer.userId,
          actorRole: viewer.role,
          action: "CREATE" as const,
          entityType: "Invitation",
          entityId: l.invitation.id,
          details: { sessionId: s.id, viaNetworkId: l.invitation.viaNetworkId },
          requestId,
        })),
      );
      return out;
    }, TX);
    return links;
  }

  /**
   * A new personal link for an invitation (lost or expired): the old token stops working at
   * once, the invitee gets the new link by email.
   */
  async renewLink(
    viewerInput: Viewer | null,
    id: string,
    expiresAtInput: Date | null | undefined,
    requestId: string,
  ): Promise<InvitationLinkModel> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const invitation = (await repo.findInvitationsByIds(this.deps.db, [requireId(id, "id")]))[0];
    const s0 = invitation ? (await repo.findSessionsByIds(this.deps.db, [invitation.sessionId]))[0] : undefined;
    if (!invitation || !s0 || s0.municipalityId !== viewer.municipalityId) throw notFound("Invitation");
    // An invitation that belongs to nobody (erased, or past RSVP retention) is not found.
    if (!invitation.contactId) throw notFound("Invitation");
    const now = this.now();
    const expiresAt = expiresAtInput ?? new Date(s0.endsAt.getTime() + 14 * DAY);
    if (expiresAt <= now) throw badInput("expiresAt", "Must be in the future.");
    return this.deps.db.$transaction(async (tx) => {
      const s = await repo.lockSession(tx, s0.id);
      if (!s || s.status === "CANCELLED" || s.status === "COMPLETED" || s.endsAt <= now)
        throw conflict("This session is over or cancelled.");
      const token = generateInvitationToken();
      const tokenHash = hashInvitationToken(token);
      const updated = await repo.updateInvitation(tx, invitation.id, { tokenHash, tokenExpiresAt: expiresAt });
      const to = await this.recipientOf(tx, updated);
      if (to) {
        await this.deps.notifications.enqueue(tx, [
          {
            municipalityId: s.municipalityId,
            kind: "INVITATION",
            recipient: to.email,
            ...messagesIn(to.language).invitation(s),
            contactId: updated.contactId,
            sessionId: s.id,
            invitationId: updated.id,
            linkToken: token,
            dedupeKey: `invitation:${updated.id}:${tokenHash.slice(0, 16)}`,
          },
        ]);
      }
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "Invitation",
        entityId: updated.id,
        details: { fields: ["tokenHash", "tokenExpiresAt"] },
        requestId,
      });
      return { invitation: updated, token, url: this.linkOf(token) };
    });
  }

  /**
   * The coordinator called an invitee wijknet cannot write to (no email address, or the email
   * failed) — or takes that back. Audited; the invitation leaves (or rejoins) the list to call.
   */
  async setInformedByPhone(viewerInput: Viewer | null, id: string, informed: boolean, requestId: string): Promise<Invitation> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const invitation = (await repo.findInvitationsByIds(this.deps.db, [requireId(id, "id")]))[0];
    const s = invitation ? (await repo.findSessionsByIds(this.deps.db, [invitation.sessionId]))[0] : undefined;
    if (!invitation || !s || s.municipalityId !== viewer.municipalityId || !invitation.contactId) throw notFound("Invitation");
    const now = this.now();
    return this.deps.db.$transaction(async (tx) => {
      const updated = await repo.updateInvitation(tx, invitation.id, {
        informedByPhoneAt: informed ? now : null,
        informedByPhoneById: informed ? viewer.userId : null,
      });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "Invitation",
        entityId: invitation.id,
        details: { informedByPhone: informed },
        requestId,
      });
      return updated;
    });
  }

  /**
   * The token is the authorization of the link's holder. A forged, malformed or unknown
   * token is NOT_FOUND; an expired one UNAUTHENTICATED (reason INVITATION_EXPIRED): both
   * before anything is read or changed.
   */
  private async resolveToken(token: string): Promise<Invitation> {
    if (typeof token !== "string" || !isWellFormedInvitationToken(token)) throw notFound("Invitation");
    const invitation = await repo.findInvitationByTokenHash(this.deps.db, hashInvitationToken(token));
    if (!invitation) throw notFound("Invitation");
    if (invitation.tokenExpiresAt <= this.now()) {
      throw new AppError("UNAUTHENTICATED", "This invitation link has expired. Ask the coordinator for a new one.", {
        reason: "INVITATION_EXPIRED",
      });
    }
    return invitation;
  }

  async publicInvitation(token: string, loaders: Pick<SessionLoaders, "themeSession">): Promise<PublicInvitationModel> {
    const invitation = await this.resolveToken(token);
    const session = await loaders.themeSession.load(invitation.sessionId);
    if (!session) throw notFound("Invitation");
    return { invitation, session, token };
  }

  /**
   * For the experiential questionnaire (module questionnaire/): the invitation behind a
   * personal link (same token rules: the token is the holder's authorization), its session,
   * and whether the invitee's own seat was attended.
   */
  async invitationForQuestionnaire(token: string): Promise<{ invitation: Invitation; session: ThemeSession; attended: boolean }> {
    const invitation = await this.resolveToken(token);
    const session = (await repo.findSessionsByIds(this.deps.db, [invitation.sessionId]))[0];
    if (!session) throw notFound("Invitation");
    const own = await repo.findRegistrationsOfInvitations(this.deps.db, [invitation.id]);
    return { invitation, session, attended: own.some((r) => !r.isGuest && r.attendance === "ATTENDED") };
  }

  /**
   * Records that the invitation answered the questionnaire, once (false when it had already).
   * Only a flag, and `updatedAt` is left as it was, so no time links it to the answer.
   */
  async markQuestionnaireAnswered(tx: Tx, invitationId: string): Promise<boolean> {
    return (await repo.markQuestionnaireAnswered(tx, invitationId)) === 1;
  }

  /** The invitation's .ics for the HTTP download route (same token rules). */
  async invitationIcs(token: string): Promise<string> {
    const invitation = await this.resolveToken(token);
    const s = (await repo.findSessionsByIds(this.deps.db, [invitation.sessionId]))[0];
    if (!s) throw notFound("Invitation");
    const district = s.districtId ? await repo.findDistrict(this.deps.db, s.districtId) : null;
    return this.ics(s, district?.name ?? null, token);
  }

  async respond(
    token: string,
    response: RsvpResponse,
    guestsInput: ReadonlyArray<{ label: string; ageBand: AgeBand; guardianConsent?: boolean | null }> | null | undefined,
    requestId: string,
    idempotencyKeyInput?: string | null,
  ): Promise<PublicInvitationModel> {
    const found = await this.resolveToken(token);
    const idempotencyKey = cleanIdempotencyKey(idempotencyKeyInput, "idempotencyKey");
    const guests = guestsInput == null ? null : cleanGuests(guestsInput);
    if (response !== "YES" && guests && guests.length > 0) throw badInput("guests", "Guests come with a YES only.");
    // Arrival order is the order of taking the row lock (across instances); within this
    // instance answers wait their turn in a FIFO queue first, holding no connection.
    const result = await this.rsvpQueue.run(found.sessionId, () =>
      this.deps.db.$transaction(async (tx) => {
        const now = this.now();
        const s = await repo.lockSession(tx, found.sessionId);
        if (!s) throw notFound("Invitation");
        if (s.status === "CANCELLED") throw conflict("This session was cancelled.");
        if (s.status === "DRAFT") throw conflict("This session is not open for answers.");
        if (s.status === "COMPLETED" || s.endsAt <= now) throw conflict("This session is over.");
        if (response === "YES" && s.startsAt <= now) throw conflict("This session has started; answers are closed.");
        if (response === "YES" && s.rsvpDeadline && s.rsvpDeadline < now)
          throw conflict("The RSVP deadline has passed; you can still cancel.");
        const invitation = (await tx.invitation.findUnique({ where: { id: found.id } }))!;
        // A retry of an answer already given (same key): the state it led to, nothing applied twice.
        if (idempotencyKey && !(await repo.claimAnswerKey(tx, invitation.id, idempotencyKey))) {
          return { invitation, session: s, replayed: true };
        }
        const active = await repo.findActiveRegistrationsOfSession(tx, s.id);
        const mine = active.filter((r) => r.invitationId === invitation.id);
        const self = mine.find((r) => !r.isGuest);
        const myGuests = mine.filter((r) => r.isGuest);
        const cancel: string[] = [];
        if (response === "YES") {
          if (!self) {
            const contact = invitation.contactId ? (await repo.findContactsByIds(tx, [invitation.contactId]))[0] : undefined;
            await this.queueClaim(tx, s, invitation, { isGuest: false, ageBand: contact?.ageBand ?? "ADULT" }, now);
          }
          if (guests) {
            // Guests that stay keep their place in the queue; removed ones free theirs.
            const pool = [...myGuests];
            const add: CleanGuest[] = [];
            for (const g of guests) {
              const i = pool.findIndex((p) => p.guestLabel === g.label && p.ageBand === g.ageBand);
              if (i >= 0) pool.splice(i, 1);
              else add.push(g);
            }
            cancel.push(...pool.map((p) => p.id));
            for (const g of add)
              await this.queueClaim(
                tx,
                s,
                invitation,
                {
                  isGuest: true,
                  ageBand: g.ageBand,
                  guestLabel: g.label,
                  guardianConsentAt: UNDER_16.includes(g.ageBand) && g.guardianConsent ? now : null,
                },
                now,
              );
          }
        } else {
          cancel.push(...mine.map((r) => r.id));
        }
        if (cancel.length) await repo.cancelRegistrations(tx, cancel);
        const updatedInvitation = await repo.updateInvitation(tx, invitation.id, { response, respondedAt: now });
        const promoted = await this.allocate(tx, s, now);
        const notes = await this.promotionNotes(tx, s, promoted, invitation.id);
        const to = await this.recipientOf(tx, invitation);
        if (to) {
          const m = messagesIn(to.language);
          const own = (await repo.findRegistrationsOfInvitations(tx, [invitation.id])).filter((r) => r.seatStatus !== "CANCELLED");
          const confirmed = own.filter((r) => r.seatStatus === "CONFIRMED").length;
          const base = {
            municipalityId: s.municipalityId,
            recipient: to.email,
            contactId: invitation.contactId,
            sessionId: s.id,
            invitationId: invitation.id,
            linkToken: token,
          };
          if (response !== "YES") notes.push({ ...base, kind: "RSVP_RECEIVED", ...m.received(s, response) });
          else if (confirmed === own.length) notes.push({ ...base, kind: "RSVP_CONFIRMED", ...m.confirmed(s, confirmed) });
          else {
            const firstWaiting = own.find((r) => r.seatStatus === "WAITLISTED");
            const pos = firstWaiting ? ((await repo.waitlistPositions(tx, [firstWaiting.id])).get(firstWaiting.id) ?? null) : null;
            notes.push({ ...base, kind: "RSVP_WAITLISTED", ...m.waitlisted(s, pos, confirmed) });
          }
        }
        await this.deps.notifications.enqueue(tx, notes);
        await this.deps.audit.record(tx, {
          municipalityId: s.municipalityId,
          actorId: null,
          actorRole: null,
          action: "UPDATE",
          entityType: "Invitation",
          entityId: invitation.id,
          details: { fields: ["response"], response, guests: guests?.length ?? null, via: "token", promoted: promoted.length },
          requestId,
        });
        await appendEvents(tx, [await this.countsEvent(tx, s)]);
        return { invitation: updatedInvitation, session: s, replayed: false };
      }, TX),
    );
    if (!result.replayed) this.deps.outbox?.announce();
    return { invitation: result.invitation, session: result.session, token };
  }

  /**
   * A withdrawn consent for session invitations (the person's or a guardian's) ends what it
   * covered, in the withdrawal's transaction: every invitation to a session that has not
   * ended loses its link (the token stops working), its seats are released (the waitlist
   * moves up, so no reminder follows) and its unsent messages are dropped.
   */
  async revokeForWithdrawnConsent(tx: Tx, e: ConsentWithdrawal): Promise<void> {
    if (e.purpose !== "SESSION_INVITATIONS") return;
    const open = await repo.findOpenInvitationsOf(tx, e.contactId, e.at);
    const events: OutboxEventInput[] = [];
    for (const inv of open) {
      const s = await repo.lockSession(tx, inv.sessionId);
      if (!s) continue;
      const seats = (await repo.findActiveRegistrationsOfSession(tx, s.id)).filter((r) => r.invitationId === inv.id);
      if (seats.length > 0)
        await repo.cancelRegistrations(
          tx,
          seats.map((r) => r.id),
        );
      await repo.updateInvitation(tx, inv.id, { tokenHash: hashInvitationToken(generateInvitationToken()), tokenExpiresAt: e.at });
      await this.deps.notifications.deletePendingForInvitations(tx, [inv.id]);
      const promoted = seats.length > 0 ? await this.allocate(tx, s, e.at) : [];
      await this.deps.notifications.enqueue(tx, await this.promotionNotes(tx, s, promoted, inv.id));
      await this.deps.audit.record(tx, {
        municipalityId: e.municipalityId,
        actorId: e.actorId,
        actorRole: e.actorRole,
        action: "UPDATE",
        entityType: "Invitation",
        entityId: inv.id,
        details: {
          fields: ["tokenHash", "tokenExpiresAt"],
          reason: "CONSENT_WITHDRAWN",
          seatsReleased: seats.length,
          consentId: e.consentId,
        },
        requestId: e.requestId,
      });
      if (seats.length > 0) events.push(await this.countsEvent(tx, s));
    }
    await appendEvents(tx, events);
  }

  /** A new seat claim at the end of the queue (time taken under the session lock). */
  private async queueClaim(
    tx: Tx,
    s: ThemeSession,
    invitation: Invitation,
    claim: { isGuest: boolean; ageBand: AgeBand; guestLabel?: string; guardianConsentAt?: Date | null },
    _now: Date,
  ) {
    const queuedAt = await repo.nextQueuedAt(tx, s.id);
    return repo.createRegistration(tx, { sessionId: s.id, invitationId: invitation.id, seatStatus: "WAITLISTED", queuedAt, ...claim });
  }

  /** Gives free seats to the waitlist in arrival order (see `seatsToConfirm`); returns who moved up. */
  private async allocate(tx: Tx, s: ThemeSession, now: Date): Promise<Registration[]> {
    const claims = await repo.findActiveRegistrationsOfSession(tx, s.id);
    const ids = seatsToConfirm(s.capacity, s.youthReservedSeats, claims);
    if (ids.length === 0) return [];
    await repo.confirmRegistrations(tx, ids, now);
    const set = new Set(ids);
    return claims.filter((c) => set.has(c.id));
  }

  /** "A seat came free": one message per invitation whose claims were confirmed (except `except`, told by the caller). */
  private async promotionNotes(
    tx: Tx,
    s: ThemeSession,
    promoted: readonly Registration[],
    except: string | null,
  ): Promise<NewNotification[]> {
    const perInvitation = new Map<string, number>();
    for (const r of promoted)
      if (r.invitationId !== except) perInvitation.set(r.invitationId, (perInvitation.get(r.invitationId) ?? 0) + 1);
    if (perInvitation.size === 0) return [];
    const invitations = await repo.findInvitationsByIds(tx, [...perInvitation.keys()]);
    const notes: NewNotification[] = [];
    const unreachable: string[] = [];
    for (const inv of invitations) {
      const to = await this.recipientOf(tx, inv);
      if (!to && inv.contactId) unreachable.push(inv.id);
      if (to)
        notes.push({
          municipalityId: s.municipalityId,
          kind: "RSVP_PROMOTED",
          recipient: to.email,
          ...messagesIn(to.language).promoted(s, perInvitation.get(inv.id)!),
          contactId: inv.contactId,
          sessionId: s.id,
          invitationId: inv.id,
        });
    }
    // A seat came free for someone wijknet cannot write to: back on the coordinator's list to call.
    await repo.clearInformedByPhone(tx, unreachable);
    return notes;
  }

  private async toEveryoneInvited(
    tx: Tx,
    s: ThemeSession,
    kind: NotificationKind,
    message: (m: ReturnType<typeof messagesIn>) => { subject: string; body: string },
  ): Promise<NewNotification[]> {
    const invitations = await repo.findInvitationsOfSessions(tx, [s.id]);
    const contacts = new Map(
      (
        await repo.findContactsByIds(
          tx,
          invitations.flatMap((i) => (i.contactId ? [i.contactId] : [])),
        )
      ).map((c) => [c.id, c]),
    );
    const notes: NewNotification[] = [];
    const unreachable: string[] = [];
    for (const inv of invitations) {
      const person = inv.contactId ? contacts.get(inv.contactId) : undefined;
      if (person && !person.email) unreachable.push(inv.id);
      if (person?.email)
        notes.push({
          municipalityId: s.municipalityId,
          kind,
          recipient: person.email,
          ...message(messagesIn(person.preferredLanguage)),
          contactId: inv.contactId,
          sessionId: s.id,
          invitationId: inv.id,
        });
    }
    // The session changed or was cancelled: whoever cannot be written to must be called again.
    await repo.clearInformedByPhone(tx, unreachable);
    return notes;
  }

  /** Where and in which language to write to the invitee: their email and preferred language, or null. */
  private async recipientOf(tx: Tx, invitation: Invitation): Promise<{ email: string; language: string } | null> {
    if (!invitation.contactId) return null;
    const contact = (await repo.findContactsByIds(tx, [invitation.contactId]))[0];
    return contact?.email ? { email: contact.email, language: contact.preferredLanguage } : null;
  }

  /** The counts as this transaction leaves them, as an outbox event (append it last). */
  private async countsEvent(tx: Tx, s: ThemeSession): Promise<OutboxEventInput> {
    const counts = this.countsOf(s, (await repo.counts(tx, [s.id])).get(s.id));
    return SessionCountsChanged.create({ municipalityId: s.municipalityId, districtId: s.districtId, entityId: s.id }, counts);
  }

  // ───────────── attendance ─────────────

  async checkIn(
    viewerInput: Viewer | null,
    id: string,
    result: "ATTENDED" | "NO_SHOW",
    requestId: string,
    loaders: Pick<SessionLoaders, "themeSession" | "registration">,
  ) {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const reg = await loaders.registration.load(requireId(id, "id"));
    const s = reg ? await loaders.themeSession.load(reg.sessionId) : null;
    if (!reg || !s || s.municipalityId !== viewer.municipalityId) throw notFound("Registration");
    if (s.status !== "PUBLISHED" && s.status !== "COMPLETED") throw conflict("Only a published or completed session has check-ins.");
    if (s.startsAt.getTime() - 2 * 3_600_000 > this.now().getTime()) throw conflict("Check-in opens two hours before the start.");
    if (reg.seatStatus !== "CONFIRMED") throw badInput("id", "Only a confirmed seat can be checked in.");
    return this.deps.db.$transaction(async (tx) => {
      const updated = await repo.updateRegistration(tx, reg.id, {
        attendance: result,
        checkedInAt: result === "ATTENDED" ? this.now() : null,
      });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "Registration",
        entityId: reg.id,
        details: { fields: ["attendance"] },
        requestId,
      });
      return updated;
    });
  }

  async resetSelfCheckInCode(
    viewerInput: Viewer | null,
    sessionId: string,
    requestId: string,
    loaders: Pick<SessionLoaders, "themeSession">,
  ): Promise<string> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const s = await this.get(viewer, sessionId, loaders);
    if (s.status !== "PUBLISHED") throw conflict("Only a published session has a check-in code.");
    const code = generateCheckInCode();
    await this.deps.db.$transaction(async (tx) => {
      await repo.updateSession(tx, s.id, { selfCheckInCodeHash: hashCheckInCode(s.id, code) });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "ThemeSession",
        entityId: s.id,
        details: { fields: ["selfCheckInCodeHash"] },
        requestId,
      });
    });
    return code;
  }

  /** The invitee checks in their confirmed seats (and guests') with the code shown at the session. */
  async selfCheckIn(
    token: string,
    code: string,
    requestId: string,
    loaders: Pick<SessionLoaders, "themeSession">,
  ): Promise<PublicInvitationModel> {
    const invitation = await this.resolveToken(token);
    const s = await loaders.themeSession.load(invitation.sessionId);
    if (!s) throw notFound("Invitation");
    const now = this.now();
    if (
      s.status !== "PUBLISHED" ||
      now.getTime() < s.startsAt.getTime() - 3_600_000 ||
      now.getTime() > s.endsAt.getTime() + 2 * 3_600_000
    ) {
      throw conflict("Self check-in is open from an hour before the start until two hours after the end.");
    }
    if (!s.selfCheckInCodeHash || typeof code !== "string" || code.length > 20 || hashCheckInCode(s.id, code) !== s.selfCheckInCodeHash) {
      throw badInput("code", "This check-in code is not right.");
    }
    await this.deps.db.$transaction(async (tx) => {
      const mine = (await repo.findRegistrationsOfInvitations(tx, [invitation.id])).filter((r) => r.seatStatus === "CONFIRMED");
      if (mine.length === 0) throw conflict("You have no confirmed seat for this session.");
      await tx.registration.updateMany({
        where: { id: { in: mine.map((r) => r.id) } },
        data: { attendance: "ATTENDED", checkedInAt: now },
      });
      await this.deps.audit.record(tx, {
        municipalityId: s.municipalityId,
        actorId: null,
        actorRole: null,
        action: "UPDATE",
        entityType: "Invitation",
        entityId: invitation.id,
        details: { fields: ["attendance"], via: "self-check-in", seats: mine.length },
        requestId,
      });
    });
    return { invitation, session: s, token };
  }

  // ───────────── live counts ─────────────

  /**
   * The live counts of a session: its current counts on subscribe, then the counts
   * every transaction that changed them wrote to the outbox (any instance), through the
   * same fan-out as the signal feed. Identical consecutive frames are sent once.
   */
  async countsFeed(viewerInput: Viewer | null, sessionId: string, loaders: Pick<SessionLoaders, "themeSession">): Promise<LiveFeed> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    const s = await this.get(viewer, sessionId, loaders);
    const db = this.deps.db;
    return {
      municipalityId: s.municipalityId,
      topic: SessionCountsChanged.topic,
      after: null,
      // Counts hold no personal data: every coordinator and admin sees the same frame.
      audienceKey: "staff",
      authorize: (event) =>
        SessionCountsChanged.is(event) && event.entityId === s.id && event.municipalityId === viewer.municipalityId ? "counts" : null,
      toRoot: (event) => SessionCountsChanged.parse(event),
      initial: async (tx) => {
        const fresh = (await repo.findSessionsByIds(tx, [s.id]))[0] ?? s;
        return this.countsOf(fresh, (await repo.counts(tx, [s.id])).get(s.id));
      },
      distinct: true,
    };
  }

  // ───────────── timed work (sweep steps) ─────────────

  /**
   * Enqueues due reminders: one per confirmed invitation and start time (dedupe key), by
   * whichever instance claims the session (`SKIP LOCKED`); the others skip it this pass.
   */
  async sweepReminders(now: Date): Promise<number> {
    let enqueued = 0;
    let afterId: string | null = null;
    for (;;) {
      const ids: string[] = await this.deps.db.$transaction(async (tx) => {
        const claimed = await repo.claimDueReminders(tx, now, 20, afterId);
        for (const id of claimed) {
          const s = (await tx.themeSession.findUnique({ where: { id } }))!;
          const confirmed = (await repo.findActiveRegistrationsOfSession(tx, id)).filter((r) => r.seatStatus === "CONFIRMED");
          const invitations = await repo.findInvitationsByIds(tx, [...new Set(confirmed.map((r) => r.invitationId))]);
          const contacts = new Map(
            (
              await repo.findContactsByIds(
                tx,
                invitations.flatMap((i) => (i.contactId ? [i.contactId] : [])),
              )
            ).map((c) => [c.id, c]),
          );
          const notes: NewNotification[] = [];
          for (const inv of invitations) {
            const person = inv.contactId ? contacts.get(inv.contactId) : undefined;
            if (person?.email)
              notes.push({
                municipalityId: s.municipalityId,
                kind: "REMINDER",
                recipient: person.email,
                ...messagesIn(person.preferredLanguage).reminder(s),
                contactId: inv.contactId,
                sessionId: s.id,
                invitationId: inv.id,
                dedupeKey: `reminder:${inv.id}:${s.startsAt.toISOString()}`,
              });
          }
          enqueued += await this.deps.notifications.enqueue(tx, notes);
          if (!s.reminderSentAt) await repo.updateSession(tx, id, { reminderSentAt: now });
        }
        return claimed;
      });
      if (ids.length < 20) return enqueued;
      afterId = ids[ids.length - 1]!;
    }
  }

  /**
   * Retention: RSVP_RETENTION_DAYS after a session ended, the personal bits go: the link
   * to the contact and the token (the link stops working), guest labels and guardian
   * consent times, and the messages sent. What stays is anonymous (age band, seat status,
   * attendance) so turnout figures stay right. Runs inside the retention sweep's
   * transaction (the session feature's `rsvp` step, session.personal-data.ts).
   */
  async anonymiseEndedRsvps(tx: Tx, now: Date, municipalityId?: string): Promise<number> {
    const cutoff = new Date(now.getTime() - this.deps.retentionDays * DAY);
    let total = 0;
    for (;;) {
      const ids = await repo.claimExpiredForRetention(tx, cutoff, 20, municipalityId);
      if (ids.length === 0) return total;
      const invitations = await repo.findInvitationsOfSessions(tx, ids);
      for (const inv of invitations) {
        if (inv.contactId)
          await repo.updateInvitation(tx, inv.id, {
            contactId: null,
            tokenHash: hashInvitationToken(generateInvitationToken()),
            tokenExpiresAt: now,
          });
      }
      await repo.clearGuestData(tx, ids);
      await this.deps.notifications.deleteForSessions(tx, ids);
      const sessions = await repo.findSessionsByIds(tx, ids);
      await this.deps.audit.recordMany(
        tx,
        sessions.map((s) => ({
          municipalityId: s.municipalityId,
          actorId: null,
          actorRole: null,
          action: "ANONYMISE" as const,
          entityType: "ThemeSession",
          entityId: s.id,
          details: { reason: "rsvp-retention", invitations: invitations.filter((i) => i.sessionId === s.id).length },
        })),
      );
      total += ids.length;
    }
  }
}
