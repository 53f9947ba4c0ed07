import { randomBytes } from "node:crypto";
import type { DbOrTx } from "../platform/db/prisma.js";
import type { Prisma } from "../generated/prisma/client.js";
import type {
  AgeBand,
  ConsentPurpose,
  ContactChannel,
  ContactStatus,
  InteractionKind,
  LegalBasis,
  MembershipRole,
  NetworkKind,
  OrganisationKind,
  Role,
} from "../generated/prisma/enums.js";
import { prng } from "../core/prng.js";

/**
 * Demo networks, organisations and contacts for Utrecht.
 *
 * Every person here is FICTIONAL. Names reflect a diverse city; no record holds (or
 * hints at) ethnicity, nationality, origin or religion: faith-based boards are plain
 * COMMUNITY_ORGANISATIONs with neutral names, and `preferredLanguage` is only the
 * practical language someone likes to be addressed in. Youth carry an age band, never
 * a birth date; under-16s have guardian consent.
 *
 * The data is deterministic: hand-written lists plus a seeded PRNG for dates, all
 * relative to `now`. Ids are made here so rows can reference each other, and each
 * table is written with ONE statement (see `insertMany`), so the seed stays fast on
 * the embedded PGlite.
 */

/** The demo ally account that is linked to its contact record. */
export const DEMO_LINKED_ALLY_EMAIL = "ally.overvecht@wijknet.example";
/** Name of the city-wide allies meeting. */
export const CITYWIDE_NETWORK_NAME = "Stedelijk bondgenotenoverleg";

export interface SeedDemoNetworksInput {
  municipalityId: string;
  /** District code (e.g. "overvecht") → the district's id and display name. */
  districtsByCode: ReadonlyMap<string, { id: string; name: string }>;
  /** The demo accounts just created. */
  users: ReadonlyArray<{ id: string; email: string; role: Role }>;
  now: Date;
}

export interface SeedDemoNetworksSummary {
  organisations: number;
  contacts: number;
  networks: number;
  memberships: number;
  interactions: number;
  consents: number;
  roles: number;
}

// ───────────────────────────── helpers ─────────────────────────────

const DAY = 86_400_000;

/** A UUIDv7 (like the schema's `uuid(7)` default), made here so rows can reference each other before insert. */
function uuidv7(ms: number): string {
  const b = randomBytes(16);
  let t = BigInt(ms);
  for (let i = 5; i >= 0; i--) {
    b[i] = Number(t & 0xffn);
    t >>= 8n;
  }
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function emailLocalPart(fullName: string): string {
  return fullName
    .toLowerCase()
    .replace(/ı/g, "i")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9 -]/g, "")
    .trim()
    .replace(/\s+/g, ".");
}

// ───────────────────────────── organisations ─────────────────────────────

const ORGANISATIONS: Record<string, { name: string; kind: OrganisationKind; archived?: boolean }> = {
  gemeente: { name: "Gemeente Utrecht", kind: "MUNICIPALITY" },
  politie: { name: "Politie Midden-Nederland", kind: "POLICE" },
  klaproos: { name: "Buurtcentrum De Klaproos", kind: "COMMUNITY_ORGANISATION" },
  "ontmoetingshuis-nw": { name: "Stichting Ontmoetingshuis Noordwest", kind: "COMMUNITY_ORGANISATION" },
  huiskamer: { name: "Stichting De Huiskamer Kanaleneiland", kind: "COMMUNITY_ORGANISATION" },
  "samen-sterk": { name: "Stichting Samen Sterk Zuid", kind: "COMMUNITY_ORGANISATION" },
  buurtvrienden: { name: "Stichting Buurtvrienden Oost", kind: "COMMUNITY_ORGANISATION" },
  kade: { name: "Jongerenwerk De Kade", kind: "YOUTH_WORK" },
  noordwaarts: { name: "Jongerenwerk Noordwaarts", kind: "YOUTH_WORK" },
  jongerenpunt: { name: "Jongerenpunt Leidsche Rijn", kind: "YOUTH_WORK" },
  kanaalcollege: { name: "Het Kanaalcollege", kind: "SCHOOL" },
  vechtoever: { name: "Vechtoever Lyceum", kind: "SCHOOL" },
  stadscollege: { name: "Stadscollege Utrecht (mbo)", kind: "SCHOOL" },
  vakcollege: { name: "Vakcollege Oog in Al", kind: "SCHOOL" },
  "sv-zuidwest": { name: "SV Zuidwest United", kind: "SPORTS_CLUB" },
  dreef: { name: "Voetbalvereniging De Dreef", kind: "SPORTS_CLUB" },
  vechtkracht: { name: "Boksschool Vechtkracht", kind: "SPORTS_CLUB" },
  zuilen58: { name: "Sportvereniging Zuilen '58", kind: "SPORTS_CLUB" },
  hoppers: { name: "Basketbalclub LR Hoppers", kind: "SPORTS_CLUB" },
  lunetten: { name: "Hockeyclub Lunetten", kind: "SPORTS_CLUB" },
  voordorp: { name: "Tennisvereniging Voordorp", kind: "SPORTS_CLUB" },
  zambesi: { name: "Bewonersgroep Zambesidreef", kind: "RESIDENTS_GROUP" },
  lombok: { name: "Bewonersinitiatief Lombok Leeft", kind: "RESIDENTS_GROUP" },
  hoograven: { name: "Bewonersgroep Hoograven-Midden", kind: "RESIDENTS_GROUP" },
  ondiep: { name: "Buurtkracht Ondiep", kind: "RESIDENTS_GROUP" },
  terwijde: { name: "Bewonersplatform Terwijde", kind: "RESIDENTS_GROUP" },
  tuindorp: { name: "Bewonersvereniging Tuindorp", kind: "RESIDENTS_GROUP" },
  dorpsraad: { name: "Dorpsraad Vleuten-De Meern", kind: "RESIDENTS_GROUP" },
  "cafe-kanaal": { name: "Grand Café Aan het Kanaal", kind: "HOSPITALITY" },
  koffiehuis: { name: "Koffiehuis De Oude Gracht", kind: "HOSPITALITY" },
  kanaalstraat: { name: "Eethuis De Kanaalstraat", kind: "HOSPITALITY" },
  "ondernemers-ov": { name: "Ondernemersvereniging Winkelcentrum Overvecht", kind: "BUSINESS" },
  "ondernemers-bs": { name: "Ondernemersfonds Binnenstad", kind: "BUSINESS" },
  welzijn: { name: "Wijkteam Welzijn Plus", kind: "PARTNER_ORGANISATION" },
  stadsdak: { name: "Woonstichting Stadsdak", kind: "PARTNER_ORGANISATION" },
  buurtbus: { name: "Stichting Buurtbus Binnenstad", kind: "OTHER", archived: true },
};
type OrgKey = keyof typeof ORGANISATIONS;

