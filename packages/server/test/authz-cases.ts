/**
 * The authorization decisions, as data: for every root field of the schema (and every
 * field that exposes personal data), which role gets what. `authorization-matrix.test.ts`
 * runs every case for every role and fails when a field of the schema has no case, so a
 * new field cannot ship without a decision. Modules add their cases to `CASES` below.
 */
import type { App } from "../src/app.js";
import { gqlAs, type VariablesArg } from "./support/app.js";
import { uploadImport } from "./support/imports.js";
import type { World, WorldRole } from "./support/world.js";
import { graphql } from "./generated/index.js";
import type { CreateNetworkInput, TypedDocumentString } from "./generated/graphql.js";

/** NULL: allowed to ask, but the answer is empty (null) for this viewer — denial without an error. */
export type Outcome = "OK" | "NULL" | "HIDDEN" | "FORBIDDEN" | "UNAUTHENTICATED" | "NOT_FOUND" | "CONFLICT" | "BAD_USER_INPUT";
export type Expectation = Record<WorldRole, Outcome>;

/** What a case can build its operation from: the world, the app, and ids made in setup. */
export interface Fixtures {
  app: App;
  w: World;
  /** The role this call runs as. */
  role: WorldRole;
  ids: Record<string, string>;
  /** A fresh contact (for operations that change or end one). */
  freshContact(): Promise<string>;
}

export interface AuthzCase {
  /** The schema coordinates this case decides, e.g. "Query.contacts", "Network.members". */
  covers: string[];
  name: string;
  /** Called once per role: may create fresh rows, so a state-changing call can succeed for each allowed role. */
  operation(fx: Fixtures): Promise<Operation> | Operation;
  expect: Expectation;
  /** Subscriptions run over WebSocket; anonymous callers cannot open a socket at all. */
  transport?: "http" | "ws";
  /** Run with a fresh login of the role's user (for operations that end the session). */
  ownSession?: boolean;
  /** Run as a new user of the role's kind (same districts), for operations that end every session of the account. */
  freshUser?: boolean;
  /** For field-level decisions: "HIDDEN" when the probed part of an allowed answer is withheld. */
  probe?: (data: Record<string, any>) => "OK" | "HIDDEN";
}

/** A document as sent, with its variables. */
export type Operation = [string, Record<string, unknown>];

/** A case's operation from a typed document, its variables checked against the document. */
export function op<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: VariablesArg<TVariables>
): Operation {
  return [document.toString(), (variables ?? {}) as Record<string, unknown>];
}

/** A module's cases with the rows they need, made once per test run. */
export interface CaseModule {
  name: string;
  setup(app: App, w: World): Promise<Record<string, string>>;
  cases: AuthzCase[];
  /** Fields exposing personal data that must be covered by some case. */
  sensitive: string[];
}

const staff = { coordinator: "OK", admin: "OK" } as const;
export const staffOnly = (denied: Outcome = "FORBIDDEN"): Expectation => ({
  ...staff,
  liaison: denied,
  otherLiaison: denied,
  ally: denied,
  anonymous: "UNAUTHENTICATED",
});
export const adminOnly: Expectation = {
  coordinator: "FORBIDDEN",
  admin: "OK",
  liaison: "FORBIDDEN",
  otherLiaison: "FORBIDDEN",
  ally: "FORBIDDEN",
  anonymous: "UNAUTHENTICATED",
};
export const everyone: Expectation = { coordinator: "OK", admin: "OK", liaison: "OK", otherLiaison: "OK", ally: "OK", anonymous: "OK" };
export const signedIn: Expectation = { ...everyone, anonymous: "UNAUTHENTICATED" };

const uniq = () => Math.random().toString(36).slice(2, 10);

