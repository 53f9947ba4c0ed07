import type { DbOrTx } from "../../platform/db/prisma.js";
import type { AccountTokenPurpose, Language, Prisma, Role, UserStatus } from "../../generated/prisma/client.js";

export interface UserListFilter {
  search?: string | null;
  role?: Role | null;
  status?: UserStatus | null;
  districtId?: string | null;
}

export interface Assignment {
  districtId: string;
  backup: boolean;
}

export const accountRepository = {
  /** Erasure: an erased account's set-password links (its row stays, so nothing cascades). */
  async deleteTokensOf(db: DbOrTx, userIds: readonly string[]) {
    await db.accountToken.deleteMany({ where: { userId: { in: [...userIds] } } });
  },

  /** One page sorted by name, then id (keyset: `after` is the last row's name and id). */
  findUsersPage(db: DbOrTx, municipalityId: string, filter: UserListFilter, take: number, after: { name: string; id: string } | null) {
    const and: Prisma.UserWhereInput[] = [{ municipalityId }];
    if (filter.search) {
      and.push({
        OR: [{ displayName: { contains: filter.search, mode: "insensitive" } }, { email: { contains: filter.search.toLowerCase() } }],
      });
    }
    if (filter.role) and.push({ role: filter.role });
    if (filter.status) and.push({ status: filter.status });
    if (filter.districtId) and.push({ districts: { some: { districtId: filter.districtId } } });
    if (after) and.push({ OR: [{ displayName: { gt: after.name } }, { displayName: after.name, id: { gt: after.id } }] });
    return db.user.findMany({ where: { AND: and }, orderBy: [{ displayName: "asc" }, { id: "asc" }], take });
  },

  findUser(db: DbOrTx, municipalityId: string, id: string) {
    return db.user.findFirst({ where: { id, municipalityId } });
  },

  findUserByEmail(db: DbOrTx, email: string) {
    return db.user.findUnique({ where: { email } });
  },

  async countDistricts(db: DbOrTx, municipalityId: string, ids: readonly string[]): Promise<number> {
    return db.district.count({ where: { municipalityId, id: { in: [...ids] } } });
  },

  findMunicipality(db: DbOrTx, id: string) {
    return db.municipality.findUniqueOrThrow({ where: { id }, select: { name: true } });
  },

  /**
   * Locks the municipality's active admins and counts them, so two admins demoting or
   * disabling each other at once cannot leave the municipality without one.
   */
  async lockActiveAdmins(db: DbOrTx, municipalityId: string): Promise<number> {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "User" WHERE "municipalityId" = ${municipalityId}::uuid AND role = 'ADMIN' AND status = 'ACTIVE' FOR UPDATE`;
    return rows.length;
  },

  createUser(
    db: DbOrTx,
    data: {
      municipalityId: string;
      email: string;
      displayName: string;
      role: Role;
      language: Language;
      passwordHash: string;
      contactId?: string | null;
      partnerOrganisationId?: string | null;
    },
    districts: readonly Assignment[],
  ) {
    return db.user.create({
      data: { ...data, districts: { create: districts.map((d) => ({ districtId: d.districtId, isBackup: d.backup })) } },
    });
  },

  updateUser(db: DbOrTx, id: string, data: Prisma.UserUncheckedUpdateInput) {
    return db.user.update({ where: { id }, data });
  },

  async replaceDistricts(db: DbOrTx, userId: string, districts: readonly Assignment[]): Promise<void> {
    await db.userDistrict.deleteMany({ where: { userId } });
    if (districts.length > 0) {
      await db.userDistrict.createMany({ data: districts.map((d) => ({ userId, districtId: d.districtId, isBackup: d.backup })) });
    }
  },

  findAssignments(db: DbOrTx, userIds: readonly string[]) {
    return db.userDistrict.findMany({
      where: { userId: { in: [...userIds] } },
      select: { userId: true, districtId: true, isBackup: true, district: { select: { name: true } } },
      orderBy: { district: { name: "asc" } },
    });
  },

  createToken(db: DbOrTx, data: { userId: string; purpose: AccountTokenPurpose; tokenHash: string; expiresAt: Date }) {
    return db.accountToken.create({ data });
  },

  findToken(db: DbOrTx, tokenHash: string) {
    return db.accountToken.findUnique({ where: { tokenHash }, include: { user: true } });
  },

  /** Marks a token used; 0 when another request used it first. */
  async useToken(db: DbOrTx, id: string, at: Date): Promise<number> {
    return (await db.accountToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: at } })).count;
  },

  /** Every open link of a user stops working (a new link, a password set, the account disabled). */
  async closeTokensOfUser(db: DbOrTx, userId: string, at: Date): Promise<number> {
    return (await db.accountToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: at } })).count;
  },

  findContactForInvite(db: DbOrTx, municipalityId: string, contactId: string) {
    return db.contact.findFirst({
      where: { id: contactId, municipalityId },
      select: {
        id: true,
        fullName: true,
        email: true,
        status: true,
        mergedIntoId: true,
        anonymisedAt: true,
        districts: { select: { districtId: true } },
        user: { select: { id: true } },
      },
    });
  },

  // ───────────── personal data (account.personal-data.ts) ─────────────

  async deleteEndedTokens(db: DbOrTx, cutoff: Date, municipalityId?: string): Promise<number> {
    const result = await db.accountToken.deleteMany({
      where: { OR: [{ expiresAt: { lt: cutoff } }, { usedAt: { lt: cutoff } }], ...(municipalityId ? { user: { municipalityId } } : {}) },
    });
    return result.count;
  },
};
