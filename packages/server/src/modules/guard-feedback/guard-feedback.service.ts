import type { GuardCorpusCandidate, GuardFeedback } from "../../generated/prisma/client.js";
import type { GuardFeedbackStatus, GuardWarningEventKind } from "../../generated/prisma/enums.js";
import type { AddGuardCorpusCandidateInput, MarkGuardWarningWrongInput } from "../../generated/graphql.js";
import { requireRole } from "../../core/authz.js";
import { countFor, disclosablePeriod, lastEndedQuarter, readsExactCounts } from "../../core/disclosure.js";
import { AppError, badInput, notFound } from "../../core/errors.js";
import { isId } from "../../core/ids.js";
import { guardSituationText } from "../../core/situation-text.js";
import type { Db, DbOrTx } from "../../platform/db/prisma.js";
import type { AuditService } from "../audit/audit.service.js";
import { guardFeedbackRepository as repo } from "./guard-feedback.repository.js";
import { isFeedbackField, isFlaggedWord, MAX_FLAGGED_WORDS } from "./guard-feedback.rules.js";

export interface GuardFeedbackServiceDeps {
  db: Db;
  audit: AuditService;
  now?: () => Date;
}

export interface GuardFeedbackFiguresRow {
  from: Date;
  to: Date;
  warningsShown: number | null;
  overridden: number | null;
  markedWrong: number | null;
  slippedThrough: number | null;
}

/**
 * Feedback on the situation-text guard (issue 20). The invariant: nothing of a report's
 * text is stored here except the words the guard flagged — "this warning is wrong" sends
 * only those words, and each must be one the guard flags (`isFlaggedWord`), so a name or
 * any other word is refused; "slipped through" stores only the report's id. Coordinators
 * review the queue and write anonymised corpus sentences from it.
 */
export class GuardFeedbackService {
  private readonly now: () => Date;

