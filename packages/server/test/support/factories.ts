import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { hashPassword } from "../../src/modules/auth/password.js";

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | undefined;

/** A fresh municipality with districts, so tests never see each other's rows. */
export async function createMunicipality(prisma: PrismaClient, districtNames = ["Noord", "Zuid", "Oost"]) {
  const suffix = randomBytes(4).toString("hex");
  const code = `GM${String(parseInt(suffix, 16) % 10_000).padStart(4, "0")}`;
  const municipality = await prisma.municipality.create({ data: { code: `${code}-${suffix}`, name: `Testgemeente ${suffix}` } });
  const districts = [];
  for (const name of districtNames) {
    districts.push(await prisma.district.create({ data: { municipalityId: municipality.id, code: name.toLowerCase(), name } }));
  }
  return { municipality, districts };
}

export async function createUser(
  prisma: PrismaClient,
  municipalityId: string,
  opts: {
    role?: Role;
    districtIds?: string[];
    status?: "ACTIVE" | "DISABLED";
    email?: string;
    /** A liaison's partner organisation (none: counts as police). */
    partnerOrganisationId?: string;
  } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return prisma.user.create({
    data: {
      municipalityId,
      email: opts.email ?? `user-${randomBytes(5).toString("hex")}@test.example`,
      displayName: "Test User",
      passwordHash: await cachedHash,
      role: opts.role ?? "COORDINATOR",
      status: opts.status ?? "ACTIVE",
      partnerOrganisationId: opts.partnerOrganisationId ?? null,
      districts: { create: (opts.districtIds ?? []).map((districtId) => ({ districtId })) },
    },
  });
}