const CONTACT_CASES: AuthzCase[] = [
  // ── accounts and districts ──
  {
    covers: ["Query.viewer"],
    name: "viewer (null when anonymous)",
    operation: () => op(graphql(`query AuthzViewer { viewer { id } }`), {}),
    expect: { ...everyone, anonymous: "NULL" },
  },
  {
    covers: ["Query.algorithmSettings"],
    name: "the rule sets' settings are public (the page 'Hoe werkt wijknet?')",
    operation: () => op(graphql(`query AuthzAlgorithmSettings { algorithmSettings { key value } }`), {}),
    expect: everyone,
  },
  {
    covers: ["Query.districts", "Query.district"],
    name: "districts are public",
    operation: ({ ids }) =>
      op(graphql(`query AuthzDistricts($id: ID!) { districts { id } district(id: $id) { name } }`), { id: ids["districtOwn"]! }),
    expect: everyone,
  },
  {
    covers: ["Mutation.login"],
    name: "login is open to anyone (wrong password → UNAUTHENTICATED for all)",
    operation: () => op(graphql(`mutation AuthzLogin { login(email: "nobody@test.example", password: "x") { token } }`), {}),
    expect: {
      coordinator: "UNAUTHENTICATED",
      admin: "UNAUTHENTICATED",
      liaison: "UNAUTHENTICATED",
      otherLiaison: "UNAUTHENTICATED",
      ally: "UNAUTHENTICATED",
      anonymous: "UNAUTHENTICATED",
    },
  },
  {
    covers: ["Mutation.logout"],
    name: "logout (each role with a session of its own)",
    ownSession: true,
    operation: () => op(graphql(`mutation AuthzLogout { logout }`), {}),
    expect: signedIn,
  },
  {
    covers: ["Query.auditLog"],
    name: "audit log",
    operation: () => op(graphql(`query AuthzAuditLog { auditLog { entries { id } } }`), {}),
    expect: adminOnly,
  },

  {
    covers: ["Mutation.eraseUser", "User.erased"],
    name: "erase a user account",
    operation: async (fx) => {
      const u = await fx.app.db.prisma.user.create({
        data: {
          municipalityId: fx.w.municipality.id,
          email: `erase-${Math.random().toString(36).slice(2)}@matrix.example`,
          displayName: "Matrix Wis",
          passwordHash: "!",
          role: "ALLY",
        },
      });
      return op(graphql(`mutation AuthzEraseUser($id: ID!) { eraseUser(id: $id) { id erased } }`), { id: u.id });
    },
    expect: adminOnly,
  },

  {
    covers: ["Query.userDataExport"],
    name: "export a user account's data",
    operation: ({ w }) =>
      op(graphql(`query AuthzUserDataExport($id: ID!) { userDataExport(id: $id) { userId } }`), { id: w.users.ally.id }),
    expect: adminOnly,
  },

  // ── contacts ──
  {
    covers: ["Query.contacts", "Contact.email", "Contact.phone", "Contact.phoneDisplay", "Contact.notes"],
    name: "contacts list",
    operation: () => op(graphql(`query AuthzContacts { contacts { totalCount edges { node { email phone phoneDisplay notes } } } }`), {}),
    expect: staffOnly(),
  },
  {
    covers: ["Query.contact", "Contact.consents", "Contact.interactions"],
    name: "contact detail",
    operation: ({ ids }) =>
      op(graphql(`query AuthzContact($id: ID!) { contact(id: $id) { email phone consents { id } interactions { id } } }`), {
        id: ids["contact"]!,
      }),
    expect: staffOnly("NOT_FOUND"),
  },
  {
    covers: ["Query.myContact"],
    name: "own contact (only the ally has one linked)",
    operation: () => op(graphql(`query AuthzMyContact { myContact { id email } }`), {}),
    expect: { coordinator: "NULL", admin: "NULL", liaison: "NULL", otherLiaison: "NULL", ally: "OK", anonymous: "UNAUTHENTICATED" },
  },
  {
    covers: ["Query.staleContacts"],
    name: "stale contacts",
    operation: ({ ids }) =>
      op(graphql(`query AuthzStaleContacts($d: ID!) { staleContacts(districtId: $d) { id } }`), { d: ids["districtOwn"]! }),
    expect: staffOnly(),
  },
  {
    covers: ["Query.contactDataExport"],
    name: "contact data export",
    operation: ({ ids }) =>
      op(graphql(`query AuthzContactDataExport($id: ID!) { contactDataExport(id: $id) { json } }`), { id: ids["contact"]! }),
    expect: staffOnly(),
  },
  {
    covers: ["Query.exportContactsCsv"],
    name: "contacts CSV export",
    operation: () => op(graphql(`query AuthzExportContactsCsv { exportContactsCsv { rowCount } }`), {}),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.createContact"],
    name: "create contact",
    operation: () => op(graphql(`mutation AuthzCreateContact { createContact(input: { fullName: "Nieuw" }) { id } }`), {}),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.updateContact"],
    name: "update contact",
    operation: ({ ids }) =>
      op(graphql(`mutation AuthzUpdateContact($id: ID!) { updateContact(id: $id, input: { notes: "x" }) { id } }`), {
        id: ids["contact"]!,
      }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.archiveContact"],
    name: "archive contact",
    operation: async (fx) =>
      op(graphql(`mutation AuthzArchiveContact($id: ID!) { archiveContact(id: $id) { id } }`), { id: await fx.freshContact() }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.mergeContacts"],
    name: "merge contacts",
    operation: async (fx) =>
      op(graphql(`mutation AuthzMergeContacts($k: ID!, $d: ID!) { mergeContacts(keepId: $k, duplicateId: $d) { id } }`), {
        k: await fx.freshContact(),
        d: await fx.freshContact(),
      }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.eraseContact"],
    name: "erase contact",
    operation: async (fx) =>
      op(graphql(`mutation AuthzEraseContact($id: ID!) { eraseContact(id: $id) { id } }`), { id: await fx.freshContact() }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.logInteraction"],
    name: "log interaction",
    operation: ({ ids }) =>
      op(graphql(`mutation AuthzLogInteraction($id: ID!) { logInteraction(input: { contactId: $id, kind: CALL }) { id } }`), {
        id: ids["contact"]!,
      }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.recordConsent"],
    name: "record consent",
    operation: ({ ids }) =>
      op(
        graphql(
          `mutation AuthzRecordConsent($id: ID!) { recordConsent(input: { contactId: $id, consent: { purpose: SIGNAL_FOLLOW_UP, legalBasis: PUBLIC_TASK } }) { id } }`,
        ),
        { id: ids["contact"]! },
      ),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.withdrawConsent"],
    name: "withdraw consent",
    operation: async (fx) => {
      const c = await fx.app.db.prisma.consent.create({
        data: { contactId: await fx.freshContact(), purpose: "NEWSLETTER", legalBasis: "CONSENT", givenAt: new Date() },
      });
      return op(graphql(`mutation AuthzWithdrawConsent($id: ID!) { withdrawConsent(id: $id) { id } }`), { id: c.id });
    },
    expect: staffOnly(),
  },
  {
    covers: ["Query.exportContactsXlsx"],
    name: "contacts XLSX export",
    operation: () => op(graphql(`query AuthzExportContactsXlsx { exportContactsXlsx { rowCount } }`), {}),
    expect: staffOnly(),
  },
  {
    covers: ["Query.contactImport"],
    name: "an uploaded import",
    operation: ({ ids }) =>
      op(graphql(`query AuthzContactImport($id: ID!) { contactImport(id: $id) { rowCount } }`), { id: ids["import"]! }),
    expect: staffOnly(),
  },
  {
    covers: ["Query.contactImportErrors"],
    name: "an import's error file",
    operation: ({ ids }) =>
      op(graphql(`query AuthzContactImportErrors($id: ID!) { contactImportErrors(id: $id) { rowCount } }`), { id: ids["import"]! }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.runContactImport"],
    name: "run an import (dry run)",
    operation: ({ ids }) =>
      op(graphql(`mutation AuthzRunContactImport($id: ID!) { runContactImport(input: { importId: $id }) { rowCount } }`), {
        id: ids["import"]!,
      }),
    expect: staffOnly(),
  },
  {
    covers: ["Subscription.runContactImportWithProgress"],
    name: "run an import with progress",
    transport: "ws",
    operation: ({ ids }) =>
      op(
        graphql(
          `subscription AuthzRunContactImportWithProgress($id: ID!) { runContactImportWithProgress(input: { importId: $id }) { processed } }`,
        ),
        { id: ids["import"]! },
      ),
    expect: staffOnly(),
  },

  // ── organisations ──
  {
    covers: ["Query.organisations"],
    name: "organisations",
    operation: () => op(graphql(`query AuthzOrganisations { organisations { id } }`), {}),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.createOrganisation"],
    name: "create organisation",
    operation: () =>
      op(graphql(`mutation AuthzCreateOrganisation($n: String!) { createOrganisation(input: { name: $n, kind: OTHER }) { id } }`), {
        n: `Org ${uniq()}`,
      }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.updateOrganisation"],
    name: "update organisation",
    operation: ({ ids }) =>
      op(graphql(`mutation AuthzUpdateOrganisation($id: ID!, $n: String!) { updateOrganisation(id: $id, input: { name: $n }) { id } }`), {
        id: ids["org"]!,
        n: `Org ${uniq()}`,
      }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.archiveOrganisation"],
    name: "archive organisation",
    operation: ({ ids }) =>
      op(graphql(`mutation AuthzArchiveOrganisation($id: ID!) { archiveOrganisation(id: $id) { id } }`), { id: ids["org"]! }),
    expect: staffOnly(),
  },

  // ── networks ──
  {
    covers: ["Query.networks"],
    name: "networks list",
    operation: () => op(graphql(`query AuthzNetworks { networks { id } }`), {}),
    expect: signedIn,
  },
  {
    covers: ["Query.network", "Network.memberCount"],
    name: "network in own district (names, counts)",
    operation: ({ ids }) =>
      op(graphql(`query AuthzNetwork($id: ID!) { network(id: $id) { name memberCount } }`), { id: ids["allyNetwork"]! }),
    expect: { ...staff, liaison: "OK", otherLiaison: "NOT_FOUND", ally: "OK", anonymous: "UNAUTHENTICATED" },
  },
  {
    covers: ["Query.network"],
    name: "network of another district",
    operation: ({ ids }) => op(graphql(`query AuthzNetwork2($id: ID!) { network(id: $id) { name } }`), { id: ids["otherNetwork"]! }),
    expect: { ...staff, liaison: "NOT_FOUND", otherLiaison: "OK", ally: "NOT_FOUND", anonymous: "UNAUTHENTICATED" },
  },
  {
    covers: ["Query.network"],
    name: "city-wide network",
    operation: ({ ids }) => op(graphql(`query AuthzNetwork3($id: ID!) { network(id: $id) { name } }`), { id: ids["cityNetwork"]! }),
    expect: { ...staff, liaison: "NOT_FOUND", otherLiaison: "NOT_FOUND", ally: "NOT_FOUND", anonymous: "UNAUTHENTICATED" },
  },
  {
    covers: ["Network.members", "NetworkMembership.contact"],
    name: "network members (contact details)",
    operation: ({ ids }) =>
      op(graphql(`query AuthzNetwork4($id: ID!) { network(id: $id) { members { contact { email } } } }`), { id: ids["allyNetwork"]! }),
    expect: { ...staff, liaison: "FORBIDDEN", otherLiaison: "NOT_FOUND", ally: "FORBIDDEN", anonymous: "UNAUTHENTICATED" },
  },
  {
    covers: ["Query.networkHealth"],
    name: "health of own district",
    operation: ({ ids }) =>
      op(graphql(`query AuthzNetworkHealth($d: ID!) { networkHealth(districtId: $d) { allies { value } } }`), { d: ids["districtOwn"]! }),
    expect: { ...staff, liaison: "OK", otherLiaison: "FORBIDDEN", ally: "FORBIDDEN", anonymous: "UNAUTHENTICATED" },
  },
  {
    covers: ["Mutation.createNetwork"],
    name: "create network",
    operation: () =>
      op(graphql(`mutation AuthzCreateNetwork($n: String!) { createNetwork(input: { kind: OTHER, name: $n }) { id } }`), {
        n: `Net ${uniq()}`,
      }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.updateNetwork"],
    name: "update network",
    operation: ({ ids }) =>
      op(graphql(`mutation AuthzUpdateNetwork($id: ID!) { updateNetwork(id: $id, input: { description: "x" }) { id } }`), {
        id: ids["cityNetwork"]!,
      }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.archiveNetwork"],
    name: "archive network",
    operation: ({ ids }) =>
      op(graphql(`mutation AuthzArchiveNetwork($id: ID!) { archiveNetwork(id: $id) { id } }`), { id: ids["spareNetwork"]! }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.addNetworkMember"],
    name: "add member",
    operation: async (fx) =>
      op(graphql(`mutation AuthzAddNetworkMember($n: ID!, $c: ID!) { addNetworkMember(input: { networkId: $n, contactId: $c }) { id } }`), {
        n: fx.ids["cityNetwork"]!,
        c: await fx.freshContact(),
      }),
    expect: staffOnly(),
  },
  {
    covers: ["Mutation.endMembership", "Mutation.changeMembershipRole"],
    name: "end membership, change role",
    operation: async (fx) => {
      const m = await fx.app.db.prisma.networkMembership.create({
        data: { networkId: fx.ids["cityNetwork"]!, contactId: await fx.freshContact(), since: new Date() },
      });
      const m2 = await fx.app.db.prisma.networkMembership.create({
        data: { networkId: fx.ids["cityNetwork"]!, contactId: await fx.freshContact(), since: new Date() },
      });
      return op(
        graphql(
          `mutation AuthzEndMembership($a: ID!, $b: ID!) { endMembership(id: $a) { id } changeMembershipRole(id: $b, role: CHAIR) { id } }`,
        ),
        { a: m.id, b: m2.id },
      );
    },
    expect: staffOnly(),
  },
];

export const CONTACTS_MODULE: CaseModule = {
  name: "accounts, contacts, organisations, networks, audit",
  cases: CONTACT_CASES,
  sensitive: [
    "Contact.email",
    "Contact.phone",
    "Contact.phoneDisplay",
    "Contact.notes",
    "Contact.consents",
    "Contact.interactions",
    "Network.members",
    "NetworkMembership.contact",
    "Network.memberCount",
  ],
  async setup(app, w) {
    const c = gqlAs(
      () => app,
      () => w.tokens.coordinator,
    );
    const net = async (input: CreateNetworkInput) =>
      (await c(graphql(`mutation AuthzCreateNetwork2($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`), { i: input })).data!
        .createNetwork.id as string;
    const allyNetwork = await net({ kind: "ALLIES", name: "Matrix Noord", districtId: w.districts[0]!.id });
    const otherNetwork = await net({ kind: "ALLIES", name: "Matrix Zuid", districtId: w.districts[1]!.id });
    const cityNetwork = await net({ kind: "CITYWIDE_ALLIES", name: "Matrix Stad" });
    const spareNetwork = await net({ kind: "OTHER", name: "Matrix Reserve" });
    const contact = (
      await c(
        graphql(
          `mutation AuthzCreateContact2 { createContact(input: { fullName: "Matrix Contact", email: "m@example.org", consents: [{ purpose: NEWSLETTER, legalBasis: CONSENT }] }) { id consents { id } } }`,
        ),
      )
    ).data!.createContact;
    const membership = (
      await c(
        graphql(`mutation AuthzAddNetworkMember2($n: ID!, $c: ID!) { addNetworkMember(input: { networkId: $n, contactId: $c }) { id } }`),
        {
          n: allyNetwork,
          c: contact.id,
        },
      )
    ).data!.addNetworkMember.id;
    await c(
      graphql(`mutation AuthzAddNetworkMember3($n: ID!, $c: ID!) { addNetworkMember(input: { networkId: $n, contactId: $c }) { id } }`),
      {
        n: allyNetwork,
        c: w.allyContact.id,
      },
    );
    const org = (
      await c(graphql(`mutation AuthzCreateOrganisation2 { createOrganisation(input: { name: "Matrix Org", kind: OTHER }) { id } }`))
    ).data!.createOrganisation.id;
    const upload = await uploadImport(app, w.tokens.coordinator, "naam\nIemand\n");
    return {
      import: upload.body.importId as string,
      districtOwn: w.districts[0]!.id,
      districtOther: w.districts[1]!.id,
      allyNetwork,
      otherNetwork,
      cityNetwork,
      spareNetwork,
      contact: contact.id,
      membership,
      org,
      consent: contact.consents[0]!.id,
    };
  },
};
