import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { seedDemoSessions } from "../src/seed/demo-sessions.js";
import { gql, startTestApp } from "./support/app.js";
import { ok, PAGE } from "./support/sessions.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

let app: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

describe("demo seed: theme sessions", () => {
  it("seeds upcoming and past sessions with invitations in every state, consistent with the seat rule", async () => {
    const started = Date.now();
    const seeded = await app.db.prisma.$transaction((tx) => seedDemoSessions(tx, w.municipality.id), { timeout: 30_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    const res = ok(
      await gql(
        app,
        graphql(`query SessionsSeedList { themeSessions { edges { node { id status startsAt capacity counts { confirmed waitlisted }
      invitations { response registrations(includeCancelled: true) { seatStatus isGuest attendance } } } } } }`),
        {},
        w.tokens.coordinator,
      ),
    );
    const sessions = res.themeSessions.edges.map((e: any) => e.node) as any[];
    expect(sessions).toHaveLength(5);
    expect(new Set(sessions.map((s) => s.status))).toEqual(new Set(["PUBLISHED", "DRAFT", "CANCELLED", "COMPLETED"]));
    expect(sessions.some((s) => Date.parse(s.startsAt) < Date.now())).toBe(true);
    expect(sessions.some((s) => Date.parse(s.startsAt) > Date.now())).toBe(true);
    const invs = sessions.flatMap((s) => s.invitations);
    expect(invs).toHaveLength(seeded.invitations);
    const states = new Set(
      invs.map((i: any) => {
        const r = i.registrations as any[];
        if (i.response === null) return "no answer";
        if (i.response !== "YES") return r.some((x) => x.seatStatus === "CANCELLED") ? "cancelled" : i.response;
        return r.some((x) => x.seatStatus === "WAITLISTED") ? "waitlisted" : "confirmed";
      }),
    );
    expect(states).toEqual(new Set(["no answer", "confirmed", "waitlisted", "NO", "MAYBE", "cancelled"]));
    const regs = invs.flatMap((i: any) => i.registrations);
    expect(regs.some((r: any) => r.isGuest)).toBe(true);
    expect(new Set(regs.map((r: any) => r.attendance))).toEqual(new Set(["UNKNOWN", "ATTENDED", "NO_SHOW"]));
    for (const s of sessions) expect(s.counts.confirmed).toBeLessThanOrEqual(s.capacity);
    // The seeded links work like real ones.
    const page = ok(await gql(app, PAGE, { token: seeded.sampleToken })).invitation;
    expect(page).toMatchObject({ response: null, session: { status: "PUBLISHED" } });
  });
});
