import { specialCategoryTerm } from "@wijknet/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createDatabase, type Database } from "../src/platform/db/prisma.js";
import type { DbOrTx } from "../src/platform/db/prisma.js";
import { CITYWIDE_NETWORK_NAME, DEMO_LINKED_ALLY_EMAIL, seedDemoNetworks } from "../src/seed/demo-networks.js";
import { DEMO_MUNICIPALITY, seedDemo, seedDemoIfEmpty, UTRECHT_DISTRICTS } from "../src/seed/demo.js";

/**
 * The full demo seed. The demo municipality has the fixed code GM0344, so this is the
 * ONLY test file that may seed it into the run's shared database: it seeds once and
 * asserts everything through Prisma. (embedded.test.ts seeds its own embedded database.)
 */
const DAY = 86_400_000;
const now = new Date();
let db: Database;
let municipalityId: string;
let seedMs: number;
const seedLog: string[] = [];

beforeAll(async () => {
  db = createDatabase({ url: inject("databaseUrl"), poolMax: 2 });
  const started = performance.now();
  // Other test files create their own municipalities in this database at the same time,
  // so seedDemoIfEmpty may see a non-empty database: seed directly, then check idempotence.
  await seedDemo(db.prisma, (msg) => seedLog.push(msg), { now });
  seedMs = performance.now() - started;
  municipalityId = (await db.prisma.municipality.findUniqueOrThrow({ where: { code: DEMO_MUNICIPALITY.code } })).id;
}, 120_000);
afterAll(async () => {
  await db?.close();
});

const inMunicipality = () => ({ municipalityId });

