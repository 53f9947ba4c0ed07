import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { eventCursor } from "../src/core/cursor.js";
import { gql, startTestApp } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { collect, loggedIn, MY_ALERTS, REPORT, reportInput, SIGNAL_FEED, waitUntil } from "./support/live.js";
import type { ReportSignalInput } from "./generated/graphql.js";
import { graphql } from "./generated/index.js";

/**
 * Issue 12, part 7: every delivery of signal content to anyone but the coordinator over a
 * subscription (live and replayed) is audited, and a replay never resends content the
 * viewer may no longer see.
 */

let app: App;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const UNSHARE = graphql(
  `mutation ReplayUnshare($id: ID!, $input: UpdateSignalInput!) { updateSignal(id: $id, input: $input) { id visibility } }`,
);

const FROM_START = eventCursor.encode(0n);

async function feedReads(actorId: string, via: string) {
  const rows = await app.db.prisma.auditEntry.findMany({ where: { actorId, action: "READ", entityType: "Signal" } });
  return rows.filter((r) => (r.details as { via?: string } | null)?.via === via);
}

async function world() {
  const { municipality, districts } = await createMunicipality(app.db.prisma);
  const [d0, d1] = districts.map((d) => d.id) as [string, string];
  const coord = await loggedIn(app, app.db.prisma, municipality.id, "COORDINATOR");
  const liaison = await loggedIn(app, app.db.prisma, municipality.id, "POLICE_LIAISON", [d0]);
  const report = async (input: ReportSignalInput) => {
    const res = await gql(app, REPORT, { input }, coord.token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.reportSignal.signal.id;
  };
  const shared = await report(reportInput(d0, { summary: "Gedeeld en zichtbaar", visibility: "SHARED_WITH_POLICE" }));
  const unshared = await report(reportInput(d0, { summary: "Later teruggetrokken tekst", visibility: "SHARED_WITH_POLICE" }));
  const internal = await report(reportInput(d0, { summary: "Alleen coordinatie" }));
  const elsewhere = await report(reportInput(d1, { summary: "Ander district", visibility: "SHARED_WITH_POLICE" }));
  const res = await gql(app, UNSHARE, { id: unshared, input: { visibility: "COORDINATION_ONLY" } }, coord.token);
  expect(res.data?.updateSignal.visibility).toBe("COORDINATION_ONLY");
  return { d0, coord, liaison, report, ids: { shared, unshared, internal, elsewhere } };
}

describe("signal feed replay", () => {
  it("replays a signal shared and later unshared as WITHDRAWN without content, and audits every delivered signal", async () => {
    const w = await world();
    const feed = collect(app.url, w.liaison.token, SIGNAL_FEED, "signalFeed", { after: FROM_START });
    try {
      // shared: REPORTED; unshared: REPORTED (now withdrawn) + UPDATED (withdrawn).
      await feed.waitFor(3, 10_000);
      const byId = (id: string) => feed.events.filter((e) => e.signalId === id);
      expect(byId(w.ids.shared).map((e) => e.kind)).toEqual(["REPORTED"]);
      expect(byId(w.ids.shared)[0]!.signal?.summary).toBe("Gedeeld en zichtbaar");
      expect(byId(w.ids.unshared).map((e) => e.kind)).toEqual(["WITHDRAWN", "WITHDRAWN"]);
      expect(byId(w.ids.unshared).every((e) => e.signal === null)).toBe(true);
      expect(JSON.stringify(feed.raw)).not.toContain("Later teruggetrokken");
      expect(byId(w.ids.internal)).toEqual([]);
      expect(byId(w.ids.elsewhere)).toEqual([]);

      // The replay's content delivery is audited: the shared signal only.
      const replayed = await waitUntil(async () => {
        const rows = await feedReads(w.liaison.user.id, "signalFeed");
        return rows.length > 0 && rows;
      });
      expect(replayed.map((r) => r.entityId)).toEqual([w.ids.shared]);

      // A live delivery is audited too, with the same READ rows the `signals` query writes.
      const live = await w.report(reportInput(w.d0, { summary: "Live gedeeld", visibility: "SHARED_WITH_POLICE" }));
      await feed.waitFor(4, 10_000);
      expect(feed.events.at(-1)).toMatchObject({ kind: "REPORTED", signalId: live });
      const rows = await waitUntil(async () => {
        const r = await feedReads(w.liaison.user.id, "signalFeed");
        return r.length >= 2 && r;
      });
      expect(rows.map((r) => r.entityId).sort()).toEqual([w.ids.shared, live].sort());
      expect(rows.every((r) => r.actorRole === "POLICE_LIAISON" && r.municipalityId !== null)).toBe(true);
    } finally {
      await feed.dispose();
    }
  });

  it("writes no feed READ rows for the coordinator, who sees everything as committed", async () => {
    const w = await world();
    const feed = collect(app.url, w.coord.token, SIGNAL_FEED, "signalFeed", { after: FROM_START });
    try {
      await feed.waitFor(5, 10_000);
      expect(feed.events.filter((e) => e.signalId === w.ids.unshared).map((e) => e.kind)).toEqual(["REPORTED", "UPDATED"]);
      // A marker delivery to a liaison proves the batcher ran; the coordinator still has none.
      const liaisonFeed = collect(app.url, w.liaison.token, SIGNAL_FEED, "signalFeed", { after: FROM_START });
      try {
        await liaisonFeed.waitFor(3, 10_000);
        await waitUntil(async () => (await feedReads(w.liaison.user.id, "signalFeed")).length > 0);
      } finally {
        await liaisonFeed.dispose();
      }
      expect(await feedReads(w.coord.user.id, "signalFeed")).toEqual([]);
    } finally {
      await feed.dispose();
    }
  });
});

describe("alert feed replay", () => {
  it("withholds replayed alerts about a signal that was unshared, and audits the signal content it delivers", async () => {
    const w = await world();
    const feed = collect(app.url, w.liaison.token, MY_ALERTS, "myAlerts", { after: FROM_START });
    try {
      await feed.waitFor(1, 10_000);
      const live = await w.report(reportInput(w.d0, { summary: "Nieuw alarm", visibility: "SHARED_WITH_POLICE" }));
      await feed.waitFor(2, 10_000);
      const signalIds = feed.events.map((e) => e.alert.signal.id);
      expect(signalIds).toEqual([w.ids.shared, live]);
      expect(JSON.stringify(feed.raw)).not.toContain("Later teruggetrokken");
      const rows = await waitUntil(async () => {
        const r = await feedReads(w.liaison.user.id, "myAlerts");
        return r.length >= 2 && r;
      });
      expect(rows.map((r) => r.entityId).sort()).toEqual([w.ids.shared, live].sort());
    } finally {
      await feed.dispose();
    }
  });
});
