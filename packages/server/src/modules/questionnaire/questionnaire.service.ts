import type { Db } from "../../platform/db/prisma.js";
import type { Invitation, ThemeSession } from "../../generated/prisma/client.js";
import { AppError, badInput } from "../../core/errors.js";
import { guardSituationText } from "../../core/situation-text.js";
import { cleanText } from "../../core/text.js";
import type { AuditService } from "../audit/audit.service.js";
import type { SessionService } from "../session/session.service.js";
import { questionnaireRepository as repo } from "./questionnaire.repository.js";

export interface QuestionnaireInput {
  feltHeard: number;
  trustChange: number;
  wouldRecommend: number;
  comment?: string | null;
}

export const COMMENT_MAX = 1000;

/**
 * The experiential questionnaire. The personal RSVP link is the authorization (no account);
 * answers are anonymous by construction (see QuestionnaireAnswer in schema.prisma) and only
 * ever shown as aggregates of at least 5 (monitoring/).
 */
export class QuestionnaireService {
  private readonly now: () => Date;
  constructor(private readonly deps: { db: Db; audit: AuditService; sessions: SessionService; now?: () => Date }) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Open: the session has ended (not cancelled), the invitee's own seat was attended, not answered yet. */
  isOpen(invitation: Invitation, session: ThemeSession, attended: boolean): boolean {
    return session.status !== "CANCELLED" && session.endsAt <= this.now() && attended && !invitation.questionnaireAnswered;
  }

  async openFor(token: string): Promise<boolean> {
    const { invitation, session, attended } = await this.deps.sessions.invitationForQuestionnaire(token);
    return this.isOpen(invitation, session, attended);
  }

  async answer(token: string, input: QuestionnaireInput, requestId: string): Promise<boolean> {
    // The token is the authorization (NOT_FOUND / INVITATION_EXPIRED before anything else).
    const { invitation, session, attended } = await this.deps.sessions.invitationForQuestionnaire(token);
    for (const field of ["feltHeard", "trustChange", "wouldRecommend"] as const) {
      const v = input[field];
      if (!Number.isInteger(v) || v < 1 || v > 5) throw badInput(`input.${field}`, "An answer from 1 to 5.");
    }
    const comment = cleanText(input.comment, "input.comment", COMMENT_MAX);
    // Anonymous text cannot be reworded later: text that describes people is refused outright.
    guardSituationText([["input.comment", comment]], false);
    if (invitation.questionnaireAnswered) throw new AppError("CONFLICT", "You have already answered.", { reason: "ALREADY_ANSWERED" });
    if (!this.isOpen(invitation, session, attended)) {
      throw new AppError("CONFLICT", "The questionnaire opens after the session for those who attended.", {
        reason: "QUESTIONNAIRE_CLOSED",
      });
    }
    await this.deps.db.$transaction(async (tx) => {
      // Two answers at once with one link: only one flips the flag.
      if (!(await this.deps.sessions.markQuestionnaireAnswered(tx, invitation.id))) {
        throw new AppError("CONFLICT", "You have already answered.", { reason: "ALREADY_ANSWERED" });
      }
      await repo.insertAnswer(tx, {
        municipalityId: session.municipalityId,
        sessionId: session.id,
        feltHeard: input.feltHeard,
        trustChange: input.trustChange,
        wouldRecommend: input.wouldRecommend,
        comment: comment ?? null,
      });
      // Audited without the invitation, the session or the answer's id: the row's time must
      // not link the answer to whoever held the link.
      await this.deps.audit.record(tx, {
        municipalityId: session.municipalityId,
        actorId: null,
        actorRole: null,
        action: "CREATE",
        entityType: "QuestionnaireAnswer",
        entityId: null,
        details: { via: "token" },
        requestId,
      });
    });
    return true;
  }
}
