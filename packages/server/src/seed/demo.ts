import type { PrismaClient } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import { hashPassword } from "../modules/auth/password.js";
import { DEMO_LINKED_ALLY_EMAIL, seedDemoNetworks } from "./demo-networks.js";
import { seedDemoPartners } from "./demo-partners.js";
import { seedDemoSessions } from "./demo-sessions.js";

/** Demo password of every demo account. Demo accounts exist only in demo data. */
export const DEMO_PASSWORD = "wijknet-demo";

export const DEMO_MUNICIPALITY = { code: "GM0344", name: "Utrecht" } as const;

/** Utrecht's ten districts with a few of their neighbourhoods. */
export const UTRECHT_DISTRICTS: ReadonlyArray<{ code: string; name: string; neighbourhoods: readonly string[] }> = [
  { code: "west", name: "West", neighbourhoods: ["Lombok", "Oog in Al", "Welgelegen"] },
  { code: "noordwest", name: "Noordwest", neighbourhoods: ["Zuilen", "Ondiep", "Pijlsweerd"] },
  { code: "overvecht", name: "Overvecht", neighbourhoods: ["Overvecht-Noord", "Overvecht-Zuid", "Zambesidreef"] },
  { code: "noordoost", name: "Noordoost", neighbourhoods: ["Wittevrouwen", "Tuindorp", "Voordorp"] },
  { code: "oost", name: "Oost", neighbourhoods: ["Oudwijk", "Rijnsweerd", "Abstede"] },
  { code: "binnenstad", name: "Binnenstad", neighbourhoods: ["Domplein", "Breedstraat", "Lange Elisabethstraat"] },
  { code: "zuid", name: "Zuid", neighbourhoods: ["Hoograven", "Lunetten", "Tolsteeg"] },
  { code: "zuidwest", name: "Zuidwest", neighbourhoods: ["Kanaleneiland", "Transwijk", "Dichterswijk"] },
  { code: "leidsche-rijn", name: "Leidsche Rijn", neighbourhoods: ["Terwijde", "Parkwijk", "Langerak"] },
  { code: "vleuten-de-meern", name: "Vleuten-De Meern", neighbourhoods: ["Vleuten", "De Meern", "Haarzuilens"] },
];

export const DEMO_USERS: ReadonlyArray<{ email: string; displayName: string; role: Role; districts: readonly string[] }> = [
  { email: "coordinator@wijknet.example", displayName: "Noor de Vries", role: "COORDINATOR", districts: [] },
  { email: "liaison.overvecht@wijknet.example", displayName: "Wijkagent Sanne Bakker", role: "POLICE_LIAISON", districts: ["overvecht"] },
  { email: DEMO_LINKED_ALLY_EMAIL, displayName: "Ahmed Jansen", role: "ALLY", districts: ["overvecht"] },
  { email: "admin@wijknet.example", displayName: "Beheerder Utrecht", role: "ADMIN", districts: [] },
];

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Loads the demo data (fictional people; Utrecht's real districts). Runs in one
 * transaction: a half-seeded database never happens.
 */
export async function seedDemo(
  prisma: PrismaClient,
  log: (msg: string) => void = () => undefined,
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      const municipality = await tx.municipality.create({ data: { ...DEMO_MUNICIPALITY } });
      const districtIds = new Map<string, string>();
      const districtsByCode = new Map<string, { id: string; name: string }>();
      for (const d of UTRECHT_DISTRICTS) {
        const district = await tx.district.create({
          data: {
            municipalityId: municipality.id,
            code: d.code,
            name: d.name,
            neighbourhoods: { create: d.neighbourhoods.map((n) => ({ code: slug(n), name: n })) },
          },
        });
        districtIds.set(d.code, district.id);
        districtsByCode.set(d.code, { id: district.id, name: district.name });
      }
      log(`seeded ${UTRECHT_DISTRICTS.length} districts of ${municipality.name}`);
      const users: Array<{ id: string; email: string; role: Role }> = [];
      for (const u of DEMO_USERS) {
        const user = await tx.user.create({
          data: {
            municipalityId: municipality.id,
            email: u.email,
            displayName: u.displayName,
            passwordHash,
            role: u.role,
            districts: { create: u.districts.map((code) => ({ districtId: districtIds.get(code)! })) },
          },
        });
        users.push({ id: user.id, email: user.email, role: user.role });
      }
      log(`seeded ${DEMO_USERS.length} demo accounts (password: ${DEMO_PASSWORD})`);
      const started = performance.now();
      const n = await seedDemoNetworks(tx, { municipalityId: municipality.id, districtsByCode, users, now });
      log(
        `seeded ${n.networks} networks, ${n.organisations} organisations, ${n.contacts} fictional contacts, ` +
          `${n.memberships} memberships, ${n.consents} consents, ${n.interactions} interactions ` +
          `in ${Math.round(performance.now() - started)} ms`,
      );
      const p = await seedDemoPartners(tx, {
        municipalityId: municipality.id,
        districts: UTRECHT_DISTRICTS.map((d) => ({ code: d.code, name: d.name, id: districtIds.get(d.code)! })),
        passwordHash,
        allyUserId: users.find((u) => u.email === DEMO_LINKED_ALLY_EMAIL)?.id ?? null,
        now,
      });
      log(`seeded the police and enforcement as partners, ${p.boas} wijkboa's, a complaints handler and ${p.complaints} complaints`);
      // Theme sessions last: they use whatever contacts and networks exist by now.
      await seedDemoSessions(tx, municipality.id, { log });
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** Seeds only a database without any municipality; returns whether it seeded. */
export async function seedDemoIfEmpty(prisma: PrismaClient, log?: (msg: string) => void): Promise<boolean> {
  if ((await prisma.municipality.count()) > 0) return false;
  await seedDemo(prisma, log);
  return true;
}
