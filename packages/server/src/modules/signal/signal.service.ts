import { isUniqueViolation, type Db, type DbOrTx } from "../../platform/db/prisma.js";
import { cleanIdempotencyKey } from "../../core/idempotency.js";
import type { Prisma, Signal } from "../../generated/prisma/client.js";
import type { PartnerKind, Severity, SignalKind, SignalStatus, SignalVisibility } from "../../generated/prisma/enums.js";
import { eventCursor, idCursor } from "../../core/cursor.js";
import { isId } from "../../core/ids.js";
import { cleanText } from "../../core/text.js";
import { type GuardedField, guardSituationText, situationTextWarnings } from "../../core/situation-text.js";
import type { GuardFeedbackService } from "../guard-feedback/guard-feedback.service.js";
import type { Viewer } from "../../core/viewer.js";
import { AppError, badInput, forbidden, notFound } from "../../core/errors.js";
import type { LiveFeed } from "../../platform/realtime/live-feed.js";
import type { Logger } from "../../platform/logger.js";
import { appendEvents, type OutboxEvent, type OutboxEventInput, type OutboxReader } from "../../platform/realtime/outbox.js";
import type { AuditService } from "../audit/audit.service.js";
import type { PartnerService } from "../partner/partner.service.js";
import { canAccessDistrict, requireRole, requireViewer } from "../../core/authz.js";
import type { AlertService } from "./alert.service.js";
import { parseSignalEvent, SignalReported, SignalUpdated, signalEvent } from "./signal.events.js";
import {
  feedViewFor,
  isSharedWithPartners,
  mayFollowSignals,
  missingRewording,
  type SignalTextField,
  signalViewFor,
} from "./signal.policy.js";
import { audienceOf, signalRepository as repo } from "./signal.repository.js";
import type { ReportSignalResult, SignalFeedItem, SignalPage } from "./signal.types.js";
import { enforce, type RateLimiter, type RateLimitRule } from "../../platform/rate-limit.js";

/** reportSignal's client key: what a UUID, a ULID or a random token looks like. */

export interface SignalServiceDeps {
  db: Db;
  audit: AuditService;
  alerts: AlertService;
  partners: PartnerService;
  outbox: OutboxReader;
  now?: () => Date;
  /** Reports per user are rate limited (lib/rate-limit.ts). */
  rateLimiter?: RateLimiter;
  reportLimit?: RateLimitRule;
  /** Where a failed audit write of a live delivery is reported. */
  log?: Logger;
  /** Tallies the guard's warnings for the quarterly figures (guard-feedback module). */
  guardTally?: Pick<GuardFeedbackService, "recordWarnings">;
}

export interface ReportSignalInput {
  districtId: string;
  neighbourhoodId?: string | null;
  kind: SignalKind;
  severity: Severity;
  summary: string;
  details?: string | null;
  place?: string | null;
  occurredFrom?: Date | null;
  occurredUntil?: Date | null;
  visibility?: SignalVisibility | null;
  /** Partner organisations to share with (police, enforcement, …); overrides `visibility`. */
  shareWith?: readonly string[] | null;
  reporterIdentitySharable?: boolean | null;
  /** The partner audiences (kinds) that may see who reported; overrides `reporterIdentitySharable`. */
  reporterIdentitySharableWith?: readonly PartnerKind[] | null;
  acknowledgeWarnings?: boolean | null;
  /** The form showed a situation-text warning that the reporter resolved by rewording (tallied only). */
  warningsShown?: boolean | null;
  /** The client's key for this report: a retry with it gets the first result (see report()). */
  idempotencyKey?: string | null;
}

export interface UpdateSignalInput {
  status?: SignalStatus | null;
  severity?: Severity | null;
  districtId?: string | null;
  visibility?: SignalVisibility | null;
  /** The partner organisations to share with from now on (the whole set; empty: nobody). */
  shareWith?: readonly string[] | null;
  note?: string | null;
  acknowledgeWarnings?: boolean | null;
  /** Police-facing rewording of a flagged field (must itself pass the guard). */
  policeSummary?: string | null;
  policeDetails?: string | null;
  policePlace?: string | null;
}

const LIMITS = { summary: [3, 200], details: [0, 4_000], place: [0, 200], note: [1, 2_000] } as const;

