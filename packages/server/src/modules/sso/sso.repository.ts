import type { DbOrTx } from "../../platform/db/prisma.js";
import type { Role } from "../../generated/prisma/enums.js";

export const ssoRepository = {
  /** Erasure: an erased account's sign-ins (its row stays, so nothing cascades). */
  async deleteForUsers(db: DbOrTx, userIds: readonly string[]) {
    await db.ssoLogin.deleteMany({ where: { userId: { in: [...userIds] } } });
  },

  createLogin(db: DbOrTx, data: { stateHash: string; codeVerifier: string; nonce: string; expiresAt: Date }) {
    return db.ssoLogin.create({ data });
  },

  /** Marks the state returned, once: null when unknown, expired or already returned (a replay). */
  async takeLogin(db: DbOrTx, stateHash: string, now: Date) {
    const row = await db.ssoLogin.findUnique({ where: { stateHash } });
    if (!row || row.expiresAt <= now) return null;
    const taken = await db.ssoLogin.updateMany({ where: { id: row.id, returnedAt: null }, data: { returnedAt: now } });
    return taken.count === 1 ? row : null;
  },

  setExchange(db: DbOrTx, id: string, userId: string, exchangeHash: string, expiresAt: Date) {
    return db.ssoLogin.update({ where: { id }, data: { userId, exchangeHash, expiresAt } });
  },

  /** Uses the one-time code: the user id, or null when unknown, expired or used. */
  async takeExchange(db: DbOrTx, exchangeHash: string, now: Date): Promise<string | null> {
    const row = await db.ssoLogin.findUnique({ where: { exchangeHash } });
    if (!row?.userId || row.expiresAt <= now) return null;
    const taken = await db.ssoLogin.updateMany({ where: { id: row.id, exchangedAt: null }, data: { exchangedAt: now } });
    return taken.count === 1 ? row.userId : null;
  },

  findUserByEmail(db: DbOrTx, email: string) {
    return db.user.findUnique({ where: { email } });
  },

  findUser(db: DbOrTx, id: string) {
    return db.user.findUniqueOrThrow({ where: { id } });
  },

  findMunicipalityByCode(db: DbOrTx, code: string) {
    return db.municipality.findUnique({ where: { code }, select: { id: true } });
  },

  createUser(db: DbOrTx, data: { municipalityId: string; email: string; displayName: string; role: Role }) {
    // No password: this account signs in through the identity provider (or a reset link later).
    return db.user.create({ data: { ...data, passwordHash: "!sso" } });
  },

  async deleteEnded(db: DbOrTx, cutoff: Date): Promise<number> {
    return (await db.ssoLogin.deleteMany({ where: { expiresAt: { lt: cutoff } } })).count;
  },
};
