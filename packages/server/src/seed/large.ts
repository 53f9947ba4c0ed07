/**
 * The large seed (`pnpm --filter @wijknet/server seed:large`): a region at size, for the bench
 * and for trying the app with realistic volumes. Loaded on top of the demo seed (it needs the
 * demo accounts and Utrecht's districts and networks) and adds:
 *
 * - two more municipalities (Amersfoort, Nieuwegein) with districts, a coordinator each
 *   (`coordinator.<code>@wijknet.example`, demo password) and one allies network per district;
 * - `contacts` fictional contacts (default 100,000): 80 % in Utrecht (spread over its ten
 *   districts), 10 % in each of the others; roles in organisations, consents;
 * - memberships: 3,000 current members in Overvecht's allies network (the demo coordinator's
 *   biggest list), a few hundred in every other district network, with history;
 * - interactions over the last three years (about three per contact, `lastInteractionAt` kept);
 * - signals with their REPORTED timeline entry, theme sessions with invitations and seats, and
 *   audit rows, so every list that can grow has something to page through.
 *
 * Fictional and deterministic: names, choices and ids come from the core PRNG (same seed, same
 * rows); times are relative to `now`. Every table is written with `INSERT … SELECT FROM
 * unnest(…)` in chunks (one array parameter per column), all in one transaction: the database
 * holds either the whole large seed or none of it.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { prng } from "../core/prng.js";
import { hashPassword } from "../modules/auth/password.js";
import { DEMO_MUNICIPALITY, DEMO_PASSWORD } from "./demo.js";

const DAY = 86_400_000;
const CHUNK = 10_000;

export interface LargeSeedOptions {
  contacts?: number;
  /** Members of Overvecht's allies network. */
  bigNetworkMembers?: number;
  now?: Date;
  seed?: number;
  log?: (msg: string) => void;
}

export interface LargeSeedSummary {
  municipalities: number;
  contacts: number;
  memberships: number;
  interactions: number;
  signals: number;
  sessions: number;
  invitations: number;
  auditEntries: number;
}

/** The municipalities the large seed adds beside the demo's Utrecht (real names, fictional data). */
export const LARGE_MUNICIPALITIES = [
  {
    code: "GM0307",
    name: "Amersfoort",
    districts: ["Centrum", "Noord", "Vathorst", "Schothorst", "Kattenbroek", "Nieuwland", "Zuid"],
  },
  { code: "GM0356", name: "Nieuwegein", districts: ["Batau", "Galecop", "Fokkesteeg", "Jutphaas", "Zuilenstein", "Hoog-Zandveld"] },
] as const;

