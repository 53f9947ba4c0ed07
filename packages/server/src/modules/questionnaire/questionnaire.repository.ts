import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../../platform/db/prisma.js";

export interface NewAnswer {
  municipalityId: string;
  sessionId: string;
  feltHeard: number;
  trustChange: number;
  wouldRecommend: number;
  comment: string | null;
}

export const questionnaireRepository = {
  /** A random (UUIDv4) id: a time-ordered one would date the answer. */
  insertAnswer: (db: DbOrTx, a: NewAnswer) => db.questionnaireAnswer.create({ data: { id: randomUUID(), ...a }, select: { id: true } }),
};
