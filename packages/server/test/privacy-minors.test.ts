import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, gqlAs, startTestApp } from "./support/app.js";
import { invite, ok, publishedSession, respond } from "./support/sessions.js";
import { createWorld, type World } from "./support/world.js";
import { uploadImport } from "./support/imports.js";
import { graphql } from "./generated/index.js";

/**
 * Issue 12, part 5: minors are never processed without a guardian's consent for the
 * purpose; a withdrawn consent ends what it covered; age bands move on with time.
 */

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
const DAY = 86_400_000;

const CREATE_CONTACT = graphql(`mutation MinorsCreateContact($input: CreateContactInput!) { createContact(input: $input) { id ageBand } }`);
const CREATE_NETWORK = graphql(`mutation MinorsCreateNetwork($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }`);
const ADD = graphql(`mutation MinorsAdd($input: AddMemberInput!) { addNetworkMember(input: $input) { id until endReason } }`);
const RECORD = graphql(`mutation MinorsRecord($input: RecordConsentInput!) { recordConsent(input: $input) { id purpose } }`);
const WITHDRAW = graphql(`mutation MinorsWithdraw($id: ID!) { withdrawConsent(id: $id) { id withdrawnAt } }`);
const MEMBERS = graphql(
  `query MinorsMembers($id: ID!) { network(id: $id) { members(includeEnded: true) { id until endReason contact { id } } } }`,
);
const INVITE = graphql(
  `mutation MinorsInvite($input: InviteInput!) { inviteToSession(input: $input) { invitation { id contact { id } } } }`,
);
const PAGE = graphql(`query MinorsPage($token: String!) { invitation(token: $token) { response } }`);
const RUN_IMPORT = graphql(
  `mutation MinorsImport($input: RunContactImportInput!) { runContactImport(input: $input) { created errors { line code } } }`,
);

async function youth(name: string, ageBand: "AGE_12_15" | "UNDER_12" | "AGE_16_17" = "AGE_12_15"): Promise<string> {
  return ok(await asCoordinator(CREATE_CONTACT, { input: { fullName: name, ageBand, districtIds: [w.districts[0]!.id] } })).createContact
    .id;
}
async function network(name: string): Promise<string> {
  return ok(await asCoordinator(CREATE_NETWORK, { input: { kind: "YOUTH", name, districtId: w.districts[0]!.id } })).createNetwork.id;
}
async function guardianConsent(contactId: string, purpose: "NETWORK_MEMBERSHIP" | "SESSION_INVITATIONS"): Promise<string> {
  return ok(
    await asCoordinator(RECORD, {
      input: { contactId, consent: { purpose, legalBasis: "CONSENT", byGuardian: true, guardianName: "Ouder Voogd" } },
    }),
  ).recordConsent.id;
}

describe("a contact under 16", () => {
  it("cannot join a network without a guardian's consent for it; with one it can; withdrawing it ends the membership", async () => {
    const kid = await youth("Jong Zonder");
    const net = await network("Jongeren toestemming");
    const refused = await asCoordinator(ADD, { input: { networkId: net, contactId: kid } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.contactId",
      reason: "GUARDIAN_CONSENT_REQUIRED",
    });
    // Consent for another purpose is not enough.
    await guardianConsent(kid, "SESSION_INVITATIONS");
    expect(errorCode(await asCoordinator(ADD, { input: { networkId: net, contactId: kid } }))).toBe("BAD_USER_INPUT");

    const consent = await guardianConsent(kid, "NETWORK_MEMBERSHIP");
    const added = ok(await asCoordinator(ADD, { input: { networkId: net, contactId: kid } })).addNetworkMember;
    expect(added.until).toBeNull();

    ok(await asCoordinator(WITHDRAW, { id: consent }));
    const members = ok(await asCoordinator(MEMBERS, { id: net })).network.members;
    expect(members).toEqual([{ id: added.id, until: expect.any(String), endReason: "CONSENT_WITHDRAWN", contact: { id: kid } }]);
    // And they cannot be added again until a new consent is recorded.
    const again = await asCoordinator(ADD, { input: { networkId: net, contactId: kid } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "CONSENT_WITHDRAWN" });
  });

  it("cannot be invited without a guardian's consent for invitations: refused directly, skipped through a network", async () => {
    const kid = await youth("Jong Uitnodiging");
    const adult = ok(await asCoordinator(CREATE_CONTACT, { input: { fullName: "Volwassen Lid", email: "lid.minors@example.org" } }))
      .createContact.id;
    const net = await network("Jongeren uitnodiging");
    await guardianConsent(kid, "NETWORK_MEMBERSHIP");
    ok(await asCoordinator(ADD, { input: { networkId: net, contactId: kid } }));
    ok(await asCoordinator(ADD, { input: { networkId: net, contactId: adult } }));
    const session = await publishedSession(app, w);

    const direct = await asCoordinator(INVITE, { input: { sessionId: session, contactIds: [kid] } });
    expect(direct.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.contactIds",
      reason: "GUARDIAN_CONSENT_REQUIRED",
      contactIds: [kid],
    });
    const viaNetwork = ok(await asCoordinator(INVITE, { input: { sessionId: session, networkIds: [net] } })).inviteToSession;
    expect(viaNetwork.map((l) => l.invitation.contact?.id)).toEqual([adult]);

    await guardianConsent(kid, "SESSION_INVITATIONS");
    const now = ok(await asCoordinator(INVITE, { input: { sessionId: session, contactIds: [kid] } })).inviteToSession;
    expect(now.map((l) => l.invitation.contact?.id)).toEqual([kid]);
  });

  it("is not imported from a file, which cannot carry a guardian's consent: a row error says to use the form", async () => {
    const csv = "naam;email;leeftijd\nImport Jong;import.jong@example.org;12-15\nImport Oud;import.oud@example.org;volwassen\n";
    const upload = await uploadImport(app, w.tokens.coordinator, csv);
    expect(upload.status).toBe(201);
    const res = ok(
      await asCoordinator(RUN_IMPORT, { input: { importId: upload.body.importId as string, dryRun: false } }),
    ).runContactImport;
    expect(res.created).toBe(1);
    expect(res.errors).toEqual([{ line: 2, code: "GUARDIAN_CONSENT_REQUIRED" }]);
    const rows = await app.db.prisma.contact.findMany({
      where: { municipalityId: w.municipality.id, fullName: { startsWith: "Import " } },
      orderBy: { fullName: "asc" },
    });
    expect(rows.map((r) => [r.fullName, r.ageBand, r.status])).toEqual([["Import Oud", "ADULT", "ACTIVE"]]);
  });
});