  constructor(private readonly deps: GuardFeedbackServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async markWarningWrong(
    viewerInput: Parameters<typeof requireRole>[0],
    input: MarkGuardWarningWrongInput,
    requestId?: string,
  ): Promise<boolean> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "POLICE_LIAISON", "ALLY", "ADMIN");
    if (!isFeedbackField(input.field)) throw badInput("input.field", "A form field such as input.summary.");
    const words = [...new Set(input.words.map((w) => w.trim()))];
    if (words.length === 0 || words.length > MAX_FLAGGED_WORDS) throw badInput("input.words", `1 to ${MAX_FLAGGED_WORDS} flagged words.`);
    if (!words.every(isFlaggedWord)) throw badInput("input.words", "Only the words the warning showed, one word each.");
    await this.deps.db.$transaction(async (tx) => {
      const row = await repo.createFeedback(tx, {
        municipalityId: viewer.municipalityId,
        kind: "WARNING_WRONG",
        field: input.field,
        words,
        createdById: viewer.userId,
      });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "GuardFeedback",
        entityId: row.id,
        requestId: requestId ?? null,
        details: { kind: "WARNING_WRONG", field: input.field, words: words.length },
      });
    });
    return true;
  }

  async markSlippedThrough(viewerInput: Parameters<typeof requireRole>[0], signalId: string, requestId?: string): Promise<GuardFeedback> {
    const viewer = requireRole(viewerInput, "COORDINATOR");
    const { db, audit } = this.deps;
    if (!isId(signalId) || !(await repo.signalExists(db, viewer.municipalityId, signalId))) throw notFound("Signal");
    const open = await repo.findOpenSlippedThrough(db, viewer.municipalityId, signalId);
    if (open) return open;
    return db.$transaction(async (tx) => {
      const row = await repo.createFeedback(tx, {
        municipalityId: viewer.municipalityId,
        kind: "SLIPPED_THROUGH",
        signalId,
        createdById: viewer.userId,
      });
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "GuardFeedback",
        entityId: row.id,
        requestId: requestId ?? null,
        details: { kind: "SLIPPED_THROUGH", signalId },
      });
      return row;
    });
  }

  async addCorpusCandidate(
    viewerInput: Parameters<typeof requireRole>[0],
    input: AddGuardCorpusCandidateInput,
    requestId?: string,
  ): Promise<GuardCorpusCandidate> {
    const viewer = requireRole(viewerInput, "COORDINATOR");
    const { db, audit } = this.deps;
    const feedback = isId(input.feedbackId) ? await repo.findFeedback(db, viewer.municipalityId, input.feedbackId) : null;
    if (!feedback) throw notFound("GuardFeedback");
    const sentence = input.sentence.replace(/\s+/g, " ").trim();
    if (sentence.length < 5 || sentence.length > 500) throw badInput("input.sentence", "5 to 500 characters.");
    const placeField = input.placeField ?? false;
    // The one guard, as for every free text: the coordinator confirms having seen its words.
    guardSituationText([["input.sentence", sentence, placeField ? "place" : "text"]], input.acknowledgeWarnings);
    return db.$transaction(async (tx) => {
      const row = await repo.createCandidate(tx, {
        municipalityId: viewer.municipalityId,
        feedbackId: feedback.id,
        sentence,
        label: input.label,
        placeField,
        createdById: viewer.userId,
      });
      await repo.markReviewed(tx, feedback.id, viewer.userId, this.now());
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "GuardCorpusCandidate",
        entityId: row.id,
        requestId: requestId ?? null,
        details: { feedbackId: feedback.id, label: input.label, placeField },
      });
      return row;
    });
  }

  async dismiss(viewerInput: Parameters<typeof requireRole>[0], id: string, requestId?: string): Promise<GuardFeedback> {
    const viewer = requireRole(viewerInput, "COORDINATOR");
    const { db, audit } = this.deps;
    const feedback = isId(id) ? await repo.findFeedback(db, viewer.municipalityId, id) : null;
    if (!feedback) throw notFound("GuardFeedback");
    return db.$transaction(async (tx) => {
      const row = await repo.markReviewed(tx, feedback.id, viewer.userId, this.now());
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "GuardFeedback",
        entityId: row.id,
        requestId: requestId ?? null,
        details: { status: "REVIEWED" },
      });
      return row;
    });
  }

  async queue(viewerInput: Parameters<typeof requireRole>[0], status: GuardFeedbackStatus): Promise<GuardFeedback[]> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    return repo.findQueue(this.deps.db, viewer.municipalityId, status);
  }

  async candidates(viewerInput: Parameters<typeof requireRole>[0]): Promise<GuardCorpusCandidate[]> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN");
    return repo.findCandidates(this.deps.db, viewer.municipalityId);
  }

  /** Quarterly figures for monitoring, through disclosure control (core/disclosure.ts). */
  async figures(viewerInput: Parameters<typeof requireRole>[0], from: Date | null, to: Date | null): Promise<GuardFeedbackFiguresRow> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN", "POLICE_LIAISON");
    const now = this.now();
    let period: { from: Date; to: Date };
    if (readsExactCounts(viewer.role)) {
      if ((from === null) !== (to === null)) throw badInput("from", "Give both `from` and `to`, or neither.");
      if (from && to && from >= to) throw badInput("to", "The period ends before it starts.");
      period = from && to ? { from, to } : lastEndedQuarter(now);
    } else {
      const decision = disclosablePeriod(from, to, now);
      if (!decision.ok) throw new AppError("BAD_USER_INPUT", decision.reason, { field: "from", reason: "PERIOD_NOT_DISCLOSABLE" });
      period = decision.period;
    }
    const { db } = this.deps;
    const m = viewer.municipalityId;
    const [shown, overridden, wrong, slipped] = await Promise.all([
      repo.countWarningEvents(db, m, "SHOWN", period.from, period.to),
      repo.countWarningEvents(db, m, "OVERRIDDEN", period.from, period.to),
      repo.countFeedback(db, m, "WARNING_WRONG", period.from, period.to),
      repo.countFeedback(db, m, "SLIPPED_THROUGH", period.from, period.to),
    ]);
    const c = (n: number) => countFor(viewer.role, n);
    return { ...period, warningsShown: c(shown), overridden: c(overridden), markedWrong: c(wrong), slippedThrough: c(slipped) };
  }

  /**
   * Tallies warnings for the figures: called by a service that guarded a text (it has
   * authorized its caller already), inside its transaction when it has one. No text, no person.
   */
  recordWarnings(db: DbOrTx | null, municipalityId: string, kinds: readonly GuardWarningEventKind[]): Promise<unknown> {
    if (kinds.length === 0) return Promise.resolve();
    return repo.createWarningEvents(db ?? this.deps.db, municipalityId, kinds, this.now());
  }
}
