import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, gqlAs, startTestApp } from "./support/app.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";
import type { ContactSortField, CreateContactInput, SortDirection } from "./generated/graphql.js";

const CREATE = graphql(`mutation ContactsCreate($input: CreateContactInput!) { createContact(input: $input) {
  id fullName email phone preferredChannel preferredLanguage ageBand status stale
  districts { id name } roles { title organisation { name } } consents { purpose legalBasis byGuardian guardianName }
} }`);
const UPDATE = graphql(
  `mutation ContactsUpdate($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { id fullName email status districts { name } roles { title } } }`,
);
const LIST = graphql(`query ContactsList($filter: ContactFilter, $sort: ContactSort, $first: Int, $after: String) {
  contacts(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id fullName lastInteractionAt } }
  } }`);
const LOG = graphql(
  `mutation ContactsLog($input: LogInteractionInput!) { logInteraction(input: $input) { id kind occurredAt note author { id } } }`,
);

let app: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

const asCoordinator = gqlAs(
  () => app,
  () => w.tokens.coordinator,
);

async function createContact(input: CreateContactInput) {
  const res = await asCoordinator(CREATE, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.createContact as { id: string; fullName: string };
}

describe("contacts: create, edit, archive", () => {
  it("creates a contact with roles, districts and guardian consent, audited in the same transaction", async () => {
    const org = await asCoordinator(
      graphql(`mutation ContactsCreateOrganisation { createOrganisation(input: { name: "Jongerenwerk Noord", kind: YOUTH_WORK }) { id } }`),
    );
    const res = await asCoordinator(CREATE, {
      input: {
        fullName: "  Sem Bakker ",
        email: "Sem@Example.org",
        phone: "06 1111 2222",
        preferredChannel: "MESSAGING_APP",
        preferredLanguage: "en",
        ageBand: "AGE_12_15",
        districtIds: [w.districts[0]!.id],
        roles: [{ title: "jongerenpanel", organisationId: org.data!.createOrganisation.id }],
        consents: [{ purpose: "NETWORK_MEMBERSHIP", legalBasis: "CONSENT", byGuardian: true, guardianName: "Ouder Bakker" }],
      },
    });
    expect(res.errors).toBeUndefined();
    const c = res.data!.createContact;
    expect(c).toMatchObject({
      fullName: "Sem Bakker",
      email: "sem@example.org",
      ageBand: "AGE_12_15",
      status: "ACTIVE",
      stale: true,
      districts: [{ name: "Noord" }],
      roles: [{ title: "jongerenpanel", organisation: { name: "Jongerenwerk Noord" } }],
      consents: [{ purpose: "NETWORK_MEMBERSHIP", legalBasis: "CONSENT", byGuardian: true, guardianName: "Ouder Bakker" }],
    });
    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityType: "Contact", entityId: c.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["CREATE", w.users.coordinator.id]]);
    // Audit rows never hold personal data values.
    expect(JSON.stringify(audit, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("Sem");
  });

  it("rejects bad input naming the field, and writes nothing", async () => {
    const before = await app.db.prisma.contact.count({ where: { municipalityId: w.municipality.id } });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ fullName: "   " }, "input.fullName"],
      [{ fullName: "X", email: "nope" }, "input.email"],
      [{ fullName: "X", phone: "bel me" }, "input.phone"],
      [{ fullName: "X", preferredLanguage: "Arabisch!" }, "input.preferredLanguage"],
      [{ fullName: "X", districtIds: ["not-an-id"] }, "input.districtIds"],
      [{ fullName: "X", districtIds: ["0195f0c0-0000-7000-8000-000000000001"] }, "input.districtIds"],
      [
        { fullName: "X", ageBand: "AGE_12_15", consents: [{ purpose: "NEWSLETTER", legalBasis: "CONSENT" }] },
        "input.consents.0.byGuardian",
      ],
      [{ fullName: "X", roles: [{ title: "" }] }, "input.roles.0.title"],
    ];
    for (const [input, field] of cases) {
      // Deliberately invalid inputs: the type says what a valid one is.
      const res = await asCoordinator(CREATE, { input: input as CreateContactInput });
      expect(errorCode(res), JSON.stringify(input)).toBe("BAD_USER_INPUT");
      expect(res.errors![0]!.extensions!["field"]).toBe(field);
    }
    expect(await app.db.prisma.contact.count({ where: { municipalityId: w.municipality.id } })).toBe(before);
  });

  it("edits fields, replaces districts and roles, archives; archived contacts leave the default list", async () => {
    const c = await createContact({ fullName: "Lotte Visser", districtIds: [w.districts[0]!.id], roles: [{ title: "trainer" }] });
    const res = await asCoordinator(UPDATE, {
      id: c.id,
      input: { email: "lotte@example.org", districtIds: [w.districts[1]!.id, w.districts[2]!.id], roles: [{ title: "voorzitter" }] },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateContact).toMatchObject({
      fullName: "Lotte Visser",
      email: "lotte@example.org",
      districts: [{ name: "Oost" }, { name: "Zuid" }],
      roles: [{ title: "voorzitter" }],
    });
    const archived = await asCoordinator(graphql(`mutation ContactsArchiveContact($id: ID!) { archiveContact(id: $id) { status } }`), {
      id: c.id,
    });
    expect(archived.data!.archiveContact.status).toBe("ARCHIVED");
    const list = await asCoordinator(LIST, { filter: { text: "Lotte" } });
    expect(list.data!.contacts.totalCount).toBe(0);
    const withArchived = await asCoordinator(LIST, { filter: { text: "Lotte", status: ["ARCHIVED"] } });
    expect(withArchived.data!.contacts.edges.map((e: any) => e.node.id)).toEqual([c.id]);
  });

  it("answers NOT_FOUND for another municipality's contact", async () => {
    const other = await createWorld(app);
    const c = await gql(app, CREATE, { input: { fullName: "Elders" } }, other.tokens.coordinator);
    const res = await asCoordinator(graphql(`query ContactsContact($id: ID!) { contact(id: $id) { fullName } }`), {
      id: c.data!.createContact.id,
    });
    expect(errorCode(res)).toBe("NOT_FOUND");
    const upd = await asCoordinator(UPDATE, { id: c.data!.createContact.id, input: { fullName: "Overgenomen" } });
    expect(errorCode(upd)).toBe("NOT_FOUND");
  });
});