describe("demo seed: networks and contacts", () => {
  it("is quick", () => {
    console.info(`demo seed on PostgreSQL: ${Math.round(seedMs)} ms in all; ${seedLog.at(-1)}`);
    expect(seedMs).toBeLessThan(20_000);
  });

  it("has an allies network per district, the city-wide meeting and the youth networks", async () => {
    const networks = await db.prisma.network.findMany({ where: inMunicipality(), include: { district: true } });
    const allies = networks.filter((n) => n.kind === "ALLIES");
    expect(allies).toHaveLength(10);
    expect(new Set(allies.map((n) => n.district!.code))).toEqual(new Set(UTRECHT_DISTRICTS.map((d) => d.code)));
    expect(allies.map((n) => n.name)).toContain("Bondgenoten Overvecht");
    expect(allies.map((n) => n.name)).toContain("Bondgenoten Vleuten-De Meern");

    const citywide = networks.filter((n) => n.kind === "CITYWIDE_ALLIES");
    expect(citywide.map((n) => [n.name, n.districtId])).toEqual([[CITYWIDE_NETWORK_NAME, null]]);

    const youth = networks.filter((n) => n.kind === "YOUTH");
    const kanaleneiland = youth.find((n) => n.name.includes("Kanaleneiland"));
    expect(kanaleneiland?.district?.code).toBe("zuidwest");
    // Kanaleneiland is a neighbourhood of Zuidwest in the seed's own list.
    const zuidwest = await db.prisma.district.findFirstOrThrow({
      where: { ...inMunicipality(), code: "zuidwest" },
      include: { neighbourhoods: true },
    });
    expect(zuidwest.neighbourhoods.map((n) => n.name)).toContain("Kanaleneiland");
  });

  it("has organisations of several kinds", async () => {
    const kinds = await db.prisma.organisation.groupBy({ by: ["kind"], where: inMunicipality(), _count: true });
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k._count]));
    for (const kind of [
      "COMMUNITY_ORGANISATION",
      "YOUTH_WORK",
      "SCHOOL",
      "SPORTS_CLUB",
      "RESIDENTS_GROUP",
      "HOSPITALITY",
      "MUNICIPALITY",
      "POLICE",
    ]) {
      expect(byKind[kind], kind).toBeGreaterThan(0);
    }
  });

  it("holds no special-category words and only fictional contact details", async () => {
    const [orgs, contacts, roles, networks, interactions] = await Promise.all([
      db.prisma.organisation.findMany({ where: inMunicipality() }),
      db.prisma.contact.findMany({ where: inMunicipality() }),
      db.prisma.contactRole.findMany({ where: { contact: inMunicipality() } }),
      db.prisma.network.findMany({ where: inMunicipality() }),
      db.prisma.interaction.findMany({ where: { contact: inMunicipality() } }),
    ]);
    const texts = [
      ...orgs.map((o) => o.name),
      ...contacts.flatMap((c) => [c.notes ?? ""]),
      ...roles.map((r) => r.title),
      ...networks.flatMap((n) => [n.name, n.description ?? ""]),
      ...interactions.map((i) => i.note ?? ""),
    ];
    expect(texts.filter((t) => specialCategoryTerm(t) !== null)).toEqual([]);
    for (const c of contacts) {
      if (c.email) expect(c.email).toMatch(/@example\.org$/);
      expect(c.phone).toMatch(/^\+3160000\d{4}$/);
    }
    expect(new Set(contacts.map((c) => c.email).filter(Boolean)).size).toBe(contacts.filter((c) => c.email).length);
    expect(new Set(contacts.map((c) => c.preferredLanguage))).toEqual(new Set(["nl", "en", "ar", "tr", "ber", "pap"]));
    const withStatus = (status: string) => contacts.filter((c) => c.status === status).length;
    expect(withStatus("INACTIVE")).toBeGreaterThanOrEqual(3);
    expect(withStatus("ACTIVE")).toBeGreaterThan(4 * withStatus("INACTIVE"));
    expect(withStatus("ARCHIVED")).toBeGreaterThanOrEqual(2);
  });

  it("covers the youth age bands, and nobody under 16 is there without guardian consent", async () => {
    const youth = await db.prisma.contact.findMany({
      where: { ...inMunicipality(), ageBand: { not: "ADULT" } },
      include: { consents: true },
    });
    expect(new Set(youth.map((c) => c.ageBand))).toEqual(new Set(["AGE_12_15", "AGE_16_17", "AGE_18_23", "AGE_24_27"]));
    const underSixteen = youth.filter((c) => c.ageBand === "UNDER_12" || c.ageBand === "AGE_12_15");
    expect(underSixteen.length).toBeGreaterThan(0);
    for (const c of underSixteen) {
      expect(c.consents.length, c.fullName).toBeGreaterThan(0);
      for (const k of c.consents) {
        expect(k.byGuardian, c.fullName).toBe(true);
        expect(k.guardianName, c.fullName).toBeTruthy();
      }
    }
    // Every contact has a recorded basis for being in the networks.
    const withoutBasis = await db.prisma.contact.count({
      where: { ...inMunicipality(), consents: { none: { purpose: "NETWORK_MEMBERSHIP" } } },
    });
    expect(withoutBasis).toBe(0);
  });

  it("has membership history: people left and rejoined, joined over two years", async () => {
    const memberships = await db.prisma.networkMembership.findMany({ where: { network: inMunicipality() } });
    const ended = memberships.filter((m) => m.until);
    expect(ended.length).toBeGreaterThanOrEqual(5);
    for (const m of ended) expect(m.until!.getTime()).toBeGreaterThan(m.since.getTime());
    // Lost in the last 90 days and new in the last 90 days: both non-trivial.
    expect(ended.filter((m) => m.until!.getTime() > now.getTime() - 90 * DAY).length).toBeGreaterThan(0);
    expect(memberships.filter((m) => m.since.getTime() > now.getTime() - 90 * DAY).length).toBeGreaterThan(3);
    expect(Math.min(...memberships.map((m) => m.since.getTime()))).toBeLessThan(now.getTime() - 540 * DAY);
    const rejoined = new Map<string, number>();
    for (const m of memberships) rejoined.set(`${m.networkId}/${m.contactId}`, (rejoined.get(`${m.networkId}/${m.contactId}`) ?? 0) + 1);
    expect([...rejoined.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(3);
    expect(new Set(memberships.map((m) => m.role))).toEqual(new Set(["MEMBER", "CHAIR", "LIAISON"]));
  });

  it("has districts above and below the small-cell threshold of 5", async () => {
    const allies = await db.prisma.network.findMany({
      where: { ...inMunicipality(), kind: "ALLIES" },
      include: { district: true, _count: { select: { memberships: { where: { until: null } } } } },
    });
    const active = Object.fromEntries(allies.map((n) => [n.district!.code, n._count.memberships]));
    expect(Object.values(active).filter((n) => n >= 5).length).toBeGreaterThanOrEqual(4);
    expect(Object.values(active).filter((n) => n > 0 && n < 5).length).toBeGreaterThanOrEqual(2);
    expect(active["overvecht"]).toBeGreaterThanOrEqual(8);
  });

  it("keeps lastInteractionAt consistent, with stale and never-contacted contacts", async () => {
    const contacts = await db.prisma.contact.findMany({ where: inMunicipality(), include: { interactions: true } });
    const coordinator = await db.prisma.user.findFirstOrThrow({ where: { ...inMunicipality(), role: "COORDINATOR" } });
    for (const c of contacts) {
      const latest = c.interactions.length ? Math.max(...c.interactions.map((i) => i.occurredAt.getTime())) : null;
      expect(c.lastInteractionAt?.getTime() ?? null, c.fullName).toBe(latest);
      for (const i of c.interactions) {
        expect(i.authorId).toBe(coordinator.id);
        expect(i.occurredAt.getTime()).toBeLessThanOrEqual(now.getTime());
      }
    }
    const { staleContactAfterDays } = await db.prisma.municipality.findUniqueOrThrow({ where: { id: municipalityId } });
    const cutoff = now.getTime() - staleContactAfterDays * DAY;
    const active = contacts.filter((c) => c.status === "ACTIVE");
    const stale = active.filter((c) => c.lastInteractionAt && c.lastInteractionAt.getTime() < cutoff);
    const never = active.filter((c) => !c.lastInteractionAt);
    const fresh = active.filter((c) => c.lastInteractionAt && c.lastInteractionAt.getTime() >= cutoff);
    expect(stale.length).toBeGreaterThanOrEqual(3);
    expect(never.length).toBeGreaterThanOrEqual(2);
    expect(fresh.length).toBeGreaterThan(stale.length + never.length);
    expect(new Set(contacts.flatMap((c) => c.interactions.map((i) => i.kind)))).toEqual(new Set(["CALL", "VISIT", "MEETING", "MESSAGE"]));
  });

  it("links the demo ally account to a member of Bondgenoten Overvecht", async () => {
    const ally = await db.prisma.user.findUniqueOrThrow({
      where: { email: DEMO_LINKED_ALLY_EMAIL },
      include: { contact: { include: { memberships: { include: { network: true } } } } },
    });
    expect(ally.contact?.fullName).toBe(ally.displayName);
    expect(ally.contact!.memberships.some((m) => m.network.name === "Bondgenoten Overvecht" && m.until === null)).toBe(true);
  });

  it("does not seed twice", async () => {
    const count = () =>
      Promise.all([
        db.prisma.municipality.count({ where: { code: DEMO_MUNICIPALITY.code } }),
        db.prisma.network.count({ where: inMunicipality() }),
        db.prisma.contact.count({ where: inMunicipality() }),
        db.prisma.networkMembership.count({ where: { network: inMunicipality() } }),
        db.prisma.interaction.count({ where: { contact: inMunicipality() } }),
      ]);
    const before = await count();
    expect(await seedDemoIfEmpty(db.prisma)).toBe(false);
    // Even forced, a second seed fails as a whole and leaves nothing half-written.
    await expect(seedDemo(db.prisma, () => undefined, { now })).rejects.toThrow();
    expect(await count()).toEqual(before);
    expect(before[0]).toBe(1);
  });
});

