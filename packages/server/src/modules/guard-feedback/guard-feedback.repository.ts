import type { DbOrTx } from "../../platform/db/prisma.js";
import type { GuardCorpusLabel, GuardFeedbackStatus, GuardWarningEventKind } from "../../generated/prisma/enums.js";

export const guardFeedbackRepository = {
  createFeedback(
    db: DbOrTx,
    data: {
      municipalityId: string;
      kind: "WARNING_WRONG" | "SLIPPED_THROUGH";
      field?: string | null;
      words?: string[];
      signalId?: string | null;
      createdById: string;
    },
  ) {
    return db.guardFeedback.create({ data });
  },
  findFeedback(db: DbOrTx, municipalityId: string, id: string) {
    return db.guardFeedback.findFirst({ where: { id, municipalityId } });
  },
  findQueue(db: DbOrTx, municipalityId: string, status: GuardFeedbackStatus) {
    return db.guardFeedback.findMany({ where: { municipalityId, status }, orderBy: { createdAt: "desc" }, take: 200 });
  },
  findOpenSlippedThrough(db: DbOrTx, municipalityId: string, signalId: string) {
    return db.guardFeedback.findFirst({ where: { municipalityId, signalId, kind: "SLIPPED_THROUGH", status: "OPEN" } });
  },
  /** Only whether the report exists in the municipality: no field of it is read. */
  async signalExists(db: DbOrTx, municipalityId: string, signalId: string): Promise<boolean> {
    return (await db.signal.count({ where: { id: signalId, municipalityId } })) > 0;
  },
  markReviewed(db: DbOrTx, id: string, reviewedById: string, at: Date) {
    return db.guardFeedback.update({ where: { id }, data: { status: "REVIEWED", reviewedById, reviewedAt: at } });
  },
  createCandidate(
    db: DbOrTx,
    data: {
      municipalityId: string;
      feedbackId: string;
      sentence: string;
      label: GuardCorpusLabel;
      placeField: boolean;
      createdById: string;
    },
  ) {
    return db.guardCorpusCandidate.create({ data });
  },
  findCandidates(db: DbOrTx, municipalityId: string) {
    return db.guardCorpusCandidate.findMany({ where: { municipalityId }, orderBy: { createdAt: "desc" }, take: 500 });
  },
  findCandidatesByFeedback(db: DbOrTx, feedbackIds: readonly string[]) {
    return db.guardCorpusCandidate.findMany({ where: { feedbackId: { in: [...feedbackIds] } }, orderBy: { createdAt: "asc" } });
  },
  createWarningEvents(db: DbOrTx, municipalityId: string, kinds: readonly GuardWarningEventKind[], at: Date) {
    return db.guardWarningEvent.createMany({ data: kinds.map((kind) => ({ municipalityId, kind, at })) });
  },
  countWarningEvents(db: DbOrTx, municipalityId: string, kind: GuardWarningEventKind, from: Date, to: Date) {
    return db.guardWarningEvent.count({ where: { municipalityId, kind, at: { gte: from, lt: to } } });
  },
  countFeedback(db: DbOrTx, municipalityId: string, kind: "WARNING_WRONG" | "SLIPPED_THROUGH", from: Date, to: Date) {
    return db.guardFeedback.count({ where: { municipalityId, kind, createdAt: { gte: from, lt: to } } });
  },
};