// ───────────────────────────── networks ─────────────────────────────

/** Network keys: a district code for that district's ALLIES network, or one of these. */
const CITYWIDE = "stad";
const YOUTH_KANALENEILAND = "jong-kanaleneiland";
const YOUTH_LEIDSCHE_RIJN = "jong-leidsche-rijn";

interface NetworkSpec {
  key: string;
  kind: NetworkKind;
  name: string;
  description: string;
  districtCode: string | null;
  /** Days before `now` the network started. */
  startedDaysAgo: number;
}

function networkSpecs(districtNames: ReadonlyMap<string, string>): NetworkSpec[] {
  const allies: NetworkSpec[] = [...districtNames].map(([code, name]) => ({
    key: code,
    kind: "ALLIES",
    name: `Bondgenoten ${name}`,
    description: `Bondgenotennetwerk van ${name}: bewoners, organisaties, ondernemers en professionals die samen werken aan veiligheid voor iedereen.`,
    districtCode: code,
    startedDaysAgo: 760,
  }));
  return [
    ...allies,
    {
      key: CITYWIDE,
      kind: "CITYWIDE_ALLIES",
      name: CITYWIDE_NETWORK_NAME,
      description: "Stedelijk overleg van de bondgenotennetwerken met voorzitters, gemeente en politie.",
      districtCode: null,
      startedDaysAgo: 800,
    },
    {
      key: YOUTH_KANALENEILAND,
      kind: "YOUTH",
      name: "Jongerennetwerk Kanaleneiland",
      description: "Jongeren uit Kanaleneiland denken mee over veiligheid en themasessies, begeleid door het jongerenwerk.",
      districtCode: "zuidwest",
      startedDaysAgo: 600,
    },
    {
      key: YOUTH_LEIDSCHE_RIJN,
      kind: "YOUTH",
      name: "Jongerennetwerk Leidsche Rijn",
      description: "Nieuw jongerennetwerk in opbouw, naar het voorbeeld van Kanaleneiland.",
      districtCode: "leidsche-rijn",
      startedDaysAgo: 150,
    },
  ];
}

// ───────────────────────────── contacts ─────────────────────────────

/** new: joined in the last ~2.5 months; left: membership ended; rejoined: ended, then a new membership. */
type History = "new" | "left" | "rejoined";
type MembershipSpec = [network: string, role?: MembershipRole, history?: History];
/** recent: last interaction within the stale window; stale: older than it; never: no interaction at all. */
type Seen = "recent" | "stale" | "never";

interface ContactSpec {
  name: string;
  districts: string[];
  org: OrgKey | null;
  title: string;
  nets: MembershipSpec[];
  lang?: string;
  channel?: ContactChannel;
  status?: ContactStatus;
  age?: AgeBand;
  /** Parent or guardian who gave consent (under-16s). */
  guardian?: string;
  seen?: Seen;
  notes?: string;
}

const M = "MEMBER" as const;
const CHAIR = "CHAIR" as const;
const LIAISON = "LIAISON" as const;

function c(
  name: string,
  districts: string | string[],
  org: OrgKey | null,
  title: string,
  nets: MembershipSpec[],
  extra: Partial<ContactSpec> = {},
): ContactSpec {
  return { name, districts: typeof districts === "string" ? [districts] : districts, org, title, nets, ...extra };
}