describe("demo seed: determinism", () => {
  /** Runs seedDemoNetworks against a recorder instead of a database; ids become #1, #2, … */
  async function record(at: Date): Promise<string> {
    const statements: unknown[][] = [];
    const recorder = {
      $executeRawUnsafe: async (...args: unknown[]) => void statements.push(args),
      user: { update: async (args: unknown) => void statements.push(["user.update", args]) },
    } as unknown as DbOrTx;
    const districtsByCode = new Map(
      UTRECHT_DISTRICTS.map((d, i) => [d.code, { id: `00000000-0000-7000-8000-${String(i).padStart(12, "0")}`, name: d.name }]),
    );
    await seedDemoNetworks(recorder, {
      municipalityId: "00000000-0000-7000-8000-00000000aaaa",
      districtsByCode,
      users: [
        { id: "00000000-0000-7000-8000-00000000c001", email: "coordinator@wijknet.example", role: "COORDINATOR" },
        { id: "00000000-0000-7000-8000-00000000c002", email: DEMO_LINKED_ALLY_EMAIL, role: "ALLY" },
      ],
      now: at,
    });
    const ids = new Map<string, string>();
    return JSON.stringify(statements).replace(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g, (id) => {
      if (!ids.has(id)) ids.set(id, `#${ids.size + 1}`);
      return ids.get(id)!;
    });
  }

  it("produces the same data for the same moment", async () => {
    const at = new Date("2026-03-01T09:00:00Z");
    const first = await record(at);
    expect(await record(at)).toBe(first);
    expect(first).toContain("Bondgenoten Overvecht");
  });
});

describe("demo seed: partners and complaints", () => {
  it("has the police and enforcement as partners, a wijkboa per district, one complaints handler and a few complaints", async () => {
    const orgs = await db.prisma.partnerOrganisation.findMany({
      where: inMunicipality(),
      include: { liaisons: { include: { districts: true } } },
    });
    const byKind = Object.fromEntries(orgs.map((o) => [o.kind, o]));
    expect(Object.keys(byKind).sort()).toEqual(["ENFORCEMENT", "POLICE"]);
    expect(byKind["POLICE"]!.liaisons.map((u) => u.email)).toContain("liaison.overvecht@wijknet.example");
    const boas = byKind["ENFORCEMENT"]!.liaisons;
    expect(boas.every((u) => u.role === "POLICE_LIAISON" && u.districts.length === 1)).toBe(true);
    expect(new Set(boas.map((u) => u.districts[0]!.districtId)).size).toBe(UTRECHT_DISTRICTS.length);
    expect(await db.prisma.user.count({ where: { ...inMunicipality(), role: "COMPLAINTS_HANDLER" } })).toBe(1);
    const complaints = await db.prisma.complaint.findMany({ where: inMunicipality() });
    expect(complaints.map((c) => c.concerns).sort()).toEqual(["ENFORCEMENT", "MUNICIPALITY", "POLICE"]);
    // Every demo text is about treatment, not about who people are.
    for (const c of complaints) expect(specialCategoryTerm(c.description)).toBeNull();
  });
});