/**
 * Signals: intake, triage and routing. Every change writes its timeline entry, its
 * audit row and its outbox events in one transaction; the doorbell rings after commit.
 */
export class SignalService {
  private readonly now: () => Date;
  constructor(private readonly deps: SignalServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async report(viewerInput: Viewer | null, input: ReportSignalInput, requestId: string): Promise<ReportSignalResult> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "POLICE_LIAISON", "ALLY");
    const { db, audit, alerts } = this.deps;
    const idempotencyKey = cleanIdempotencyKey(input.idempotencyKey, "input.idempotencyKey");
    // A retry after a lost answer: the first report comes back (and is not counted again).
    if (idempotencyKey) {
      const prior = await repo.findByIdempotencyKey(db, viewer.userId, idempotencyKey);
      if (prior) return this.replayedReport(prior);
    }
    if (this.deps.rateLimiter && this.deps.reportLimit) {
      await enforce(this.deps.rateLimiter, this.deps.reportLimit, viewer.userId, "Too many signal reports from this account.");
    }

    const summary = text(input.summary, "input.summary", LIMITS.summary)!;
    const details = text(input.details, "input.details", LIMITS.details);
    const place = text(input.place, "input.place", LIMITS.place);
    if (input.occurredFrom && input.occurredUntil && input.occurredFrom > input.occurredUntil) {
      throw badInput("input.occurredUntil", "The time window ends before it starts.");
    }
    if (!isId(input.districtId)) throw badInput("input.districtId", "Unknown district.");
    const district = await repo.findDistrict(db, input.districtId);
    if (!district || district.municipalityId !== viewer.municipalityId) throw badInput("input.districtId", "Unknown district.");
    if (!canAccessDistrict(viewer, district.municipalityId, district.id))
      throw forbidden("You can report signals in your own districts only.");
    if (input.neighbourhoodId) {
      const n = isId(input.neighbourhoodId) ? await repo.findNeighbourhood(db, input.neighbourhoodId) : null;
      if (!n || n.districtId !== district.id) throw badInput("input.neighbourhoodId", "Not a neighbourhood of this district.");
    }

    const guarded: GuardedField[] = [
      ["input.summary", summary],
      ["input.details", details],
      // A place or business name: "bij de Turkse bakker" is a place (softer rule).
      ["input.place", place, "place"],
    ];
    let warnings: ReturnType<typeof guardSituationText>;
    try {
      warnings = guardSituationText(guarded, input.acknowledgeWarnings);
    } catch (e) {
      // A refused report: the reporter was shown the warning (counted, nothing of the text kept).
      await this.deps.guardTally?.recordWarnings(null, viewer.municipalityId, ["SHOWN"]);
      throw e;
    }

    // Fields sent past a warning: police never see them as written (signal.policy.ts).
    const textFlaggedFields = [...new Set(warnings.map((w) => w.field.replace(/^input\./, "")))];
    // An ally's report goes to the coordinator only; the coordinator decides on sharing.
    // So does a flagged report: sharing it waits for the coordinator's rewording.
    const coordinationOnly = viewer.role === "ALLY" || textFlaggedFields.length > 0;
    const sharing = coordinationOnly
      ? { visibility: "COORDINATION_ONLY" as const, sharedWithIds: [] }
      : await this.sharingFor(
          db,
          viewer.municipalityId,
          // `visibility` has a default in the schema: with `shareWith` it is the set that counts.
          input.shareWith != null ? null : (input.visibility ?? "COORDINATION_ONLY"),
          input.shareWith,
          "input.shareWith",
        );
    const visibility = sharing.visibility;
    const identityKinds = [...new Set(input.reporterIdentitySharableWith ?? (input.reporterIdentitySharable ? (["POLICE"] as const) : []))];