/** Youth in a youth network; under-16s need a guardian. */
function youth(name: string, district: string, age: AgeBand, net: string, extra: Partial<ContactSpec> = {}): ContactSpec {
  const org: OrgKey = net === YOUTH_LEIDSCHE_RIJN ? "jongerenpunt" : "kade";
  return c(
    name,
    district,
    org,
    age === "AGE_24_27" ? "jongerenambassadeur" : "deelnemer jongerennetwerk",
    [[net, M, extra.status === "INACTIVE" ? "left" : undefined]],
    {
      age,
      channel: "MESSAGING_APP",
      ...extra,
    },
  );
}

const CONTACTS: ContactSpec[] = [
  // Overvecht: a large allies network (14 active).
  c("Ahmed Jansen", "overvecht", "klaproos", "vrijwilliger en sleutelfiguur", [["overvecht", M]], { seen: "recent" }),
  c(
    "Fatima El Amrani",
    "overvecht",
    "klaproos",
    "coördinator buurtcentrum",
    [
      ["overvecht", CHAIR],
      [CITYWIDE, M],
    ],
    { seen: "recent" },
  ),
  c("Sanne Bakker", "overvecht", "politie", "wijkagent Overvecht", [["overvecht", LIAISON]], { channel: "PHONE", seen: "recent" }),
  c("Mehmet Yıldız", "overvecht", "ondernemers-ov", "voorzitter ondernemersvereniging", [["overvecht", M]], {
    lang: "tr",
    channel: "PHONE",
  }),
  c("Wendy Kramer", "overvecht", "zambesi", "voorzitter bewonersgroep", [["overvecht", M]]),
  c("Youssef Bouzian", ["overvecht", "noordwest"], "noordwaarts", "jongerenwerker", [["overvecht", M]], { channel: "MESSAGING_APP" }),
  c("Linda Tjon-A-Fat", "overvecht", "vechtoever", "mentor en vertrouwenspersoon", [["overvecht", M]]),
  c("Karim Ouali", "overvecht", "dreef", "trainer bij De Dreef", [["overvecht", M, "rejoined"]]),
  c("Esra Kaplan", "overvecht", "zambesi", "lid bewonersgroep", [["overvecht", M, "new"]], { lang: "tr" }),
  c("Jeroen Smit", "overvecht", "gemeente", "wijkadviseur Overvecht", [["overvecht", M]]),
  c("Hanane Azzouz", "overvecht", "klaproos", "taalcoach", [["overvecht", M]], {
    lang: "ber",
    channel: "IN_PERSON",
    notes: "Liefst even langskomen in het buurtcentrum.",
  }),
  c("Dennis Verhoeven", "overvecht", "vechtkracht", "eigenaar boksschool", [["overvecht", M]], { channel: "PHONE" }),
  c("Samira Lahlou", "overvecht", "stadsdak", "buurtbeheerder", [["overvecht", M, "new"]]),
  c("Bilal Chaouch", "overvecht", null, "sleutelfiguur in de buurt", [["overvecht", M]], { lang: "ar", seen: "stale" }),
  c("Gerda Hoogland", "overvecht", "zambesi", "oud-voorzitter bewonersgroep", [["overvecht", M, "left"]], {
    status: "INACTIVE",
    seen: "stale",
  }),
  c("Omar Tahiri", "overvecht", "dreef", "jeugdtrainer", [["overvecht", M, "left"]], {
    status: "INACTIVE",
    seen: "stale",
    notes: "Verhuisd naar een andere stad.",
  }),

  // Zuidwest: allies (13 active) and the youth network Kanaleneiland.
  c(
    "Najat Benali",
    "zuidwest",
    "huiskamer",
    "coördinator",
    [
      ["zuidwest", CHAIR],
      [CITYWIDE, M],
    ],
    { seen: "recent" },
  ),
  c(
    "Rob van Leeuwen",
    "zuidwest",
    "politie",
    "wijkagent Kanaleneiland",
    [
      ["zuidwest", LIAISON],
      [YOUTH_KANALENEILAND, LIAISON],
    ],
    { channel: "PHONE", seen: "recent" },
  ),
  c(
    "Ilias Moussaoui",
    "zuidwest",
    "kade",
    "jongerenwerker",
    [
      ["zuidwest", M],
      [YOUTH_KANALENEILAND, CHAIR],
    ],
    { channel: "MESSAGING_APP", seen: "recent" },
  ),
  c("Ayşe Çelik", "zuidwest", "kanaalcollege", "docent burgerschap", [["zuidwest", M]]),
  c("Marco Rosalia", "zuidwest", "sv-zuidwest", "trainer bij SV Zuidwest United", [["zuidwest", M]], { lang: "pap" }),
  c("Hatice Şahin", "zuidwest", "huiskamer", "vrijwilliger", [["zuidwest", M]], { lang: "tr", channel: "PHONE" }),
  c("Tom Hendriks", "zuidwest", "cafe-kanaal", "eigenaar grand café", [["zuidwest", M]], { channel: "PHONE" }),
  c("Soufiane El Idrissi", "zuidwest", "huiskamer", "bestuurslid", [["zuidwest", M, "rejoined"]], { lang: "ar" }),
  c("Priya Ramdin", "zuidwest", "welzijn", "opbouwwerker", [["zuidwest", M]]),
  c("Anouk de Graaf", "zuidwest", "gemeente", "wijkadviseur Zuidwest", [["zuidwest", M]]),
  c("Mustafa Aydın", "zuidwest", "sv-zuidwest", "voorzitter SV Zuidwest United", [["zuidwest", M, "new"]], { lang: "tr" }),
  c("Gloria Martina", "zuidwest", null, "sleutelfiguur in Transwijk", [["zuidwest", M]], { lang: "pap", seen: "never" }),
  c(
    "Reda Ziani",
    "zuidwest",
    "kade",
    "jongerenambassadeur",
    [
      ["zuidwest", M, "new"],
      [YOUTH_KANALENEILAND, M],
    ],
    { age: "AGE_24_27", channel: "MESSAGING_APP" },
  ),
  c("Jan-Willem Bos", "zuidwest", "kanaalcollege", "teamleider onderbouw", [["zuidwest", M, "left"]], {
    status: "INACTIVE",
    seen: "stale",
  }),
  youth("Yassin Achahbar", "zuidwest", "AGE_12_15", YOUTH_KANALENEILAND, { guardian: "Malika Achahbar" }),
  youth("Elif Yılmaz", "zuidwest", "AGE_12_15", YOUTH_KANALENEILAND, { guardian: "Serkan Yılmaz" }),
  youth("Jayden Kwakman", "zuidwest", "AGE_12_15", YOUTH_KANALENEILAND, { guardian: "Shirley Kwakman", seen: "never" }),
  youth("Noah Verbeek", "zuidwest", "AGE_16_17", YOUTH_KANALENEILAND),
  youth("Salma Haddou", "zuidwest", "AGE_16_17", YOUTH_KANALENEILAND),
  youth("Dylan Doorson", "zuidwest", "AGE_16_17", YOUTH_KANALENEILAND, { status: "INACTIVE", seen: "stale" }),
  youth("Imane Bakkali", "zuidwest", "AGE_18_23", YOUTH_KANALENEILAND),
  youth("Kevin Leito", "zuidwest", "AGE_18_23", YOUTH_KANALENEILAND, { lang: "pap" }),
  youth("Sara Ouchan", "zuidwest", "AGE_18_23", YOUTH_KANALENEILAND),
  youth("Lotte van Rijn", "zuidwest", "AGE_24_27", YOUTH_KANALENEILAND, { org: "kade", title: "vrijwilliger jongerenwerk" }),

  // Noordwest (9 active).
  c(
    "Ingrid Mulder",
    "noordwest",
    "ondiep",
    "voorzitter bewonersgroep",
    [
      ["noordwest", CHAIR],
      [CITYWIDE, M],
    ],
    { seen: "recent" },
  ),
  c("Abdelhak Zerouali", "noordwest", "ontmoetingshuis-nw", "bestuurslid", [["noordwest", M]], { lang: "ar", channel: "PHONE" }),
  c("Stefan Pauwels", "noordwest", "politie", "wijkagent Zuilen", [["noordwest", LIAISON]], { channel: "PHONE" }),
  c("Naima Bouazza", "noordwest", "noordwaarts", "jongerenwerker", [["noordwest", M]], { channel: "MESSAGING_APP" }),
  c("Thijs de Bruin", "noordwest", "gemeente", "wijkadviseur Noordwest", [["noordwest", M]]),
  c("Meryem Aksoy", "noordwest", "ontmoetingshuis-nw", "vrijwilliger", [["noordwest", M, "new"]], { lang: "tr" }),
  c("Ricardo Statia", "noordwest", null, "sleutelfiguur in Pijlsweerd", [["noordwest", M]], { lang: "pap", seen: "stale" }),
  c("Yvonne Peters", "noordwest", "ondiep", "secretaris bewonersgroep", [["noordwest", M]]),
  c("Hamza El Khattabi", "noordwest", "zuilen58", "trainer bij Zuilen '58", [["noordwest", M, "rejoined"]]),
  c("Bas Kuipers", "noordwest", "ondiep", "oud-bestuurslid", [["noordwest", M, "left"]], { status: "ARCHIVED", seen: "stale" }),

  // West (7 active).
  c(
    "Esther van Dijk",
    "west",
    "lombok",
    "voorzitter bewonersinitiatief",
    [
      ["west", CHAIR],
      [CITYWIDE, M],
    ],
    { seen: "recent" },
  ),
  c("Khalid Amezian", "west", "kanaalstraat", "eigenaar eethuis", [["west", M]], { lang: "ar", channel: "PHONE" }),
  c("Fleur Jacobs", "west", "politie", "wijkagent Lombok", [["west", LIAISON]]),
  c("Günay Arslan", "west", "lombok", "vrijwilliger", [["west", M]], { lang: "tr" }),
  c("Maarten Koster", "west", "gemeente", "wijkadviseur West", [["west", M]], { seen: "stale" }),
  c("Latifa Hamdaoui", "west", null, "sleutelfiguur in de buurt", [["west", M]], { lang: "ber", channel: "IN_PERSON" }),
  c("Daan Vos", "west", "vakcollege", "stagecoördinator", [["west", M, "new"]]),
  c("Chantal Pinas", "west", "lombok", "oud-vrijwilliger", [["west", M, "left"]], { status: "INACTIVE", seen: "stale" }),

  // Zuid (6 active).
  c(
    "Monique Brouwer",
    "zuid",
    "hoograven",
    "voorzitter bewonersgroep",
    [
      ["zuid", CHAIR],
      [CITYWIDE, M],
    ],
    { seen: "recent" },
  ),
  c("Abdel Karroumi", "zuid", "samen-sterk", "coördinator", [["zuid", M]], { lang: "ar" }),
  c("Pieter Wolters", "zuid", "politie", "wijkagent Hoograven", [["zuid", LIAISON]], { channel: "PHONE" }),
  c("Zeynep Güler", "zuid", "samen-sterk", "vrijwilliger", [["zuid", M]], { lang: "tr" }),
  c("Jamal Ait Hamou", "zuid", null, "zelfstandig jongerencoach", [["zuid", M, "rejoined"]], { lang: "ber", channel: "MESSAGING_APP" }),
  c("Sophie Lammers", "zuid", "lunetten", "trainer bij Hockeyclub Lunetten", [["zuid", M, "new"]]),
  c("Erik Hofman", "zuid", "gemeente", "voormalig wijkadviseur Zuid", [["zuid", M, "left"]], { status: "INACTIVE", seen: "stale" }),

  // Oost (exactly 5 active: on the suppression boundary).
  c(
    "Charlotte Veenstra",
    "oost",
    "buurtvrienden",
    "voorzitter",
    [
      ["oost", CHAIR],
      [CITYWIDE, M],
    ],
    { seen: "recent" },
  ),
  c("Hicham Laaroussi", "oost", "politie", "wijkagent Oost", [["oost", LIAISON]], { channel: "PHONE" }),
  c("Annemiek Schouten", "oost", "stadscollege", "docent maatschappijleer", [["oost", M]]),
  c("Nordin Benhaddou", "oost", null, "sleutelfiguur in Rijnsweerd", [["oost", M]]),
  c("Grace Owusu", "oost", null, "buurtvrijwilliger", [["oost", M, "new"]], { lang: "en" }),
  c("Lucas Meijer", "oost", "buurtvrienden", "oud-penningmeester", [["oost", M, "left"]], { status: "INACTIVE", seen: "stale" }),

  // Noordoost (small on purpose: 4 active).
  c("Hester Dekker", "noordoost", "tuindorp", "voorzitter bewonersvereniging", [
    ["noordoost", CHAIR],
    [CITYWIDE, M, "left"],
  ]),
  c("Vincent Groen", "noordoost", "politie", "wijkagent Noordoost", [["noordoost", LIAISON]], { channel: "PHONE" }),
  c("Soraya Maalouf", "noordoost", null, "sleutelfiguur in Wittevrouwen", [["noordoost", M]], { lang: "ar", seen: "stale" }),
  c("Femke Prins", "noordoost", "voordorp", "bestuurslid tennisvereniging", [["noordoost", M, "rejoined"]]),

  // Binnenstad (small on purpose: 3 active).
  c(
    "Bram de Wit",
    "binnenstad",
    "koffiehuis",
    "eigenaar koffiehuis",
    [
      ["binnenstad", CHAIR],
      [CITYWIDE, M, "new"],
    ],
    { channel: "PHONE" },
  ),
  c("Lisa Tan", "binnenstad", "ondernemers-bs", "secretaris ondernemersfonds", [["binnenstad", M]], { lang: "en" }),
  c("Martijn Vink", "binnenstad", "politie", "wijkagent Binnenstad", [["binnenstad", LIAISON]], { channel: "PHONE" }),
  c("Sven Ruiter", "binnenstad", "koffiehuis", "oud-bedrijfsleider", [["binnenstad", M, "left"]], { status: "INACTIVE", seen: "stale" }),
  c("Paul Gerritsen", "binnenstad", "buurtbus", "oud-coördinator buurtbus", [], { status: "ARCHIVED", seen: "never" }),

  // Leidsche Rijn (6 active) and its new youth network (4 active: small).
  c(
    "Joost Vermeulen",
    "leidsche-rijn",
    "jongerenpunt",
    "jongerenwerker",
    [
      ["leidsche-rijn", CHAIR],
      [YOUTH_LEIDSCHE_RIJN, CHAIR],
      [CITYWIDE, M],
    ],
    { seen: "recent", channel: "MESSAGING_APP" },
  ),
  c("Nadia Chaara", "leidsche-rijn", "terwijde", "voorzitter bewonersplatform", [["leidsche-rijn", M]]),
  c("Wouter Hoekstra", "leidsche-rijn", "hoppers", "trainer bij LR Hoppers", [["leidsche-rijn", M]]),
  c("Aylin Demir", "leidsche-rijn", "terwijde", "vrijwilliger", [["leidsche-rijn", M, "new"]], { lang: "tr" }),
  c("Jasper Kok", "leidsche-rijn", "politie", "wijkagent Leidsche Rijn", [["leidsche-rijn", LIAISON]], { channel: "PHONE" }),
  c("Shanti Mahabier", "leidsche-rijn", "gemeente", "wijkadviseur Leidsche Rijn", [["leidsche-rijn", M]]),
  youth("Mila Janssens", "leidsche-rijn", "AGE_16_17", YOUTH_LEIDSCHE_RIJN),
  youth("Amir Saidi", "leidsche-rijn", "AGE_18_23", YOUTH_LEIDSCHE_RIJN, { seen: "never" }),
  youth("Chaima Boukhari", "leidsche-rijn", "AGE_12_15", YOUTH_LEIDSCHE_RIJN, { guardian: "Fouad Boukhari" }),

  // Vleuten-De Meern (small on purpose: 2 active).
  c("Anja van der Linden", "vleuten-de-meern", "dorpsraad", "voorzitter dorpsraad", [["vleuten-de-meern", CHAIR]], { seen: "stale" }),
  c("Tim Roelofs", "vleuten-de-meern", "politie", "wijkagent Vleuten-De Meern", [["vleuten-de-meern", LIAISON]], { seen: "never" }),

  // City-wide.
  c("Marloes Verhoef", [], "gemeente", "programmamanager Veiligheid voor iedereen", [[CITYWIDE, CHAIR]], { seen: "recent" }),
  c("Erwin Dijkstra", [], "politie", "coördinator wijkagenten", [[CITYWIDE, LIAISON]], { channel: "PHONE", seen: "recent" }),
  c("Rachida Ait Taleb", ["zuidwest", "zuid"], "welzijn", "teamleider opbouwwerk", [[CITYWIDE, M, "rejoined"]]),
  c("Sevda Korkmaz", "overvecht", "stadsdak", "bewonersconsulent", [], {
    seen: "never",
    notes: "Nieuw contact, nog uitnodigen voor het bondgenotennetwerk.",
  }),
];

