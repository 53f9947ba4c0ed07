import type { DbOrTx } from "../../platform/db/prisma.js";
import type { AuthSessionStage } from "../../generated/prisma/enums.js";

export const authRepository = {
  findUserByEmail(db: DbOrTx, email: string) {
    return db.user.findUnique({ where: { email } });
  },

  createSession(db: DbOrTx, data: { userId: string; tokenHash: string; expiresAt: Date; stage?: AuthSessionStage }) {
    return db.authSession.create({ data });
  },

  /** Moves a waiting session to FULL once; 0 when it was not waiting (any more). */
  async completeSession(db: DbOrTx, sessionId: string, from: AuthSessionStage, expiresAt: Date): Promise<number> {
    const result = await db.authSession.updateMany({
      where: { id: sessionId, stage: from, revokedAt: null },
      data: { stage: "FULL", expiresAt },
    });
    return result.count;
  },

  // ───────────── two-factor (two-factor.service.ts) ─────────────

  findSessionWithUser(db: DbOrTx, tokenHash: string) {
    return db.authSession.findUnique({ where: { tokenHash }, include: { user: true } });
  },

  findTwoFactor(db: DbOrTx, userId: string) {
    return db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, municipalityId: true, role: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
    });
  },

  setTotpSecret(db: DbOrTx, userId: string, secret: string) {
    return db.user.update({
      where: { id: userId },
      data: { totpSecret: secret, totpEnabledAt: null, totpLastStep: null },
      select: { id: true },
    });
  },

  /** Records the accepted time step; 0 when a code of that step (or a later one) was accepted already. */
  async acceptTotpStep(db: DbOrTx, userId: string, step: number): Promise<number> {
    const result = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return result.count;
  },

  async clearTotp(db: DbOrTx, userId: string): Promise<void> {
    await db.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await db.recoveryCode.deleteMany({ where: { userId } });
  },

  findPasswordHash(db: DbOrTx, userId: string) {
    return db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  },

  enableTotp(db: DbOrTx, userId: string, at: Date) {
    return db.user.update({ where: { id: userId }, data: { totpEnabledAt: at }, select: { id: true } });
  },

  async replaceRecoveryCodes(db: DbOrTx, userId: string, codeHashes: readonly string[]): Promise<void> {
    await db.recoveryCode.deleteMany({ where: { userId } });
    await db.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) });
  },

  /** Uses a recovery code once; 0 when unknown or used. */
  async useRecoveryCode(db: DbOrTx, userId: string, codeHash: string, at: Date): Promise<number> {
    const result = await db.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: at } });
    return result.count;
  },

  countUnusedRecoveryCodes(db: DbOrTx, userId: string) {
    return db.recoveryCode.count({ where: { userId, usedAt: null } });
  },

  /** The session with what authorization needs about its user, in one query. */
  findSessionByTokenHash(db: DbOrTx, tokenHash: string) {
    return db.authSession.findUnique({
      where: { tokenHash },
      include: {
        user: {
          select: {
            id: true,
            municipalityId: true,
            role: true,
            status: true,
            contactId: true,
            language: true,
            districts: { select: { districtId: true } },
            partnerOrganisation: { select: { id: true, kind: true } },
          },
        },
      },
    });
  },

  /** Revokes an active session; returns how many were revoked (0 or 1). */
  async revokeSession(db: DbOrTx, sessionId: string, at: Date): Promise<number> {
    const result = await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: at } });
    return result.count;
  },

  /** Revokes every active session of a user (but `exceptSessionId`); returns the revoked ids. */
  async revokeSessionsOfUser(db: DbOrTx, userId: string, at: Date, exceptSessionId: string | null): Promise<string[]> {
    const where = {
      userId,
      revokedAt: null,
      expiresAt: { gt: at },
      ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}),
    };
    const active = await db.authSession.findMany({ where, select: { id: true } });
    if (active.length === 0) return [];
    await db.authSession.updateMany({ where: { id: { in: active.map((s) => s.id) }, revokedAt: null }, data: { revokedAt: at } });
    return active.map((s) => s.id);
  },

  findActiveSessionsOfUser(db: DbOrTx, userId: string, now: Date) {
    return db.authSession.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true, createdAt: true, expiresAt: true },
      orderBy: { createdAt: "desc" },
    });
  },

  touchLastLogin(db: DbOrTx, userId: string, at: Date) {
    return db.user.update({ where: { id: userId }, data: { lastLoginAt: at }, select: { id: true } });
  },

  findUsersByIds(db: DbOrTx, ids: readonly string[]) {
    return db.user.findMany({ where: { id: { in: [...ids] } } });
  },

  // ───────────── personal data (auth.personal-data.ts) ─────────────

  /** The account linked to a contact, as the subject-access export shows it. */
  findUserOfContact(db: DbOrTx, contactId: string) {
    return db.user.findUnique({ where: { contactId }, select: { id: true, email: true, role: true } });
  },

  /** Erasure: locks an account row (its erasure is serialised with a concurrent one). */
  async lockUser(db: DbOrTx, id: string) {
    const rows = await db.$queryRaw<Array<{ id: string }>>`SELECT "id"::text FROM "User" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return rows.length === 1 ? db.user.findUnique({ where: { id } }) : null;
  },

  /** Erasure: ends every open login session of the accounts; returns their ids (for closing sockets). */
  async endSessionsOf(db: DbOrTx, userIds: readonly string[], at: Date): Promise<string[]> {
    const open = await db.authSession.findMany({ where: { userId: { in: [...userIds] }, revokedAt: null }, select: { id: true } });
    await db.authSession.updateMany({ where: { id: { in: open.map((s) => s.id) } }, data: { revokedAt: at } });
    return open.map((s) => s.id);
  },

  /**
   * Erasure: the account row stays (reporter, audit actor and alert recipient point at it)
   * but holds nothing of the person: name and email replaced, no password, disabled.
   */
  async anonymiseUsers(db: DbOrTx, userIds: readonly string[], at: Date, name: string) {
    for (const id of userIds) {
      await db.user.update({
        where: { id },
        data: {
          email: `erased-${id}@erased.invalid`,
          displayName: name,
          passwordHash: "!erased",
          status: "DISABLED",
          contactId: null,
          lastLoginAt: null,
          passwordSetAt: null,
          totpSecret: null,
          totpEnabledAt: null,
          totpLastStep: null,
          erasedAt: at,
        },
      });
    }
  },

  async deleteRecoveryCodesOf(db: DbOrTx, userIds: readonly string[]) {
    await db.recoveryCode.deleteMany({ where: { userId: { in: [...userIds] } } });
  },

  async deleteDistrictsOf(db: DbOrTx, userIds: readonly string[]) {
    await db.userDistrict.deleteMany({ where: { userId: { in: [...userIds] } } });
  },

  async unlinkContacts(db: DbOrTx, contactIds: readonly string[]) {
    await db.user.updateMany({ where: { contactId: { in: [...contactIds] } }, data: { contactId: null } });
  },

  /** Moves the duplicate's account link to the kept contact when that one has none. */
  async moveContactLink(db: DbOrTx, fromContactId: string, toContactId: string) {
    const from = await db.user.findUnique({ where: { contactId: fromContactId } });
    const to = await db.user.findUnique({ where: { contactId: toContactId } });
    if (!from || to) return;
    await db.user.update({ where: { id: from.id }, data: { contactId: null } });
    await db.user.update({ where: { id: from.id }, data: { contactId: toContactId } });
  },

  /** Retention: login sessions that expired or were revoked before `cutoff`. */
  async deleteEndedSessions(db: DbOrTx, cutoff: Date, municipalityId?: string): Promise<number> {
    const result = await db.authSession.deleteMany({
      where: {
        OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }],
        ...(municipalityId ? { user: { municipalityId } } : {}),
      },
    });
    return result.count;
  },
};