    const create = () =>
      db.$transaction(async (tx) => {
        const created = await repo.createSignal(tx, {
          municipalityId: viewer.municipalityId,
          districtId: district.id,
          neighbourhoodId: input.neighbourhoodId ?? null,
          kind: input.kind,
          severity: input.severity,
          summary,
          details,
          place,
          occurredFrom: input.occurredFrom ?? null,
          occurredUntil: input.occurredUntil ?? null,
          visibility,
          sharedWithIds: sharing.sharedWithIds,
          reporterId: viewer.userId,
          reporterIdentitySharable: identityKinds.includes("POLICE"),
          reporterIdentityKinds: identityKinds,
          textFlaggedFields,
          idempotencyKey,
        });
        if (warnings.length > 0) await repo.createTextOverrides(tx, created.id, viewer.userId, this.now(), warnings);
        // The form showed the warning before "send anyway" (or the server refused first): shown, then overridden.
        if (warnings.length > 0) await this.deps.guardTally?.recordWarnings(tx, viewer.municipalityId, ["SHOWN", "OVERRIDDEN"]);
        else if (input.warningsShown) await this.deps.guardTally?.recordWarnings(tx, viewer.municipalityId, ["SHOWN"]);
        await repo.createUpdates(tx, [{ signalId: created.id, authorId: viewer.userId, kind: "REPORTED", toValue: visibility }]);
        await audit.record(tx, {
          municipalityId: viewer.municipalityId,
          actorId: viewer.userId,
          actorRole: viewer.role,
          action: "CREATE",
          entityType: "Signal",
          entityId: created.id,
          requestId,
          details: {
            districtId: district.id,
            severity: created.severity,
            visibility,
            sharedWith: sharing.sharedWithIds,
            acknowledgedWarnings: warnings.length,
            textFlaggedFields,
          },
        });
        const events: OutboxEventInput[] = [signalEvent(SignalReported, created, null)];
        events.push(...(await alerts.raiseForReport(tx, created, viewer)));
        if (isSharedWithPartners(created)) events.push(...(await alerts.raiseForPartners(tx, created, viewer, null)));
        await appendEvents(tx, events);
        return created;
      });
    let signal: Signal;
    try {
      signal = await create();
    } catch (err) {
      // Two tries with one key at the same moment: the unique key lets one in; the other gets its report.
      const prior = idempotencyKey && isUniqueViolation(err) ? await repo.findByIdempotencyKey(db, viewer.userId, idempotencyKey) : null;
      if (prior) return this.replayedReport(prior);
      throw err;
    }
    this.deps.outbox.announce();
    return { signal, warnings };
  }

  /** A report made earlier with the same client key, as its first answer was. */
  private replayedReport(signal: Signal): ReportSignalResult {
    const warnings = situationTextWarnings([
      ["input.summary", signal.summary],
      ["input.details", signal.details],
      ["input.place", signal.place, "place"],
    ]).filter((w) => signal.textFlaggedFields.includes(w.field.replace(/^input\./, "")));
    return { signal, warnings };
  }

  /** Triage by the coordinator; a change of district or sharing re-routes the signal. */
  async update(viewerInput: Viewer | null, id: string, input: UpdateSignalInput, requestId: string): Promise<Signal> {
    const viewer = requireRole(viewerInput, "COORDINATOR");
    const { db, audit, alerts } = this.deps;
    const note = text(input.note, "input.note", LIMITS.note);
    guardSituationText([["input.note", note]], input.acknowledgeWarnings);
    const police = {
      summary: text(input.policeSummary, "input.policeSummary", LIMITS.summary),
      details: text(input.policeDetails, "input.policeDetails", LIMITS.details),
      place: text(input.policePlace, "input.policePlace", LIMITS.place),
    };
    // What police will read passes the guard outright: no acknowledgement.
    guardSituationText(
      [
        ["input.policeSummary", police.summary],
        ["input.policeDetails", police.details],
        ["input.policePlace", police.place, "place"],
      ],
      false,
    );
    if (!isId(id)) throw notFound("Signal");
    if (input.districtId) {
      const d = isId(input.districtId) ? await repo.findDistrict(db, input.districtId) : null;
      if (!d || d.municipalityId !== viewer.municipalityId) throw badInput("input.districtId", "Unknown district.");
    }

    const signal = await db.$transaction(async (tx) => {
      if (!(await repo.lockSignal(tx, id))) throw notFound("Signal");
      const before = (await repo.findSignal(tx, id))!;
      if (before.municipalityId !== viewer.municipalityId) throw notFound("Signal");

      const data: Prisma.SignalUncheckedUpdateInput = {};
      const entries: Prisma.SignalUpdateCreateManyInput[] = [];
      const change = <K extends "status" | "severity" | "districtId" | "visibility">(
        field: K,
        kind: "STATUS_CHANGED" | "SEVERITY_CHANGED" | "DISTRICT_CHANGED" | "VISIBILITY_CHANGED",
        value: Signal[K] | null | undefined,
      ) => {
        if (value == null || value === before[field]) return;
        (data as Record<string, unknown>)[field] = value;
        entries.push({ signalId: id, authorId: viewer.userId, kind, fromValue: String(before[field]), toValue: String(value) });
      };
      change("status", "STATUS_CHANGED", input.status);
      change("severity", "SEVERITY_CHANGED", input.severity);
      change("districtId", "DISTRICT_CHANGED", input.districtId);
      if (input.shareWith != null || input.visibility != null) {
        const next = await this.sharingFor(tx, viewer.municipalityId, input.visibility ?? null, input.shareWith, "input.shareWith", before);
        change("visibility", "VISIBILITY_CHANGED", next.visibility);
        if (next.sharedWithIds.join(",") !== before.sharedWithIds.join(",")) {
          data.sharedWithIds = next.sharedWithIds;
          // Which other partners see it is the coordinator's business, not each partner's.
          entries.push({
            signalId: id,
            authorId: viewer.userId,
            kind: "VISIBILITY_CHANGED",
            fromValue: before.sharedWithIds.join(",") || null,
            toValue: next.sharedWithIds.join(",") || null,
            visibleToPolice: false,
          });
        }
      }
      if (note) entries.push({ signalId: id, authorId: viewer.userId, kind: "COMMENT", note, visibleToPolice: false });
      const reworded = (Object.keys(police) as SignalTextField[]).filter((f) => police[f] !== null);
      for (const f of reworded) {
        if (!before.textFlaggedFields.includes(f))
          throw badInput(`input.police${f[0]!.toUpperCase()}${f.slice(1)}`, "Only a flagged field gets a police-facing rewording.");
      }
      if (police.summary) data.policeSummary = police.summary;
      if (police.details) data.policeDetails = police.details;
      if (police.place) data.policePlace = police.place;
      if (reworded.length > 0)
        entries.push({ signalId: id, authorId: viewer.userId, kind: "TEXT_REWORDED", toValue: reworded.join(","), visibleToPolice: false });
      const sharedAfter = isSharedWithPartners({
        visibility: (data.visibility as SignalVisibility | undefined) ?? before.visibility,
        sharedWithIds: (data.sharedWithIds as string[] | undefined) ?? before.sharedWithIds,
      });
      const missing = missingRewording({
        ...before,
        policeSummary: police.summary ?? before.policeSummary,
        policeDetails: police.details ?? before.policeDetails,
        policePlace: police.place ?? before.policePlace,
      });
      // Every partner audience reads the same rewording (the "police" names predate other partners).
      if (sharedAfter && missing.length > 0) {
        const fields = missing.map((f) => `input.police${f[0]!.toUpperCase()}${f.slice(1)}`);
        throw new AppError(
          "BAD_USER_INPUT",
          `${fields[0]}: A warning was overridden on this signal; reword it for police before sharing.`,
          {
            field: fields[0],
            reason: "REWORDING_REQUIRED",
            fields,
          },
        );
      }
      if (entries.length === 0) throw badInput("input", "Nothing to change.");

      const after = await repo.updateSignal(tx, id, { ...data, updatedAt: this.now() });
      await repo.createUpdates(tx, entries);
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "Signal",
        entityId: id,
        requestId,
        details: { fields: Object.keys(data), comment: note !== null, rewordedForPolice: reworded },
      });

      const events: OutboxEventInput[] = [];
      const scopeChanged =
        after.districtId !== before.districtId ||
        after.visibility !== before.visibility ||
        after.sharedWithIds.join(",") !== before.sharedWithIds.join(",");
      const beforeScope = { districtId: before.districtId, visibility: before.visibility, sharedWithIds: before.sharedWithIds };
      events.push(signalEvent(SignalUpdated, after, scopeChanged ? beforeScope : null));
      const closed = after.status === "RESOLVED" || after.status === "DISMISSED";
      const shared = isSharedWithPartners(after);
      if (closed || !shared || after.districtId !== before.districtId) await alerts.stopEscalation(tx, id);
      else if (after.severity !== before.severity) await alerts.reschedule(tx, after);
      // Re-route: the liaisons of every audience that sees it now and did not before (a new
      // district: all of them) hear about it when it becomes theirs.
      if (shared && !closed && scopeChanged) events.push(...(await alerts.raiseForPartners(tx, after, viewer, beforeScope)));
      await appendEvents(tx, events);
      return after;
    });
    this.deps.outbox.announce();
    return signal;
  }

  /**
   * Sharing as stored: police through `visibility` (SHARED_WITH_POLICE keeps its meaning), every
   * other partner organisation by id in `sharedWithIds`. `shareWith` is the whole set of
   * organisations; without it the old `visibility` choice applies (COORDINATION_ONLY: nobody;
   * SHARED_WITH_POLICE: police, other partners as they were).
   */
  private async sharingFor(
    db: DbOrTx,
    municipalityId: string,
    visibility: SignalVisibility | null,
    shareWith: readonly string[] | null | undefined,
    field: string,
    current: Pick<Signal, "visibility" | "sharedWithIds"> | null = null,
  ): Promise<{ visibility: SignalVisibility; sharedWithIds: string[] }> {
    if (shareWith == null) {
      const v = visibility ?? current?.visibility ?? "COORDINATION_ONLY";
      return { visibility: v, sharedWithIds: v === "COORDINATION_ONLY" ? [] : [...(current?.sharedWithIds ?? [])] };
    }
    const ids = [...new Set(shareWith)];
    if (ids.some((i) => !isId(i))) throw badInput(field, "Unknown partner organisation.");
    const orgs = await this.deps.partners.organisationsOf(db, municipalityId, ids);
    if (orgs.length !== ids.length) throw badInput(field, "Unknown partner organisation.");
    const police = orgs.some((o) => o.kind === "POLICE");
    const next: SignalVisibility = police ? "SHARED_WITH_POLICE" : "COORDINATION_ONLY";
    if (visibility !== null && visibility !== next) throw badInput(field, "Does not match `visibility`; send one of the two.");
    return {
      visibility: next,
      sharedWithIds: orgs
        .filter((o) => o.kind !== "POLICE")
        .map((o) => o.id)
        .sort(),
    };
  }

  async get(viewerInput: Viewer | null, id: string, requestId: string | null = null): Promise<Signal | null> {
    const viewer = requireViewer(viewerInput);
    if (!isId(id)) return null;
    const signal = await repo.findSignal(this.deps.db, id);
    const view = signal ? signalViewFor(viewer, signal) : null;
    if (!signal || (view !== "full" && view !== "police")) return null;
    await this.auditReads(viewer, [signal.id], requestId);
    return signal;
  }

  /** Subject access of an account (ErasureService.userDataExport, which checks the admin). */
  reportedBy(db: DbOrTx, userId: string) {
    return repo.findReportedByUser(db, userId);
  }

  /** Reads of signal details by anyone but the coordinator go to the audit log. */
  private async auditReads(viewer: Viewer, signalIds: readonly string[], requestId: string | null): Promise<void> {
    if (viewer.role === "COORDINATOR" || signalIds.length === 0) return;
    await this.deps.audit.recordMany(
      this.deps.db,
      signalIds.map((id) => ({
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "READ" as const,
        entityType: "Signal",
        entityId: id,
        requestId,
      })),
    );
  }

  async list(
    viewerInput: Viewer | null,
    args: { districtId?: string | null; status?: SignalStatus | null; first: number; after?: string | null; requestId?: string | null },
  ): Promise<SignalPage> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "POLICE_LIAISON");
    if (args.first < 1 || args.first > 200) throw badInput("first", "Between 1 and 200.");
    let afterId: string | null = null;
    if (args.after) afterId = idCursor.decode(args.after);
    let districtIds: string[] | undefined;
    if (viewer.role === "POLICE_LIAISON") {
      districtIds = args.districtId ? viewer.districtIds.filter((d) => d === args.districtId) : [...viewer.districtIds];
    } else if (args.districtId) {
      districtIds = [args.districtId];
    }
    const rows = await repo.findSignals(
      this.deps.db,
      {
        municipalityId: viewer.municipalityId,
        districtIds,
        status: args.status ?? undefined,
        sharedWith: viewer.role === "POLICE_LIAISON" ? audienceOf(viewer) : null,
      },
      args.first + 1,
      afterId,
    );
    const nodes = rows.slice(0, args.first);
    await this.auditReads(
      viewer,
      nodes.map((n) => n.id),
      args.requestId ?? null,
    );
    const last = nodes[nodes.length - 1];
    return { nodes, endCursor: rows.length > args.first && last ? idCursor.encode(last.id) : null };
  }

  /**
   * The live feed of the viewer's visible signals (coordinator: all; liaison: shared, own districts).
   *
   * Replays render events as they were committed. For anyone but the coordinator a replay
   * first reads which signals the viewer may see *now*: an event up to that moment about a
   * signal that has since left their scope (unshared, moved) replays as WITHDRAWN, never
   * with its old content. Every delivery of content to anyone but the coordinator, live
   * or replayed, is audited like a `signals` read (READ rows, written per delivery batch).
   */
  async feed(viewerInput: Viewer | null, after: string | null | undefined): Promise<LiveFeed> {
    const viewer = requireViewer(viewerInput);
    if (!mayFollowSignals(viewer)) throw forbidden("Only coordinators and police liaisons follow the signal feed.");
    const position = after == null ? null : eventCursor.decode(after);
    const audited = viewer.role !== "COORDINATOR";
    const visibleNow = position !== null && audited ? await this.visibleNow(viewer) : null;
    const reads = audited
      ? this.deps.audit.readBatcher(this.deps.db, viewer, "Signal", "signalFeed", (err) =>
          this.deps.log?.error({ err: err.message }, "auditing a live delivery failed"),
        )
      : null;
    return {
      municipalityId: viewer.municipalityId,
      topic: "signal",
      after: position,
      // Rendering depends only on role, partner audience and district scope (and the variant); equal scopes
      // share one rendering. The audience matters twice: which signals, and whether the reporter shows.
      audienceKey: `${viewer.municipalityId}:${viewer.role}:${viewer.partnerOrganisationId ?? ""}:${viewer.partnerKind ?? ""}:${[...viewer.districtIds].sort().join(",")}`,
      authorize: (event) => {
        const variant = authorizeSignalEvent(viewer, event);
        if (variant === "show" && visibleNow && event.seq <= visibleNow.seq && !visibleNow.ids.has(event.entityId)) return "withdrawn";
        return variant;
      },
      toRoot: (event, variant) => signalFeedItem(event, variant),
      onDelivered: reads ? (event, variant) => variant === "show" && reads(event.entityId) : undefined,
    };
  }

  /** The signals the viewer may see now, and the outbox seq up to which that holds. */
  private async visibleNow(viewer: Viewer): Promise<{ seq: bigint; ids: ReadonlySet<string> }> {
    // The seq first: every event up to it was committed before the set is read.
    const seq = await this.deps.outbox.newestSeq();
    const ids = await repo.findVisibleSignalIds(this.deps.db, {
      municipalityId: viewer.municipalityId,
      districtIds: [...viewer.districtIds],
      sharedWith: viewer.role === "POLICE_LIAISON" ? audienceOf(viewer) : null,
    });
    return { seq, ids: new Set(ids) };
  }
}

/** Per subscriber, per event: show it, tell them it left their scope, or withhold it. */
export function authorizeSignalEvent(viewer: Viewer, event: OutboxEvent): "show" | "withdrawn" | null {
  const p = parseSignalEvent(event);
  if (feedViewFor(viewer, event.municipalityId, p.signal.districtId, p.signal.visibility, p.signal.sharedWithIds)) return "show";
  if (p.before && feedViewFor(viewer, event.municipalityId, p.before.districtId, p.before.visibility, p.before.sharedWithIds))
    return "withdrawn";
  return null;
}

function signalFeedItem(event: OutboxEvent, variant: string): SignalFeedItem {
  const p = parseSignalEvent(event);
  const withdrawn = variant === "withdrawn";
  return {
    cursor: eventCursor.encode(event.seq),
    kind: withdrawn ? "WITHDRAWN" : SignalReported.is(event) ? "REPORTED" : "UPDATED",
    signalId: event.entityId,
    signal: withdrawn ? null : p.signal,
    at: event.createdAt,
  };
}

function text(value: string | null | undefined, field: string, [min, max]: readonly [number, number]): string | null {
  return cleanText(value, field, max, min);
}