const INTERACTION_NOTES: Record<InteractionKind, readonly string[]> = {
  CALL: [
    "Nagebeld over de volgende themasessie.",
    "Telefonisch bijgepraat over wat er speelt in de buurt.",
    "Uitnodiging voor het bondgenotenoverleg besproken.",
    "Teruggebeld over een vraag uit het netwerk.",
  ],
  VISIT: [
    "Kennismakingsbezoek op locatie.",
    "Langsgegaan tijdens een buurtactiviteit.",
    "Bezoek bij de organisatie, activiteiten doorgenomen.",
  ],
  MEETING: [
    "Netwerkbijeenkomst bijgewoond.",
    "Overleg over jongerenactiviteiten in de wijk.",
    "Afspraak over samenwerking rond de themasessies.",
    "Evaluatie van de afgelopen bijeenkomst.",
  ],
  MESSAGE: [
    "Verslag van het overleg gedeeld.",
    "Herinnering voor de bijeenkomst gestuurd.",
    "Bedankt voor de inzet bij het buurtfeest.",
    "Contactgegevens bijgewerkt op verzoek.",
  ],
};
const INTERACTION_KINDS: readonly InteractionKind[] = ["CALL", "VISIT", "MEETING", "MESSAGE"];

// ───────────────────────────── the seed ─────────────────────────────