// Fictional names of a diverse region. The search tests look for some of them on purpose:
// accents (Özdemir, Çelik), double-barrelled names (Jansen-de Vries), short prefixes (Fat…).
const FIRST_NAMES = [
  "Jan",
  "Janneke",
  "Johan",
  "Anna",
  "Emma",
  "Sophie",
  "Daan",
  "Sem",
  "Lucas",
  "Noah",
  "Fatima",
  "Fatma",
  "Mohamed",
  "Ahmed",
  "Youssef",
  "Aisha",
  "Mehmet",
  "Ayşe",
  "Elif",
  "Zeynep",
  "Priya",
  "Rohan",
  "Chen",
  "Mei",
  "Kofi",
  "Ama",
  "Esther",
  "Ruben",
  "Milan",
  "Lotte",
  "Sanne",
  "Thijs",
  "Bram",
  "Iris",
  "Noor",
  "Yara",
  "Ilse",
  "Kevin",
  "Dewi",
  "Rachid",
  "Samira",
  "Hatice",
  "Emre",
  "Sevda",
  "Linda",
  "Peter",
  "Marieke",
  "Gerrit",
  "Henk",
  "Ingrid",
  "Renée",
  "José",
  "Inês",
  "Joël",
  "Chloë",
  "Zoë",
  "Maël",
  "Ömer",
  "Şükrü",
  "Gülşen",
  "Nadia",
  "Karim",
  "Olga",
  "Piotr",
];
const LAST_NAMES = [
  "Jansen",
  "de Vries",
  "van den Berg",
  "Bakker",
  "Visser",
  "Smit",
  "Meijer",
  "de Boer",
  "Mulder",
  "de Groot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "van Leeuwen",
  "Dekker",
  "Brouwer",
  "de Wit",
  "Dijkstra",
  "Smits",
  "Özdemir",
  "Yılmaz",
  "Kaya",
  "Demir",
  "Şahin",
  "Çelik",
  "Aydın",
  "El Amrani",
  "Bouzid",
  "Benali",
  "El Idrissi",
  "Haddou",
  "Ramdin",
  "Sewnarain",
  "Kartosen",
  "Tjon",
  "Lie",
  "Wong",
  "Nguyen",
  "Mensah",
  "Owusu",
  "Kowalski",
  "Nowak",
  "Janssens",
  "Jansen-de Vries",
  "van Dijk-Özdemir",
  "Verhoeven",
  "Koç",
  "Ünal",
  "Müller",
  "Fakir",
  "Elfatihi",
  "Lefat",
  "Mustafa",
  "van der Linden",
  "Hoekstra",
  "Postma",
  "Kramer",
  "Scholten",
  "Willems",
];
const ORG_KINDS = ["RESIDENTS_GROUP", "COMMUNITY_ORGANISATION", "YOUTH_WORK", "SCHOOL", "SPORTS_CLUB", "BUSINESS", "HOSPITALITY"];
const ORG_WORDS = ["Buurtteam", "Wijkcentrum", "Sportclub", "Jongerenwerk", "Bewonersgroep", "Huiskamer", "Basisschool", "Stichting"];
const ROLE_TITLES = ["vrijwilliger", "coördinator", "jongerenwerker", "voorzitter", "sleutelfiguur", "leerkracht", "eigenaar", "trainer"];
const SIGNAL_SUMMARIES = [
  "Spanning rond het winkelcentrum na sluitingstijd",
  "Onrust op het plein na een voetbalwedstrijd",
  "Geruchten over een ruzie tussen twee groepen op school",
  "Vernieling bij de speeltuin",
  "Online oproep tot samenkomst bij het station",
  "Geluidsoverlast en spanning in de portiek",
  "Boze reacties in de buurtapp na een incident",
];
const SESSION_TITLES = ["Samen in gesprek", "Wijkavond: veilig samenleven", "Dialoogtafel", "Jongeren aan het woord"];
const AGE_BANDS = ["UNDER_12", "AGE_12_15", "AGE_16_17", "AGE_18_23", "AGE_24_27"] as const;
const INTERACTION_KINDS = ["CALL", "VISIT", "MEETING", "MESSAGE"] as const;
const CHANNELS = ["EMAIL", "PHONE", "SMS", "MESSAGING_APP", "IN_PERSON"] as const;

type Col = readonly [name: string, sqlType: string];

/**
 * Rows as columns: one array per column, cast in the SELECT (enums from text), so a chunk is
 * one statement with one parameter per column whatever its size.
 */
async function insertColumns(client: pg.ClientBase, table: string, cols: readonly Col[], data: unknown[][]): Promise<void> {
  const n = data[0]?.length ?? 0;
  for (let start = 0; start < n; start += CHUNK) {
    const slice = data.map((column) => column.slice(start, start + CHUNK));
    const names = cols.map(([name]) => `"${name}"`).join(", ");
    const params = cols.map(([, type], i) => `$${i + 1}::${type.startsWith('"') ? "text" : type}[]`).join(", ");
    const select = cols.map(([, type], i) => (type.startsWith('"') ? `c${i}::${type}` : `c${i}`)).join(", ");
    const alias = cols.map((_, i) => `c${i}`).join(", ");
    await client.query(`INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${params}) AS t(${alias})`, slice);
  }
}

