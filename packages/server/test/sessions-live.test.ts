import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp, wsConnect } from "./support/app.js";
import { invite, makeContacts, ok, publishedSession, respond } from "./support/sessions.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

// Session counts travel the outbox like signals: written in the changing transaction,
// read by every instance, served by serveLive with a snapshot on subscribe.
let a: App;
let b: App;
let w: World;
beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp();
  w = await createWorld(a);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

type Counts = { confirmed: number; waitlisted: number; seatsLeft: number };
const COUNTS = graphql(`subscription SessionsLiveCounts($id: ID!) { sessionCounts(sessionId: $id) { confirmed waitlisted seatsLeft } }`);
const UPDATE = graphql(
  `mutation SessionsLiveUpdate($id: ID!, $input: UpdateThemeSessionInput!) { updateThemeSession(id: $id, input: $input) { id } }`,
);

function subscribe(app: App, sessionId: string) {
  const { client } = wsConnect(app, w.tokens.coordinator);
  const seen: Counts[] = [];
  const errors: unknown[] = [];
  let notify: () => void = () => undefined;
  client.subscribe<{ sessionCounts: Counts }>(
    { query: COUNTS.toString(), variables: { id: sessionId } },
    {
      next: (v) => {
        if (v.errors) errors.push(v.errors);
        else seen.push(v.data!.sessionCounts);
        notify();
      },
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );
  const until = (pred: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out; seen ${JSON.stringify(seen)} errors ${JSON.stringify(errors)}`)), 8_000);
      notify = () => {
        if (pred()) {
          clearTimeout(t);
          resolve();
        }
      };
      notify();
    });
  return { seen, errors, until, close: () => client.dispose() };
}

describe("sessionCounts through the outbox", () => {
  it("a change on instance A reaches a subscriber on instance B; after a reconnect it starts from the current counts", async () => {
    const sessionId = await publishedSession(a, w, { capacity: 1 });
    const people = await makeContacts(a, w, 3);
    const links = await invite(
      a,
      w,
      sessionId,
      people.map((p) => p.id),
    );

    const first = subscribe(b, sessionId);
    try {
      await first.until(() => first.seen.length >= 1);
      ok(await respond(a, links[0]!.token, "YES"));
      await first.until(() => first.seen.length >= 2);
      expect(first.seen).toEqual([
        { confirmed: 0, waitlisted: 0, seatsLeft: 1 },
        { confirmed: 1, waitlisted: 0, seatsLeft: 0 },
      ]);
      expect(first.errors).toEqual([]);
    } finally {
      await first.close();
    }
    // The change went through the outbox, addressed to the session.
    expect(await a.db.prisma.event.count({ where: { topic: "session", type: "SESSION_COUNTS_CHANGED", entityId: sessionId } })).toBe(1);

    // Changes while nobody listens...
    ok(await respond(a, links[1]!.token, "YES"));
    ok(await respond(a, links[2]!.token, "YES"));
    // ...are in the first frame after the reconnect; then live again.
    const second = subscribe(b, sessionId);
    try {
      await second.until(() => second.seen.length >= 1);
      expect(second.seen[0]).toEqual({ confirmed: 1, waitlisted: 2, seatsLeft: 0 });
      // A capacity change promotes the waitlist: one transaction, one frame.
      ok(await gql(a, UPDATE, { id: sessionId, input: { capacity: 4 } }, w.tokens.coordinator));
      await second.until(() => second.seen.length >= 2);
      // A change that leaves the counts as they are sends nothing (and writes no event).
      ok(await gql(a, UPDATE, { id: sessionId, input: { title: "Nieuwe titel" } }, w.tokens.coordinator));
      // An answer that changes nothing (YES again) writes an event but sends no duplicate frame.
      ok(await respond(a, links[0]!.token, "YES"));
      ok(await respond(a, links[2]!.token, "NO"));
      await second.until(() => second.seen.length >= 3);
      expect(second.seen).toEqual([
        { confirmed: 1, waitlisted: 2, seatsLeft: 0 },
        { confirmed: 3, waitlisted: 0, seatsLeft: 1 },
        { confirmed: 2, waitlisted: 0, seatsLeft: 2 },
      ]);
      expect(second.errors).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it("delivers only the subscribed session's counts", async () => {
    const mine = await publishedSession(a, w, { capacity: 2 });
    const theirs = await publishedSession(a, w, { capacity: 2 });
    const people = await makeContacts(a, w, 2);
    const [toMine] = await invite(a, w, mine, [people[0]!.id]);
    const [toTheirs] = await invite(a, w, theirs, [people[1]!.id]);
    const sub = subscribe(b, mine);
    try {
      await sub.until(() => sub.seen.length >= 1);
      ok(await respond(a, toTheirs!.token, "YES"));
      ok(await respond(a, toMine!.token, "YES"));
      await sub.until(() => sub.seen.length >= 2);
      expect(sub.seen).toEqual([
        { confirmed: 0, waitlisted: 0, seatsLeft: 2 },
        { confirmed: 1, waitlisted: 0, seatsLeft: 1 },
      ]);
    } finally {
      await sub.close();
    }
  });
});