/**
 * Seeds the demo networks, organisations, contacts, memberships (with history),
 * consents and interactions into a municipality that has just got its districts and
 * demo accounts. Meant to run inside `seedDemo`'s transaction.
 */
export async function seedDemoNetworks(db: DbOrTx, input: SeedDemoNetworksInput): Promise<SeedDemoNetworksSummary> {
  const { municipalityId, districtsByCode, now } = input;
  const nowMs = now.getTime();
  const rand = prng(0x3440_5eed);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  /** `days` before now, at a plausible working hour (UTC 7–17h). */
  const daysAgo = (days: number) => {
    const d = new Date(nowMs - days * DAY);
    d.setUTCHours(between(7, 17), between(0, 3) * 15, 0, 0);
    return d;
  };
  const districtId = (code: string) => {
    const district = districtsByCode.get(code);
    if (!district) throw new Error(`demo networks: unknown district ${code}`);
    return district.id;
  };
  const coordinator = input.users.find((u) => u.role === "COORDINATOR");
  const linkedAlly = input.users.find((u) => u.email === DEMO_LINKED_ALLY_EMAIL);
  if (!coordinator || !linkedAlly) throw new Error("demo networks: the demo coordinator and ally accounts must exist first");

  // Organisations.
  const orgIds = new Map<string, string>();
  const organisations = Object.entries(ORGANISATIONS).map(([key, o]): Prisma.OrganisationCreateManyInput => {
    const createdAt = daysAgo(between(800, 1000));
    const id = uuidv7(createdAt.getTime());
    orgIds.set(key, id);
    return {
      id,
      municipalityId,
      name: o.name,
      kind: o.kind,
      createdAt,
      updatedAt: now,
      archivedAt: o.archived ? daysAgo(between(200, 300)) : null,
    };
  });

  const orgId = (key: string) => {
    const id = orgIds.get(key);
    if (!id) throw new Error(`demo networks: unknown organisation ${key}`);
    return id;
  };

  // Networks.
  const networkSpecsList = networkSpecs(new Map([...districtsByCode].map(([code, d]) => [code, d.name])));
  const networkIds = new Map<string, string>();
  const networkStart = new Map<string, number>();
  const networks = networkSpecsList.map((n): Prisma.NetworkCreateManyInput => {
    const createdAt = daysAgo(n.startedDaysAgo);
    const id = uuidv7(createdAt.getTime());
    networkIds.set(n.key, id);
    networkStart.set(n.key, n.startedDaysAgo);
    return {
      id,
      municipalityId,
      kind: n.kind,
      name: n.name,
      description: n.description,
      districtId: n.districtCode ? districtId(n.districtCode) : null,
      createdAt,
      updatedAt: now,
    };
  });

  const contacts: Prisma.ContactCreateManyInput[] = [];
  const roles: Prisma.ContactRoleCreateManyInput[] = [];
  const contactDistricts: Prisma.ContactDistrictCreateManyInput[] = [];
  const memberships: Prisma.NetworkMembershipCreateManyInput[] = [];
  const consents: Prisma.ConsentCreateManyInput[] = [];
  const interactions: Prisma.InteractionCreateManyInput[] = [];
  let linkedContactId: string | null = null;

  const seenNames = new Set<string>();
  CONTACTS.forEach((spec, index) => {
    if (seenNames.has(spec.name)) throw new Error(`demo networks: duplicate contact ${spec.name}`);
    seenNames.add(spec.name);
    const status = spec.status ?? "ACTIVE";
    const age = spec.age ?? "ADULT";
    const underSixteen = age === "UNDER_12" || age === "AGE_12_15";
    if (underSixteen && !spec.guardian) throw new Error(`demo networks: ${spec.name} is under 16 and needs a guardian`);

    // Memberships, with history.
    const contactMemberships: Array<{
      id: string;
      networkId: string;
      role: MembershipRole;
      since: Date;
      until: Date | null;
      createdAt: Date;
    }> = [];
    const addMembership = (net: string, role: MembershipRole, sinceDays: number, untilDays: number | null) => {
      const start = networkStart.get(net);
      if (start === undefined) throw new Error(`demo networks: unknown network ${net}`);
      const since = daysAgo(Math.min(sinceDays, start - 1));
      const until = untilDays === null ? null : daysAgo(untilDays);
      if (until && until <= since) throw new Error(`demo networks: membership of ${spec.name} ends before it starts`);
      contactMemberships.push({ id: uuidv7(since.getTime()), networkId: networkIds.get(net)!, role, since, until, createdAt: since });
    };
    for (const [net, role = "MEMBER", history] of spec.nets) {
      const start = networkStart.get(net) ?? 730;
      switch (history) {
        case "new":
          addMembership(net, role, between(7, 75), null);
          break;
        case "left": {
          const since = between(Math.min(380, start - 60), Math.min(720, start - 1));
          addMembership(net, role, since, between(15, Math.min(300, since - 30)));
          break;
        }
        case "rejoined": {
          addMembership(net, role, between(480, Math.min(720, start - 1)), between(260, 400));
          addMembership(net, role, between(20, 200), null);
          break;
        }
        default:
          addMembership(net, role, between(Math.min(100, start - 20), Math.min(730, start - 1)), null);
      }
    }

    // Interactions: a few contact moments, the latest one decides whether the contact is stale.
    const seen: Seen = spec.seen ?? (status === "ARCHIVED" ? "never" : status === "INACTIVE" ? "stale" : rand() < 0.8 ? "recent" : "stale");
    const moments: Date[] = [];
    if (seen !== "never") {
      let days = seen === "recent" ? between(1, 80) : between(100, 400);
      const count = seen === "recent" ? between(1, 4) : between(1, 3);
      for (let i = 0; i < count && days < 730; i++) {
        moments.push(daysAgo(days));
        days += between(20, 120);
      }
    }

    // The contact is known from its earliest trace on.
    const earliest = Math.min(
      nowMs - between(3, 40) * DAY,
      ...contactMemberships.map((m) => m.since.getTime()),
      ...moments.map((d) => d.getTime()),
    );
    const createdAt = new Date(earliest - between(3, 20) * DAY);
    const id = uuidv7(createdAt.getTime());
    if (spec.name === "Ahmed Jansen") linkedContactId = id;

    const local = emailLocalPart(spec.name);
    const channel: ContactChannel =
      spec.channel ?? pick<ContactChannel>(["EMAIL", "EMAIL", "EMAIL", "EMAIL", "PHONE", "MESSAGING_APP", "SMS"]);
    contacts.push({
      id,
      municipalityId,
      fullName: spec.name,
      // Under-16s are reached through the youth worker or their guardian: no e-mail of their own.
      email: underSixteen ? null : `${local}@example.org`,
      phone: `+3160000${String(index + 1).padStart(4, "0")}`, // E.164, as contacts are stored; fictional 06-0000 numbers
      preferredChannel: channel,
      preferredLanguage: spec.lang ?? "nl",
      ageBand: age,
      status,
      notes: spec.notes ?? null,
      lastInteractionAt: moments.length ? new Date(Math.max(...moments.map((d) => d.getTime()))) : null,
      createdAt,
      updatedAt: now,
    });
    for (const code of spec.districts) contactDistricts.push({ contactId: id, districtId: districtId(code) });
    for (const m of contactMemberships) memberships.push({ ...m, contactId: id });

    const orgKind = spec.org ? ORGANISATIONS[spec.org]!.kind : null;
    const roleSince = new Date(createdAt.getTime() - between(30, 900) * DAY);
    const roleEnded = status === "ARCHIVED" || (status === "INACTIVE" && age === "ADULT");
    roles.push({
      id: uuidv7(roleSince.getTime()),
      contactId: id,
      organisationId: spec.org ? orgId(spec.org) : null,
      title: spec.title,
      since: roleSince,
      until: roleEnded ? (contactMemberships.find((m) => m.until)?.until ?? daysAgo(between(200, 300))) : null,
    });

    // Consent per purpose. Professionals are in the network for their work (public task or
    // legitimate interest); residents and youth give consent, under-16s through a guardian.
    const givenAt = new Date(createdAt.getTime() + DAY);
    const guardian = underSixteen ? { byGuardian: true, guardianName: spec.guardian! } : { byGuardian: false, guardianName: null };
    const basis: LegalBasis =
      age !== "ADULT"
        ? "CONSENT"
        : orgKind === "MUNICIPALITY" || orgKind === "POLICE"
          ? "PUBLIC_TASK"
          : orgKind === "YOUTH_WORK" || orgKind === "SCHOOL" || orgKind === "PARTNER_ORGANISATION"
            ? "LEGITIMATE_INTEREST"
            : "CONSENT";
    const consent = (purpose: ConsentPurpose, legalBasis: LegalBasis, withdrawnAt: Date | null = null) =>
      void consents.push({
        id: uuidv7(givenAt.getTime()),
        contactId: id,
        purpose,
        legalBasis,
        givenAt,
        withdrawnAt,
        ...guardian,
        recordedById: coordinator.id,
        createdAt: givenAt,
      });
    consent("NETWORK_MEMBERSHIP", basis);
    if (orgKind !== "POLICE" && rand() < 0.85) consent("SESSION_INVITATIONS", "CONSENT");
    const leads = spec.nets.some(([, role]) => role === "CHAIR" || role === "LIAISON");
    if (leads) consent("SIGNAL_FOLLOW_UP", orgKind === "POLICE" || orgKind === "MUNICIPALITY" ? "PUBLIC_TASK" : "LEGITIMATE_INTEREST");
    if (!underSixteen && rand() < 0.3) {
      // A few unsubscribed from the newsletter later (withdrawal keeps the history).
      const withdraws = rand() < 0.2 && givenAt.getTime() < nowMs - 3 * DAY;
      consent("NEWSLETTER", "CONSENT", withdraws ? new Date(Math.min(givenAt.getTime() + between(30, 200) * DAY, nowMs - DAY)) : null);
    }

    for (const occurredAt of moments) {
      const kind = pick(INTERACTION_KINDS);
      interactions.push({
        id: uuidv7(occurredAt.getTime()),
        contactId: id,
        authorId: coordinator.id,
        kind,
        occurredAt,
        note: pick(INTERACTION_NOTES[kind]),
        createdAt: occurredAt,
      });
    }
  });

  await insertMany(db, "Organisation", organisations);
  await insertMany(db, "Network", networks);
  await insertMany(db, "Contact", contacts);
  await insertMany(db, "ContactRole", roles);
  await insertMany(db, "ContactDistrict", contactDistricts);
  await insertMany(db, "NetworkMembership", memberships);
  await insertMany(db, "Consent", consents);
  await insertMany(db, "Interaction", interactions);
  await db.user.update({ where: { id: linkedAlly.id }, data: { contactId: linkedContactId! } });

  return {
    organisations: organisations.length,
    contacts: contacts.length,
    networks: networks.length,
    memberships: memberships.length,
    interactions: interactions.length,
    consents: consents.length,
    roles: roles.length,
  };
}

