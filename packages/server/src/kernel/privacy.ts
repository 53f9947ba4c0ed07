import type { DbOrTx, Tx } from "../platform/db/prisma.js";

/**
 * Personal data, declared per feature. Every Prisma model a feature owns that holds or
 * links to a person gets a `PersonalModel`: which columns identify or link the person,
 * and what a data-subject export, an erasure and a contact merge do with it. A model
 * with person-like columns that is not about a person gets a `NotPersonal` decision.
 * `test/personal-data-coverage.test.ts` fails when a model of the schema has neither.
 */

/**
 * What one erasure covers: a person's contact records (one contact and every duplicate
 * merged into it) and their user accounts. `eraseContact` erases the contacts and unlinks
 * any account (staff accounts are erased by an admin); `eraseUser` erases the account and
 * the contact linked to it. Every feature erases its own rows for both lists.
 */
export interface ErasureScope {
  contactIds: readonly string[];
  /** Accounts being erased (name and email replaced, sessions ended). */
  userIds: readonly string[];
  now: Date;
  /** Work outside the database (mailbox files, other instances' sockets), run once the transaction committed. */
  afterCommit(step: (effects: ErasureEffects) => Promise<void> | void): void;
}

/** What an erasure may do outside the database; the kernel wires them to the platform. */
export interface ErasureEffects {
  /** Removes the copies of these messages from the local mailbox (DATA_DIR/mailbox); SMTP keeps none. */
  forgetMail(notificationIds: readonly string[]): Promise<void>;
  /** Tells every instance that these login sessions ended, so their sockets close. */
  endSessions(sessionIds: readonly string[]): void;
}

/** Who is erased; `afterCommit` is added by the runner. */
export type ErasureRequest = Omit<ErasureScope, "afterCommit">;

/** A merge of `duplicateId` into `keepId`; both Contact rows are locked. */
export interface MergeScope {
  keepId: string;
  duplicateId: string;
  now: Date;
}

/** This path leaves the model alone on purpose; the reason says why. */
export interface Untouched {
  untouched: string;
}

/** Another model's handling includes this one (e.g. registrations go with their invitation). */
export interface CoveredBy {
  coveredBy: string;
}

/** A section of the subject-access export: `section` is its dotted place ("contact.roles", "invitations"). */
export interface ExportSection {
  section: string;
  read(db: DbOrTx, contactId: string): Promise<unknown>;
}

/** Runs inside the erasure (or merge) transaction, after the contacts were locked. */
export type EraseStep = (tx: Tx, scope: ErasureScope) => Promise<void>;
export type MergeStep = (tx: Tx, scope: MergeScope) => Promise<void>;

export interface PersonalModel {
  /** The Prisma model name, e.g. "Invitation". */
  model: string;
  /** The columns that identify a person or link to one (contactId, userId, email, guestLabel…). */
  personColumns: readonly string[];
  export: ExportSection | CoveredBy | Untouched;
  erase: EraseStep | CoveredBy | Untouched;
  /** Required when the model links to a Contact (the coverage test checks it). */
  merge?: MergeStep | CoveredBy | Untouched;
}

export interface NotPersonal {
  model: string;
  /** Why the model holds no person although a column looks like it (e.g. an organisation's name). */
  holdsNoPerson: string;
}

export type PersonalDataDecision = PersonalModel | NotPersonal;

export function isPersonal(d: PersonalDataDecision): d is PersonalModel {
  return "personColumns" in d;
}

/** A declaration together with the feature that made it. */
export type DeclaredDecision = PersonalDataDecision & { owner: string };

/**
 * Runs the declared steps of every feature, in feature order. Erasure, export and merge
 * (ContactService) go through here, so a feature that adds a personal table is covered
 * by declaring it in its own folder.
 */
export class PersonalDataRunner {
  readonly personal: ReadonlyArray<PersonalModel & { owner: string }>;
  constructor(
    readonly decisions: readonly DeclaredDecision[],
    private readonly effects: ErasureEffects = { forgetMail: async () => undefined, endSessions: () => undefined },
  ) {
    this.personal = decisions.filter((d): d is PersonalModel & { owner: string } => isPersonal(d));
  }

  /**
   * Runs every feature's erase step inside `tx`. Returns what must happen after the commit
   * (mailbox files, ending sessions everywhere): call it once the transaction committed.
   */
  async erase(tx: Tx, request: ErasureRequest): Promise<() => Promise<void>> {
    const later: Array<(effects: ErasureEffects) => Promise<void> | void> = [];
    const scope: ErasureScope = { ...request, afterCommit: (step) => later.push(step) };
    for (const d of this.personal) if (typeof d.erase === "function") await d.erase(tx, scope);
    return async () => {
      for (const step of later) await step(this.effects);
    };
  }

  async merge(tx: Tx, scope: MergeScope): Promise<void> {
    // One statement at a time: a transaction is one connection.
    for (const d of this.personal) if (typeof d.merge === "function") await d.merge(tx, scope);
  }

  /** The export document's sections; a parent section ("contact") is placed before its children. */
  async export(db: DbOrTx, contactId: string): Promise<Record<string, unknown>> {
    const sections = this.personal
      .flatMap((d) => ("section" in d.export ? [d.export] : []))
      .sort((a, b) => a.section.split(".").length - b.section.split(".").length);
    const document: Record<string, unknown> = {};
    for (const s of sections) {
      const path = s.section.split(".");
      let at = document;
      for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
      at[path.at(-1)!] = await s.read(db, contactId);
    }
    return document;
  }
}

export interface RetentionScope {
  /** Narrows a run to one municipality (tests share a database); the sweep has none. */
  municipalityId?: string;
}

/**
 * One retention step of a feature: runs inside the retention sweep's transaction (the
 * advisory lock is held) and returns named counts for the sweep's report.
 */
export interface RetentionStep {
  name: string;
  /** `afterCommit`: work outside the database once the sweep's transaction committed (an erasure's effects). */
  run(tx: Tx, now: Date, scope: RetentionScope, afterCommit: (work: () => Promise<void>) => void): Promise<Record<string, number>>;
}

export const DAY_MS = 86_400_000;

/** `days` before `now`. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