describe("withdrawing a consent", () => {
  it("for invitations revokes open invitations: the link stops working, seats are released, no reminder follows", async () => {
    const kid = await youth("Jong Terugtrekker", "AGE_16_17");
    const consent = ok(
      await asCoordinator(RECORD, { input: { contactId: kid, consent: { purpose: "SESSION_INVITATIONS", legalBasis: "CONSENT" } } }),
    ).recordConsent.id;
    await app.db.prisma.contact.update({ where: { id: kid }, data: { email: "terugtrekker@example.org" } });
    const session = await publishedSession(app, w, { reminderMinutesBefore: 60 * 24 * 3 });
    const [link] = await invite(app, w, session, [kid]);
    ok(await respond(app, link!.token, "YES"));
    expect(await app.db.prisma.registration.count({ where: { invitationId: link!.invitationId, seatStatus: "CONFIRMED" } })).toBe(1);

    ok(await asCoordinator(WITHDRAW, { id: consent }));
    expect(errorCode(await gql(app, PAGE, { token: link!.token }))).toBe("NOT_FOUND");
    const seats = await app.db.prisma.registration.findMany({ where: { invitationId: link!.invitationId } });
    expect(seats.map((r) => r.seatStatus)).toEqual(["CANCELLED"]);
    // The reminder window is open (3 days before a session in 2 days): no reminder is queued,
    // and no message about the invitation waits to be sent.
    await app.services.sessions.sweepReminders(new Date());
    expect(await app.db.prisma.notification.count({ where: { invitationId: link!.invitationId, status: "PENDING" } })).toBe(0);
  });

  it("is not overridden by a legitimate-interest record", async () => {
    const adult = ok(await asCoordinator(CREATE_CONTACT, { input: { fullName: "Volwassen Bezwaar", email: "bezwaar@example.org" } }))
      .createContact.id;
    const withdrawn = ok(
      await asCoordinator(RECORD, { input: { contactId: adult, consent: { purpose: "SESSION_INVITATIONS", legalBasis: "CONSENT" } } }),
    ).recordConsent.id;
    ok(await asCoordinator(WITHDRAW, { id: withdrawn }));
    ok(
      await asCoordinator(RECORD, {
        input: { contactId: adult, consent: { purpose: "SESSION_INVITATIONS", legalBasis: "LEGITIMATE_INTEREST" } },
      }),
    );
    const session = await publishedSession(app, w);
    const res = await asCoordinator(INVITE, { input: { sessionId: session, contactIds: [adult] } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "CONSENT_WITHDRAWN" });
  });
});

describe("age bands move on with time", () => {
  it("a 12–15 band given seven years ago is 18–23 now; a recent one stays", async () => {
    const old = await youth("Jong Geweest");
    const recent = await youth("Jong Nu");
    const given = new Date(Date.now() - 7 * 365.25 * DAY);
    await app.db.prisma.contact.update({ where: { id: old }, data: { ageBandSince: given } });
    const report = await app.services.retention.run(new Date(), { municipalityId: w.municipality.id });
    expect(report?.["ageBandsMoved"]).toBe(1);
    const rows = await app.db.prisma.contact.findMany({ where: { id: { in: [old, recent] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(old)!.ageBand).toBe("AGE_18_23");
    // Now at least 18: since the day 6 years after the band was given.
    const since = new Date(given);
    since.setUTCFullYear(since.getUTCFullYear() + 6);
    expect(byId.get(old)!.ageBandSince.toISOString()).toBe(since.toISOString());
    expect(byId.get(recent)!.ageBand).toBe("AGE_12_15");
    // Audited as the system.
    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityId: old, action: "UPDATE", actorId: null } });
    expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ from: "AGE_12_15", to: "AGE_18_23" })]);
  });
});