/** The rows `insertMany` writes, typed by Prisma so a renamed or removed field fails the typecheck. */
interface BulkRows {
  Organisation: Prisma.OrganisationCreateManyInput;
  Network: Prisma.NetworkCreateManyInput;
  Contact: Prisma.ContactCreateManyInput;
  ContactRole: Prisma.ContactRoleCreateManyInput;
  ContactDistrict: Prisma.ContactDistrictCreateManyInput;
  NetworkMembership: Prisma.NetworkMembershipCreateManyInput;
  Consent: Prisma.ConsentCreateManyInput;
  Interaction: Prisma.InteractionCreateManyInput;
}

/**
 * Inserts all rows of one table in a single statement with a single JSON parameter.
 *
 * Why not `createMany`: Prisma 7 spends a few milliseconds per row building and
 * serialising the statement, which made this seed take 0.7–2.6 s (PGlite, two busy
 * cores); one `json_populate_recordset` statement per table takes 0.1–0.5 s. Columns
 * are the rows' keys (model field names equal column names: the schema has no @map),
 * every value comes from the hand-written lists above, and the table name is a
 * Prisma model name — nothing here is user input. A column that no row names gets
 * its default; one that only some rows name would be NULL in the others, so the
 * builders above always set every key.
 */
async function insertMany<M extends keyof BulkRows>(db: DbOrTx, table: M, rows: ReadonlyArray<BulkRows[M]>): Promise<void> {
  if (rows.length === 0) return;
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  const columns = [...keys].map((k) => `"${k}"`).join(", ");
  await db.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    JSON.stringify(rows),
  );
}