describe("contacts: search, sort and cursor pagination", () => {
  it("filters by text (name, role, organisation), district, network, organisation and status", async () => {
    const org = (
      await asCoordinator(
        graphql(
          `mutation ContactsCreateOrganisation2 { createOrganisation(input: { name: "SV Zoekvereniging", kind: SPORTS_CLUB }) { id } }`,
        ),
      )
    ).data!.createOrganisation.id;
    const a = await createContact({ fullName: "Zoek Aaltje", districtIds: [w.districts[1]!.id] });
    const b = await createContact({ fullName: "Zoek Bram", roles: [{ title: "trainer", organisationId: org }] });
    const net = (
      await asCoordinator(
        graphql(
          `mutation ContactsCreateNetwork($d: ID!) { createNetwork(input: { kind: ALLIES, name: "Zoeknetwerk", districtId: $d }) { id } }`,
        ),
        {
          d: w.districts[1]!.id,
        },
      )
    ).data!.createNetwork.id;
    await asCoordinator(
      graphql(`mutation ContactsAddNetworkMember($n: ID!, $c: ID!) { addNetworkMember(input: { networkId: $n, contactId: $c }) { id } }`),
      {
        n: net,
        c: a.id,
      },
    );
    const ids = async (filter: Record<string, unknown>) =>
      ((await asCoordinator(LIST, { filter, first: 100 })).data!.contacts.edges as any[]).map((e) => e.node.id).sort();
    expect(await ids({ text: "zoek" })).toEqual([a.id, b.id].sort());
    expect(await ids({ text: "zoekvereniging" })).toEqual([b.id]);
    expect(await ids({ text: "TRAINER", organisationId: org })).toEqual([b.id]);
    expect(await ids({ text: "zoek", districtId: w.districts[1]!.id })).toEqual([a.id]);
    expect(await ids({ networkId: net })).toEqual([a.id]);
    expect(await ids({ text: "zoek", status: ["INACTIVE"] })).toEqual([]);
  });

  it("pages through every contact exactly once, in each sort order, while rows are added", async () => {
    const { municipality } = w;
    const names = ["Page Ada", "Page Bo", "Page Cas", "Page Dani", "Page Ed", "Page Fien", "Page Guus"];
    const made: string[] = [];
    for (const [i, fullName] of names.entries()) {
      const c = await createContact({ fullName });
      made.push(c.id);
      // Some never spoken to (null), some with the same instant (ties on the sort value).
      if (i % 3 !== 0) {
        const at = i % 2 === 0 ? "2026-01-01T10:00:00.000Z" : `2026-02-0${i}T10:00:00.000Z`;
        await app.db.prisma.contact.update({ where: { id: c.id }, data: { lastInteractionAt: new Date(at) } });
      }
    }
    void municipality;
    for (const field of ["NAME", "LAST_INTERACTION", "CREATED_AT"]) {
      for (const direction of ["ASC", "DESC"]) {
        const seen: string[] = [];
        let after: string | null = null;
        let pages = 0;
        for (;;) {
          const res: any = await asCoordinator(LIST, {
            filter: { text: "Page " },
            sort: { field: field as ContactSortField, direction: direction as SortDirection },
            first: 2,
            after,
          });
          expect(res.errors, `${field} ${direction}`).toBeUndefined();
          seen.push(...res.data.contacts.edges.map((e: any) => e.node.id));
          expect(res.data.contacts.totalCount).toBeGreaterThanOrEqual(names.length);
          if (pages === 0 && field === "NAME" && direction === "ASC") {
            // Added while paging, sorting after the first page: it must show up once.
            made.push((await createContact({ fullName: "Page Zz laat" })).id);
          }
          pages++;
          if (!res.data.contacts.pageInfo.hasNextPage) break;
          after = res.data.contacts.pageInfo.endCursor;
          expect(pages).toBeLessThan(10);
        }
        expect(new Set(seen).size, `${field} ${direction}: no repeats`).toBe(seen.length);
        expect([...seen].sort(), `${field} ${direction}: every row`).toEqual([...made].sort());
      }
    }
  });

  it("rejects a bad page size and a forged cursor", async () => {
    expect(errorCode(await asCoordinator(LIST, { first: 0 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await asCoordinator(LIST, { first: 101 }))).toBe("BAD_USER_INPUT");
    const res = await asCoordinator(LIST, { after: "garbage!" });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors![0]!.extensions!["field"]).toBe("after");
  });
});

describe("interactions and stale contacts", () => {
  it("logging a contact moment updates lastInteractionAt and takes the contact off the stale list", async () => {
    const fresh = await createContact({ fullName: "Stale Fresh", districtIds: [w.districts[2]!.id] });
    const old = await createContact({ fullName: "Stale Old", districtIds: [w.districts[2]!.id] });
    const never = await createContact({ fullName: "Stale Never", districtIds: [w.districts[2]!.id] });
    const longAgo = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const res = await asCoordinator(LOG, {
      input: { contactId: old.id, kind: "CALL", occurredAt: longAgo, note: "Gebeld over de themasessie" },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.logInteraction).toMatchObject({
      kind: "CALL",
      note: "Gebeld over de themasessie",
      author: { id: w.users.coordinator.id },
    });
    await asCoordinator(LOG, { input: { contactId: fresh.id, kind: "VISIT" } });
    // An older moment logged later does not move lastInteractionAt back.
    await asCoordinator(LOG, { input: { contactId: fresh.id, kind: "MESSAGE", occurredAt: longAgo } });

    const stale = await asCoordinator(
      graphql(`query ContactsStaleContacts($d: ID!) { staleContacts(districtId: $d) { id stale lastInteractionAt } }`),
      {
        d: w.districts[2]!.id,
      },
    );
    expect(stale.data!.staleContacts.map((c: any) => c.id)).toEqual([never.id, old.id]);
    const detail = await asCoordinator(
      graphql(`query ContactsContact2($id: ID!) { contact(id: $id) { stale lastInteractionAt interactions { kind } } }`),
      {
        id: fresh.id,
      },
    );
    expect(detail.data!.contact.stale).toBe(false);
    expect(detail.data!.contact.interactions.map((i: any) => i.kind)).toEqual(["VISIT", "MESSAGE"]);
    expect(new Date(detail.data!.contact!.lastInteractionAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const future = await asCoordinator(LOG, {
      input: { contactId: old.id, kind: "CALL", occurredAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(future.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.occurredAt" });
  });
});

describe("consent", () => {
  it("records and withdraws consent with history; youth under 16 need a guardian", async () => {
    const youth = await createContact({ fullName: "Consent Jong", ageBand: "AGE_12_15" });
    const RECORD = graphql(
      `mutation ContactsRecord($input: RecordConsentInput!) { recordConsent(input: $input) { id purpose byGuardian withdrawnAt } }`,
    );
    const refused = await asCoordinator(RECORD, {
      input: { contactId: youth.id, consent: { purpose: "SESSION_INVITATIONS", legalBasis: "CONSENT" } },
    });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.consent.byGuardian" });
    const ok = await asCoordinator(RECORD, {
      input: {
        contactId: youth.id,
        consent: { purpose: "SESSION_INVITATIONS", legalBasis: "CONSENT", byGuardian: true, guardianName: "Voogd" },
      },
    });
    expect(ok.data!.recordConsent).toMatchObject({ purpose: "SESSION_INVITATIONS", byGuardian: true, withdrawnAt: null });
    const withdrawn = await asCoordinator(
      graphql(`mutation ContactsWithdrawConsent($id: ID!) { withdrawConsent(id: $id) { withdrawnAt } }`),
      {
        id: ok.data!.recordConsent.id,
      },
    );
    expect(withdrawn.data!.withdrawConsent.withdrawnAt).not.toBeNull();
    const again = await asCoordinator(graphql(`mutation ContactsWithdrawConsent2($id: ID!) { withdrawConsent(id: $id) { withdrawnAt } }`), {
      id: ok.data!.recordConsent.id,
    });
    expect(errorCode(again)).toBe("CONFLICT");
  });
});

describe("merge duplicates", () => {
  it("moves everything to the kept contact, fills gaps, archives and clears the duplicate", async () => {
    const keep = await createContact({ fullName: "Fatima El Idrissi", districtIds: [w.districts[0]!.id] });
    const dup = await createContact({
      fullName: "F. El Idrissi",
      email: "fatima@example.org",
      phone: "06 2222 3333",
      districtIds: [w.districts[1]!.id],
      roles: [{ title: "buurtmoeder" }],
      consents: [{ purpose: "NEWSLETTER", legalBasis: "CONSENT" }],
    });
    await asCoordinator(LOG, { input: { contactId: dup.id, kind: "MEETING", note: "Kennismaking" } });
    const net = (
      await asCoordinator(
        graphql(
          `mutation ContactsCreateNetwork2($d: ID!) { createNetwork(input: { kind: YOUTH, name: "Merge-netwerk", districtId: $d }) { id } }`,
        ),
        {
          d: w.districts[0]!.id,
        },
      )
    ).data!.createNetwork.id;
    for (const c of [keep.id, dup.id])
      await asCoordinator(
        graphql(
          `mutation ContactsAddNetworkMember2($n: ID!, $c: ID!) { addNetworkMember(input: { networkId: $n, contactId: $c }) { id } }`,
        ),
        { n: net, c },
      );

    const res = await asCoordinator(
      graphql(`mutation ContactsMergeContacts($k: ID!, $d: ID!) { mergeContacts(keepId: $k, duplicateId: $d) {
      id fullName email phone districts { name } roles { title } consents { purpose } interactions { note }
      memberships(includeEnded: true) { until network { id } } } }`),
      { k: keep.id, d: dup.id },
    );
    expect(res.errors).toBeUndefined();
    const kept = res.data!.mergeContacts;
    expect(kept).toMatchObject({
      id: keep.id,
      fullName: "Fatima El Idrissi",
      email: "fatima@example.org",
      phone: "+31622223333",
      districts: [{ name: "Noord" }, { name: "Zuid" }],
      roles: [{ title: "buurtmoeder" }],
      consents: [{ purpose: "NEWSLETTER" }],
      interactions: [{ note: "Kennismaking" }],
    });
    // One current membership, the duplicate's one ended (history kept).
    expect(kept.memberships.filter((m: any) => m.until === null)).toHaveLength(1);
    expect(kept.memberships).toHaveLength(2);
    const dupRow = await app.db.prisma.contact.findUniqueOrThrow({ where: { id: dup.id } });
    expect(dupRow).toMatchObject({ mergedIntoId: keep.id, status: "ARCHIVED", email: null, phone: null });
    expect(dupRow.fullName).not.toContain("Idrissi");
    const again = await asCoordinator(
      graphql(`mutation ContactsMergeContacts2($k: ID!, $d: ID!) { mergeContacts(keepId: $k, duplicateId: $d) { id } }`),
      {
        k: keep.id,
        d: dup.id,
      },
    );
    expect(errorCode(again)).toBe("CONFLICT");
    const self = await asCoordinator(
      graphql(`mutation ContactsMergeContacts3($k: ID!) { mergeContacts(keepId: $k, duplicateId: $k) { id } }`),
      { k: keep.id },
    );
    expect(self.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "duplicateId" });
  });
});

describe("privacy: access export and erasure", () => {
  it("exports everything about one person as JSON, audited as an export", async () => {
    const c = await createContact({
      fullName: "Export Persoon",
      email: "export@example.org",
      roles: [{ title: "vrijwilliger" }],
      consents: [{ purpose: "NEWSLETTER", legalBasis: "CONSENT" }],
    });
    await asCoordinator(LOG, { input: { contactId: c.id, kind: "CALL", note: "Bellen over export" } });
    const res = await asCoordinator(
      graphql(`query ContactsContactDataExport($id: ID!) { contactDataExport(id: $id) { contactId json } }`),
      { id: c.id },
    );
    expect(res.errors).toBeUndefined();
    const doc = JSON.parse(res.data!.contactDataExport.json);
    expect(doc.contact).toMatchObject({ id: c.id, fullName: "Export Persoon", email: "export@example.org" });
    expect(doc.contact.roles[0].title).toBe("vrijwilliger");
    expect(doc.contact.consents[0].purpose).toBe("NEWSLETTER");
    expect(doc.contact.interactions[0].note).toBe("Bellen over export");
    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityId: c.id, action: "EXPORT" } });
    expect(audit).toHaveLength(1);
  });

  it("erases personal data but keeps the anonymous row for aggregates", async () => {
    const c = await createContact({
      fullName: "Wis Mij",
      email: "wis@example.org",
      phone: "06 1999 0000",
      notes: "notitie",
      ageBand: "AGE_18_23",
      districtIds: [w.districts[0]!.id],
      roles: [{ title: "rol" }],
      consents: [{ purpose: "NEWSLETTER", legalBasis: "CONSENT" }],
    });
    await asCoordinator(LOG, { input: { contactId: c.id, kind: "CALL", note: "persoonlijk" } });
    const res = await asCoordinator(
      graphql(
        `mutation ContactsEraseContact($id: ID!) { eraseContact(id: $id) { id fullName email phone notes status anonymisedAt ageBand districts { name } roles { title } consents { id } interactions { note } } }`,
      ),
      { id: c.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.eraseContact).toMatchObject({
      fullName: "Geanonimiseerd",
      email: null,
      phone: null,
      notes: null,
      status: "ARCHIVED",
      ageBand: "AGE_18_23",
      districts: [{ name: "Noord" }],
      roles: [],
      consents: [],
      interactions: [{ note: null }],
    });
    expect(res.data!.eraseContact.anonymisedAt).not.toBeNull();
    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityId: c.id, action: "ANONYMISE" } });
    expect(audit).toHaveLength(1);
    const edit = await asCoordinator(UPDATE, { id: c.id, input: { fullName: "Terug" } });
    expect(errorCode(edit)).toBe("CONFLICT");
  });
});
