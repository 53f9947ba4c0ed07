/**
 * Invitees wijknet cannot reach: a contact without an email address (or whose email failed)
 * is flagged when invited, listed for the coordinator to call, and leaves the list when
 * marked as told by phone — and comes back when a new message would be due. Failed
 * deliveries are visible per invitation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp } from "./support/app.js";
import { invite, makeContacts, ok, publishedSession, respond } from "./support/sessions.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

const REACH = graphql(`
  query SessionReach($id: ID!) {
    themeSession(id: $id) {
      toCall { id contact { id } }
      invitations {
        id
        reach
        needsCall
        informedByPhoneAt
        informedByPhoneBy { id }
        contact { id }
        deliveries { kind status attempts lastError sentAt }
      }
    }
  }
`);
const INFORMED = graphql(`
  mutation InformedByPhone($id: ID!, $informed: Boolean!) {
    setInvitationInformedByPhone(id: $id, informed: $informed) { id needsCall informedByPhoneAt }
  }
`);

let app: App;
let failing: App;
let w: World;
beforeAll(async () => {
  // Delivery runs when a test says so, with the clock it gives, for this file's municipality only
  // (other files share the database).
  app = await startTestApp();
  // The same database, mail to a port where nothing listens: every try is refused.
  failing = await startTestApp({ SMTP_URL: "smtp://127.0.0.1:9" });
  w = await createWorld(app);
});
afterAll(async () => {
  await Promise.all([app?.stop(), failing?.stop()]);
});

const reachOf = async (sessionId: string) => ok(await gql(app, REACH, { id: sessionId }, w.tokens.coordinator)).themeSession!;

describe("invitees wijknet cannot write to", () => {
  it("are flagged when invited, listed to call, and leave the list once told by phone", async () => {
    const sessionId = await publishedSession(app, w, { capacity: 1 });
    const [withEmail] = await makeContacts(app, w, 1);
    const [noEmail] = await makeContacts(app, w, 1, { email: false });
    const links = await invite(app, w, sessionId, [withEmail!.id, noEmail!.id]);
    await app.services.notifications.deliverDue(new Date(), { municipalityId: w.municipality.id });

    let r = await reachOf(sessionId);
    const byContact = (id: string) => r.invitations.find((i) => i.contact?.id === id)!;
    expect(byContact(withEmail!.id)).toMatchObject({ reach: "EMAIL_SENT", needsCall: false });
    expect(byContact(withEmail!.id).deliveries).toMatchObject([{ kind: "INVITATION", status: "SENT", attempts: 1 }]);
    expect(byContact(noEmail!.id)).toMatchObject({ reach: "NO_EMAIL", needsCall: true, deliveries: [] });
    expect(r.toCall.map((i) => i.contact?.id)).toEqual([noEmail!.id]);

    // Called: off the list, with who and when, audited.
    const noEmailInvitation = byContact(noEmail!.id).id;
    const marked = ok(await gql(app, INFORMED, { id: noEmailInvitation, informed: true }, w.tokens.coordinator));
    expect(marked.setInvitationInformedByPhone).toMatchObject({ needsCall: false, informedByPhoneAt: expect.any(String) });
    r = await reachOf(sessionId);
    expect(r.toCall).toEqual([]);
    expect(byContact(noEmail!.id).informedByPhoneBy?.id).toBe(w.users.coordinator.id);
    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityId: noEmailInvitation, action: "UPDATE" } });
    expect(audit.map((a) => a.details)).toEqual([{ informedByPhone: true }]);

    // They answer YES over the phone (the coordinator uses their link) and wait for the one seat;
    // when it comes free they must be called again: wijknet cannot tell them.
    ok(await respond(app, links.find((l) => l.contactId === withEmail!.id)!.token, "YES"));
    ok(await respond(app, links.find((l) => l.contactId === noEmail!.id)!.token, "YES"));
    expect((await reachOf(sessionId)).toCall).toEqual([]);
    ok(await respond(app, links.find((l) => l.contactId === withEmail!.id)!.token, "NO"));
    r = await reachOf(sessionId);
    expect(r.toCall.map((i) => i.contact?.id)).toEqual([noEmail!.id]);
    expect(byContact(noEmail!.id).informedByPhoneAt).toBeNull();
  });

  it("only coordinators and admins see or mark who to call", async () => {
    const sessionId = await publishedSession(app, w);
    const [noEmail] = await makeContacts(app, w, 1, { email: false });
    const [link] = await invite(app, w, sessionId, [noEmail!.id]);
    for (const token of [w.tokens.liaison, w.tokens.ally]) {
      const res = await gql(app, INFORMED, { id: link!.invitationId, informed: true }, token);
      expect(res.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    }
    const other = await gql(app, INFORMED, { id: "00000000-0000-7000-8000-000000000000", informed: true }, w.tokens.coordinator);
    expect(other.errors?.[0]?.extensions?.["code"]).toBe("NOT_FOUND");
    expect((await app.db.prisma.invitation.findUniqueOrThrow({ where: { id: link!.invitationId } })).informedByPhoneAt).toBeNull();
  });
});

describe("failed deliveries", () => {
  it("a refused email is tried again with back-off, then FAILED with the reason, and the invitee is on the list to call", async () => {
    const sessionId = await publishedSession(app, w);
    const [person] = await makeContacts(app, w, 1);
    const [link] = await invite(app, w, sessionId, [person!.id]);
    const onlyThis = () => app.db.prisma.notification.findFirstOrThrow({ where: { invitationId: link!.invitationId } });
    // Each pass runs when the message is due again (30 s × 2^tries later): five tries, then FAILED.
    let at = Date.now();
    for (let i = 0; i < 5; i++) {
      await failing.services.notifications.deliverDue(new Date(at), { municipalityId: w.municipality.id });
      at = (await onlyThis()).dueAt.getTime() + 1;
    }
    const row = await onlyThis();
    expect(row.status).toBe("FAILED");
    const inv = (await reachOf(sessionId)).invitations[0]!;
    expect(inv).toMatchObject({ reach: "EMAIL_FAILED", needsCall: true });
    expect(inv.deliveries).toMatchObject([{ kind: "INVITATION", status: "FAILED", attempts: 5, sentAt: null }]);
    expect(inv.deliveries[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);
    ok(await gql(app, INFORMED, { id: link!.invitationId, informed: true }, w.tokens.coordinator));
    expect((await reachOf(sessionId)).toCall).toEqual([]);
  });
});
