/**
 * An RSVP retried with its idempotency key (a lost answer, a double tap, a late retry through
 * another instance) is applied once: the retry changes nothing and returns the invitation as it is.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp } from "./support/app.js";
import { invite, makeContacts, ok, publishedSession } from "./support/sessions.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

const RESPOND = graphql(`
  mutation RespondWithKey($token: String!, $response: RsvpResponse!, $key: String) {
    respondToInvitation(token: $token, response: $response, idempotencyKey: $key) {
      response
      registrations { seatStatus }
    }
  }
`);

let a: App;
let b: App;
let w: World;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestApp(), startTestApp()]);
  w = await createWorld(a);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const answers = (invitationId: string) =>
  a.db.prisma.auditEntry.count({ where: { entityType: "Invitation", entityId: invitationId, action: "UPDATE" } });

describe("respondToInvitation with an idempotency key", () => {
  it("a late retry of YES after a NO (through the other instance) changes nothing", async () => {
    const sessionId = await publishedSession(a, w);
    const [person] = await makeContacts(a, w, 1);
    const [link] = await invite(a, w, sessionId, [person!.id]);
    const yes = ok(await gql(a, RESPOND, { token: link!.token, response: "YES", key: "answer-yes-0001" }));
    expect(yes.respondToInvitation).toMatchObject({ response: "YES", registrations: [{ seatStatus: "CONFIRMED" }] });
    ok(await gql(b, RESPOND, { token: link!.token, response: "NO", key: "answer-no-0002" }));
    const retry = ok(await gql(b, RESPOND, { token: link!.token, response: "YES", key: "answer-yes-0001" }));
    expect(retry.respondToInvitation).toMatchObject({ response: "NO", registrations: [] });
    expect(await answers(link!.invitationId)).toBe(2);
    expect(await a.db.prisma.registration.count({ where: { invitationId: link!.invitationId, seatStatus: { not: "CANCELLED" } } })).toBe(0);
  });

  it("the same answer sent to both instances at once is applied once", async () => {
    const sessionId = await publishedSession(a, w);
    const [person] = await makeContacts(a, w, 1);
    const [link] = await invite(a, w, sessionId, [person!.id]);
    const both = await Promise.all(
      [a, b, a, b].map((app) => gql(app, RESPOND, { token: link!.token, response: "YES", key: "double-tap-0001" })),
    );
    for (const r of both) expect(ok(r).respondToInvitation.response).toBe("YES");
    expect(await answers(link!.invitationId)).toBe(1);
    expect(await a.db.prisma.registration.count({ where: { invitationId: link!.invitationId } })).toBe(1);
  });

  it("refuses a malformed key before anything changes", async () => {
    const sessionId = await publishedSession(a, w);
    const [person] = await makeContacts(a, w, 1);
    const [link] = await invite(a, w, sessionId, [person!.id]);
    const res = await gql(a, RESPOND, { token: link!.token, response: "YES", key: "short" });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "idempotencyKey" });
    expect(await answers(link!.invitationId)).toBe(0);
  });
});