class Rows {
  readonly columns: unknown[][];
  constructor(readonly cols: readonly Col[]) {
    this.columns = cols.map(() => []);
  }
  push(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.columns[i]!.push(values[i]);
  }
  get length(): number {
    return this.columns[0]!.length;
  }
  write(client: pg.ClientBase, table: string): Promise<void> {
    return insertColumns(client, table, this.cols, this.columns);
  }
  /** Writes the rows so far and forgets them (memory stays bounded at 100,000 contacts). */
  async flush(client: pg.ClientBase, table: string): Promise<void> {
    await this.write(client, table);
    for (const column of this.columns) column.length = 0;
  }
}

/** Seeds the large data set into the database at `databaseUrl` (which must hold the demo seed). */
export async function seedLarge(databaseUrl: string, options: LargeSeedOptions = {}): Promise<LargeSeedSummary> {
  const total = options.contacts ?? 100_000;
  const bigNetworkMembers = Math.min(options.bigNetworkMembers ?? 3_000, Math.floor(total * 0.08));
  const now = (options.now ?? new Date()).getTime();
  const log = options.log ?? (() => undefined);
  const rand = prng(options.seed ?? 0x1a_2e_5e_ed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const hex = (bytes: number) => {
    let s = "";
    for (let i = 0; i < bytes; i++)
      s += Math.floor(rand() * 256)
        .toString(16)
        .padStart(2, "0");
    return s;
  };
  /** A UUIDv7 for `ms` whose random bits come from the PRNG: same seed, same ids. */
  const uuidv7 = (ms: number) => {
    const t = Math.max(0, Math.floor(ms)).toString(16).padStart(12, "0");
    const r = hex(10);
    const variant = ((parseInt(r.slice(3, 4), 16) & 0x3) | 0x8).toString(16);
    return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(4, 7)}-${r.slice(7, 19)}`;
  };
  const ago = (days: number) => new Date(now - days * DAY);
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const utrecht = await client.query<{ id: string }>(`SELECT "id" FROM "Municipality" WHERE "code" = $1`, [DEMO_MUNICIPALITY.code]);
    if (!utrecht.rows[0]) throw new Error("The large seed goes on top of the demo seed: run `pnpm db:seed` first.");
    const already = await client.query(`SELECT 1 FROM "Municipality" WHERE "code" = $1`, [LARGE_MUNICIPALITIES[0].code]);
    if (already.rowCount) throw new Error(`The large seed is already loaded (municipality ${LARGE_MUNICIPALITIES[0].code} exists).`);
    const passwordHash = await hashPassword(DEMO_PASSWORD);

    await client.query("BEGIN");
    // ── places and accounts
    const munis: Array<{ id: string; share: number; districts: Array<{ id: string; code: string }>; coordinatorId: string }> = [];
    const u = await client.query<{ id: string; code: string }>(
      `SELECT "id", "code" FROM "District" WHERE "municipalityId" = $1 ORDER BY "code"`,
      [utrecht.rows[0].id],
    );
    const coord = await client.query<{ id: string }>(
      `SELECT "id" FROM "User" WHERE "municipalityId" = $1 AND "role" = 'COORDINATOR' ORDER BY "createdAt" LIMIT 1`,
      [utrecht.rows[0].id],
    );
    munis.push({ id: utrecht.rows[0].id, share: 0.8, districts: u.rows, coordinatorId: coord.rows[0]!.id });
    for (const m of LARGE_MUNICIPALITIES) {
      const id = uuidv7(now - 1_100 * DAY);
      await client.query(`INSERT INTO "Municipality" ("id", "code", "name") VALUES ($1, $2, $3)`, [id, m.code, m.name]);
      const districts = m.districts.map((name) => ({
        id: uuidv7(now - 1_100 * DAY),
        code: name.toLowerCase().replace(/[^a-z]+/g, "-"),
        name,
      }));
      await insertColumns(
        client,
        "District",
        [
          ["id", "uuid"],
          ["municipalityId", "uuid"],
          ["code", "text"],
          ["name", "text"],
        ],
        [districts.map((d) => d.id), districts.map(() => id), districts.map((d) => d.code), districts.map((d) => d.name)],
      );
      const coordinatorId = uuidv7(now - 1_100 * DAY);
      await client.query(
        `INSERT INTO "User" ("id", "municipalityId", "email", "displayName", "passwordHash", "role", "passwordSetAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, 'COORDINATOR', now(), now())`,
        [coordinatorId, id, `coordinator.${m.name.toLowerCase()}@wijknet.example`, `Coördinator ${m.name}`, passwordHash],
      );
      munis.push({ id, share: 0.1, districts, coordinatorId });
    }
    log(`large seed: ${munis.length} municipalities ready (${elapsed()})`);

    // ── organisations and networks
    const orgs = new Rows([
      ["id", "uuid"],
      ["municipalityId", "uuid"],
      ["name", "text"],
      ["kind", '"OrganisationKind"'],
      ["updatedAt", "timestamptz"],
    ]);
    const orgsOf = new Map<string, string[]>();
    const networks = new Rows([
      ["id", "uuid"],
      ["municipalityId", "uuid"],
      ["kind", '"NetworkKind"'],
      ["name", "text"],
      ["districtId", "uuid"],
      ["updatedAt", "timestamptz"],
    ]);
    const networkOf = new Map<string, string>(); // districtId → allies network
    const existing = await client.query<{ id: string; districtId: string }>(
      `SELECT "id", "districtId" FROM "Network" WHERE "municipalityId" = $1 AND "kind" = 'ALLIES' AND "districtId" IS NOT NULL`,
      [munis[0]!.id],
    );
    for (const n of existing.rows) networkOf.set(n.districtId, n.id);
    for (const m of munis) {
      const ids: string[] = [];
      for (let i = 0; i < 150; i++) {
        const id = uuidv7(now - 1_000 * DAY);
        orgs.push(id, m.id, `${pick(ORG_WORDS)} ${m.id.slice(-4)}-${i + 1}`, pick(ORG_KINDS), new Date(now));
        ids.push(id);
      }
      orgsOf.set(m.id, ids);
      for (const d of m.districts) {
        if (networkOf.has(d.id)) continue;
        const id = uuidv7(now - 1_000 * DAY);
        networks.push(id, m.id, "ALLIES", `Bondgenoten ${d.code} (${m.id.slice(-4)})`, d.id, new Date(now));
        networkOf.set(d.id, id);
      }
    }
    await orgs.write(client, "Organisation");
    await networks.write(client, "Network");
    log(`large seed: ${orgs.length} organisations, ${networks.length} networks (${elapsed()})`);

    // ── contacts with districts, roles, consents, memberships, interactions
    const contacts = new Rows([
      ["id", "uuid"],
      ["municipalityId", "uuid"],
      ["fullName", "text"],
      ["email", "text"],
      ["phone", "text"],
      ["preferredChannel", '"ContactChannel"'],
      ["preferredLanguage", "text"],
      ["ageBand", '"AgeBand"'],
      ["ageBandSince", "timestamptz"],
      ["status", '"ContactStatus"'],
      ["inactiveSince", "timestamptz"],
      ["lastInteractionAt", "timestamptz"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ]);
    const contactDistricts = new Rows([
      ["contactId", "uuid"],
      ["districtId", "uuid"],
    ]);
    const roles = new Rows([
      ["id", "uuid"],
      ["contactId", "uuid"],
      ["organisationId", "uuid"],
      ["title", "text"],
      ["since", "timestamptz"],
    ]);
    const consents = new Rows([
      ["id", "uuid"],
      ["contactId", "uuid"],
      ["purpose", '"ConsentPurpose"'],
      ["legalBasis", '"LegalBasis"'],
      ["givenAt", "timestamptz"],
      ["byGuardian", "bool"],
    ]);
    const memberships = new Rows([
      ["id", "uuid"],
      ["networkId", "uuid"],
      ["contactId", "uuid"],
      ["role", '"MembershipRole"'],
      ["since", "timestamptz"],
      ["until", "timestamptz"],
      ["endReason", '"MembershipEndReason"'],
      ["createdAt", "timestamptz"],
    ]);
    const interactionCols: Col[] = [
      ["id", "uuid"],
      ["contactId", "uuid"],
      ["authorId", "uuid"],
      ["kind", '"InteractionKind"'],
      ["occurredAt", "timestamptz"],
      ["createdAt", "timestamptz"],
    ];
    let interactions = new Rows(interactionCols);
    let interactionCount = 0;
    const overvecht = munis[0]!.districts.find((d) => d.code === "overvecht")?.id;
    const membersPerDistrict = new Map<string, number>();
    const contactsByMuni = new Map<string, Array<{ id: string; districtId: string; adult: boolean }>>();

    let made = 0;
    for (const [mi, m] of munis.entries()) {
      const count = mi === munis.length - 1 ? total - made : Math.round(total * m.share);
      const list: Array<{ id: string; districtId: string; adult: boolean }> = [];
      for (let i = 0; i < count; i++) {
        const createdDaysAgo = rand() * 1_095;
        const createdAt = ago(createdDaysAgo);
        const id = uuidv7(createdAt.getTime());
        const first = pick(FIRST_NAMES);
        const last = pick(LAST_NAMES);
        const fullName = `${first} ${last}`;
        const local = `${first}.${last}`
          .toLowerCase()
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .replace(/ı/g, "i")
          .replace(/[^a-z.]+/g, "");
        const serial = made + i;
        const email = rand() < 0.7 ? `${local}.${serial}@example.org` : null;
        const phone = rand() < 0.6 ? `+316${String(10_000_000 + serial).slice(-8)}` : null;
        const youth = rand() < 0.15;
        const ageBand = youth ? pick(AGE_BANDS) : "ADULT";
        const inactive = rand() < 0.05;
        const district = m.districts[i % m.districts.length]!;
        // About three interactions per contact over three years; a fifth never spoken to.
        const n = rand() < 0.2 ? 0 : 1 + Math.floor(rand() * 5);
        let last_: Date | null = null;
        for (let k = 0; k < n; k++) {
          const at = ago(rand() * Math.min(createdDaysAgo, 1_095));
          if (!last_ || at > last_) last_ = at;
          interactions.push(uuidv7(at.getTime()), id, m.coordinatorId, pick(INTERACTION_KINDS), at, at);
        }
        contacts.push(
          id,
          m.id,
          fullName,
          email,
          phone,
          email ? "EMAIL" : pick(CHANNELS),
          rand() < 0.85 ? "nl" : "en",
          ageBand,
          createdAt,
          inactive ? "INACTIVE" : "ACTIVE",
          inactive ? ago(rand() * 60) : null,
          last_,
          createdAt,
          createdAt,
        );
        contactDistricts.push(id, district.id);
        if (rand() < 0.1) {
          const other = pick(m.districts);
          if (other.id !== district.id) contactDistricts.push(id, other.id);
        }
        if (rand() < 0.5) roles.push(uuidv7(createdAt.getTime()), id, pick(orgsOf.get(m.id)!), pick(ROLE_TITLES), createdAt);
        if (rand() < 0.4) {
          consents.push(
            uuidv7(createdAt.getTime()),
            id,
            "SESSION_INVITATIONS",
            "CONSENT",
            createdAt,
            ageBand === "UNDER_12" || ageBand === "AGE_12_15",
          );
        }
        // Memberships: Overvecht's allies network gets bigNetworkMembers, others ~300 each.
        const quota = district.id === overvecht ? bigNetworkMembers : 300;
        const have = membersPerDistrict.get(district.id) ?? 0;
        if (have < quota && !inactive) {
          membersPerDistrict.set(district.id, have + 1);
          const since = createdAt;
          const role = have === 0 ? "CHAIR" : "MEMBER";
          if (rand() < 0.1) {
            // History: an earlier membership that ended.
            const endedAt = new Date(since.getTime() + (now - since.getTime()) * rand() * 0.5);
            memberships.push(uuidv7(since.getTime()), networkOf.get(district.id), id, "MEMBER", since, endedAt, "LEFT", since);
            memberships.push(uuidv7(endedAt.getTime()), networkOf.get(district.id), id, role, endedAt, null, null, endedAt);
          } else {
            memberships.push(uuidv7(since.getTime()), networkOf.get(district.id), id, role, since, null, null, since);
          }
        }
        list.push({ id, districtId: district.id, adult: ageBand === "ADULT" });
        if (contacts.length >= CHUNK) {
          await contacts.flush(client, "Contact");
        }
        if (interactions.length >= 5 * CHUNK) {
          // Interactions reference contacts: write them once their contacts are in.
          await contacts.flush(client, "Contact");
          interactionCount += interactions.length;
          await interactions.write(client, "Interaction");
          interactions = new Rows(interactionCols);
        }
      }
      made += count;
      contactsByMuni.set(m.id, list);
      log(`large seed: ${made.toLocaleString("en")} / ${total.toLocaleString("en")} contacts (${elapsed()})`);
    }
    await contacts.flush(client, "Contact");
    interactionCount += interactions.length;
    await interactions.write(client, "Interaction");
    await contactDistricts.write(client, "ContactDistrict");
    await roles.write(client, "ContactRole");
    await consents.write(client, "Consent");
    await memberships.write(client, "NetworkMembership");
    log(
      `large seed: ${interactionCount.toLocaleString("en")} interactions, ${roles.length.toLocaleString("en")} roles, ` +
        `${consents.length.toLocaleString("en")} consents, ${memberships.length.toLocaleString("en")} memberships (${elapsed()})`,
    );

    // ── signals with their first timeline entry
    const signals = new Rows([
      ["id", "uuid"],
      ["municipalityId", "uuid"],
      ["districtId", "uuid"],
      ["kind", '"SignalKind"'],
      ["severity", '"Severity"'],
      ["summary", "text"],
      ["visibility", '"SignalVisibility"'],
      ["status", '"SignalStatus"'],
      ["reporterId", "uuid"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ]);
    const updates = new Rows([
      ["id", "uuid"],
      ["signalId", "uuid"],
      ["authorId", "uuid"],
      ["kind", '"SignalUpdateKind"'],
      ["createdAt", "timestamptz"],
    ]);
    for (const m of munis) {
      const n = Math.round((total / 20) * m.share);
      for (let i = 0; i < n; i++) {
        const at = ago(rand() * 1_095);
        const id = uuidv7(at.getTime());
        const old = now - at.getTime() > 30 * DAY;
        signals.push(
          id,
          m.id,
          pick(m.districts).id,
          pick(["TENSION", "INCIDENT", "UNREST", "RUMOUR", "ONLINE"]),
          pick(["LOW", "MEDIUM", "HIGH"]),
          pick(SIGNAL_SUMMARIES),
          rand() < 0.5 ? "SHARED_WITH_POLICE" : "COORDINATION_ONLY",
          old ? pick(["RESOLVED", "DISMISSED"]) : pick(["NEW", "TRIAGED", "MONITORING"]),
          m.coordinatorId,
          at,
          at,
        );
        updates.push(uuidv7(at.getTime()), id, m.coordinatorId, "REPORTED", at);
      }
    }
    await signals.write(client, "Signal");
    await updates.write(client, "SignalUpdate");
    log(`large seed: ${signals.length.toLocaleString("en")} signals (${elapsed()})`);

    // ── theme sessions with invitations and seats (past ones held, with attendance)
    const sessions = new Rows([
      ["id", "uuid"],
      ["municipalityId", "uuid"],
      ["districtId", "uuid"],
      ["title", "text"],
      ["theme", '"SessionTheme"'],
      ["startsAt", "timestamptz"],
      ["endsAt", "timestamptz"],
      ["place", "text"],
      ["capacity", "int4"],
      ["status", '"SessionStatus"'],
      ["createdById", "uuid"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ]);
    const invitations = new Rows([
      ["id", "uuid"],
      ["sessionId", "uuid"],
      ["contactId", "uuid"],
      ["tokenHash", "text"],
      ["tokenExpiresAt", "timestamptz"],
      ["response", '"RsvpResponse"'],
      ["respondedAt", "timestamptz"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ]);
    const registrations = new Rows([
      ["id", "uuid"],
      ["sessionId", "uuid"],
      ["invitationId", "uuid"],
      ["ageBand", '"AgeBand"'],
      ["seatStatus", '"SeatStatus"'],
      ["queuedAt", "timestamptz"],
      ["confirmedAt", "timestamptz"],
      ["attendance", '"Attendance"'],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ]);
    for (const m of munis) {
      const people = contactsByMuni.get(m.id)!.filter((c) => c.adult);
      for (let s = 0; s < 36; s++) {
        const startsAt = ago(1_080 - s * 30 - rand() * 10);
        const held = startsAt.getTime() < now;
        const district = m.districts[s % m.districts.length]!;
        const id = uuidv7(startsAt.getTime() - 30 * DAY);
        const capacity = 60;
        sessions.push(
          id,
          m.id,
          district.id,
          `${pick(SESSION_TITLES)} ${s + 1}`,
          pick(["DISCRIMINATION", "DIVERSE_INFLOW", "OTHER"]),
          startsAt,
          new Date(startsAt.getTime() + 2 * 3_600_000),
          "Wijkcentrum",
          capacity,
          held ? "COMPLETED" : "PUBLISHED",
          m.coordinatorId,
          new Date(startsAt.getTime() - 30 * DAY),
          new Date(startsAt.getTime() - 30 * DAY),
        );
        const invitedAt = new Date(startsAt.getTime() - 21 * DAY);
        let seats = 0;
        const start = Math.floor(rand() * Math.max(1, people.length - 100));
        for (let k = 0; k < 100 && k < people.length; k++) {
          const person = people[start + k]!;
          const inv = uuidv7(invitedAt.getTime());
          const response = rand() < 0.7 ? (rand() < 0.6 ? "YES" : "NO") : null;
          const respondedAt = response ? new Date(invitedAt.getTime() + rand() * 14 * DAY) : null;
          invitations.push(
            inv,
            id,
            person.id,
            createHash("sha256").update(`large-seed:${inv}`).digest("hex"),
            new Date(startsAt.getTime() + DAY),
            response,
            respondedAt,
            invitedAt,
            invitedAt,
          );
          if (response === "YES") {
            const confirmed = seats < capacity;
            if (confirmed) seats++;
            registrations.push(
              uuidv7(respondedAt!.getTime()),
              id,
              inv,
              "ADULT",
              confirmed ? "CONFIRMED" : "WAITLISTED",
              respondedAt,
              confirmed ? respondedAt : null,
              held && confirmed ? (rand() < 0.8 ? "ATTENDED" : "NO_SHOW") : "UNKNOWN",
              respondedAt,
              respondedAt,
            );
          }
        }
      }
    }
    await sessions.write(client, "ThemeSession");
    await invitations.write(client, "Invitation");
    await registrations.write(client, "Registration");
    log(
      `large seed: ${sessions.length} sessions, ${invitations.length.toLocaleString("en")} invitations, ` +
        `${registrations.length.toLocaleString("en")} seats (${elapsed()})`,
    );

    // ── audit log: the trail a region's coordinators leave over three years
    const audit = new Rows([
      ["at", "timestamptz"],
      ["municipalityId", "uuid"],
      ["actorId", "uuid"],
      ["actorRole", '"Role"'],
      ["action", '"AuditAction"'],
      ["entityType", "text"],
      ["entityId", "text"],
    ]);
    for (const m of munis) {
      const people = contactsByMuni.get(m.id)!;
      const n = Math.round((total / 2) * m.share);
      const times = Array.from({ length: n }, () => now - rand() * 1_095 * DAY).sort((a, b) => a - b);
      for (const t of times)
        audit.push(new Date(t), m.id, m.coordinatorId, "COORDINATOR", pick(["CREATE", "UPDATE"]), "Contact", pick(people).id);
    }
    await audit.write(client, "AuditEntry");
    log(`large seed: ${audit.length.toLocaleString("en")} audit entries (${elapsed()})`);

    await client.query("COMMIT");
    // Fresh statistics, so the first queries after the seed already get good plans.
    await client.query("ANALYZE");
    log(`large seed: committed and analysed in ${elapsed()}`);
    return {
      municipalities: munis.length,
      contacts: total,
      memberships: memberships.length,
      interactions: interactionCount,
      signals: signals.length,
      sessions: sessions.length,
      invitations: invitations.length,
      auditEntries: audit.length,
    };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
