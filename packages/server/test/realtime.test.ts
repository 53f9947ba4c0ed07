import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { collect, loggedIn, MY_ALERTS, REPORT, reportInput, settle, SIGNAL_FEED, waitUntil, type Collector } from "./support/live.js";
import type { ReportSignalInput } from "./generated/graphql.js";
import { graphql } from "./generated/index.js";

let a: App;
let b: App;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestApp(), startTestApp()]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const UPDATE = graphql(
  `mutation RealtimeUpdateSignal($id: ID!, $input: UpdateSignalInput!) { updateSignal(id: $id, input: $input) { id } }`,
);

function seqOf(cursor: string): bigint {
  return BigInt(Buffer.from(cursor, "base64url").toString("utf8").slice(3));
}

describe("test 4: concurrent writers", () => {
  it("8 writers report 500 signals at once on two instances; a live subscriber ends with all 500, in order, none twice", {
    timeout: 120_000,
  }, async () => {
    const { municipality, districts } = await createMunicipality(a.db.prisma);
    const coord = await loggedIn(a, a.db.prisma, municipality.id, "COORDINATOR");
    const sub = collect(a.url, coord.token, SIGNAL_FEED, "signalFeed");
    try {
      await sub.connected();
      await waitUntil(() => a.fanout.subscriberCount() > 0, { timeoutMs: 5_000 });
      const TOTAL = 500;
      const WRITERS = 8;
      let next = 0;
      const ids: string[] = [];
      // Writers call the service (not HTTP) so the test spends its time where the
      // hazard is: 8 transactions in flight at once on two instances' pools.
      const viewer = (await a.services.auth.authenticate(coord.token))!;
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          const app = w % 2 === 0 ? a : b;
          for (let i = next++; i < TOTAL; i = next++) {
            const input = reportInput(districts[i % 3]!.id, { summary: `signaal ${i}` }) as Parameters<
              App["services"]["signals"]["report"]
            >[1];
            const { signal } = await app.services.signals.report(viewer, input, `writer-${w}`);
            ids.push(signal.id);
          }
        }),
      );
      await sub.waitFor(TOTAL, 20_000);
      await settle(300);
      expect(sub.raw.length).toBe(TOTAL); // the server sent nothing twice
      expect(new Set(sub.events.map((e) => e.signalId))).toEqual(new Set(ids));
      const seqs = sub.events.map((e) => seqOf(e.cursor));
      expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true);
    } finally {
      await sub.dispose();
    }
  });
});

describe("test 5: scope", () => {
  it("delivers each event only to those in its scope, with the reporter hidden from police unless agreed", async () => {
    const { municipality, districts } = await createMunicipality(a.db.prisma);
    const other = await createMunicipality(a.db.prisma, ["Elders"]);
    const [d0, d1, d2] = districts.map((d) => d.id) as [string, string, string];
    const m = municipality.id;
    const coord = await loggedIn(a, a.db.prisma, m, "COORDINATOR");
    const l0 = await loggedIn(a, a.db.prisma, m, "POLICE_LIAISON", [d0]);
    const l1 = await loggedIn(a, a.db.prisma, m, "POLICE_LIAISON", [d1]);
    const l01 = await loggedIn(a, a.db.prisma, m, "POLICE_LIAISON", [d0, d1]);
    const ally = await loggedIn(a, a.db.prisma, m, "ALLY", [d0]);
    const coordX = await loggedIn(a, a.db.prisma, other.municipality.id, "COORDINATOR");
    const lX = await loggedIn(a, a.db.prisma, other.municipality.id, "POLICE_LIAISON", [other.districts[0]!.id]);

    const people = { coord, l0, l1, l01, ally, coordX, lX };
    const feeds: Record<string, Collector> = {};
    const alerts: Record<string, Collector> = {};
    for (const [name, p] of Object.entries(people)) {
      // Half on each instance: scope must hold wherever a subscriber is connected.
      const app = name.length % 2 ? a : b;
      if (name !== "ally") feeds[name] = collect(app.url, p.token, SIGNAL_FEED, "signalFeed");
      alerts[name] = collect(app.url, p.token, MY_ALERTS, "myAlerts");
    }
    try {
      await Promise.all([...Object.values(feeds), ...Object.values(alerts)].map((c) => c.connected()));
      await waitUntil(() => a.fanout.subscriberCount() + b.fanout.subscriberCount() >= 13, { timeoutMs: 5_000 });

      const report = async (who: { token: string }, input: ReportSignalInput) => {
        const res = await gql(a, REPORT, { input }, who.token);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
        return res.data!.reportSignal.signal.id as string;
      };
      const update = async (id: string, input: Record<string, unknown>) => {
        const res = await gql(b, UPDATE, { id, input }, coord.token);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
      };
      const s: Record<string, string> = {};
      s.s1 = await report(coord, reportInput(d0, { summary: "Situatie s1" }));
      s.s2 = await report(coord, reportInput(d0, { summary: "Situatie s2", visibility: "SHARED_WITH_POLICE" }));
      s.s3 = await report(
        l1,
        reportInput(d1, { summary: "Situatie s3", visibility: "SHARED_WITH_POLICE", reporterIdentitySharable: true }),
      );
      s.s4 = await report(coord, reportInput(d2, { summary: "Situatie s4", visibility: "SHARED_WITH_POLICE" }));
      s.s5 = await report(ally, reportInput(d0, { summary: "Situatie s5" }));
      await update(s.s5, { visibility: "SHARED_WITH_POLICE" });
      s.s6 = await report(coord, reportInput(d1, { summary: "Situatie s6", visibility: "SHARED_WITH_POLICE" }));
      await update(s.s6, { districtId: d2 });
      s.s7 = await report(coord, reportInput(d0, { summary: "Situatie s7", visibility: "SHARED_WITH_POLICE" }));
      await update(s.s7, { visibility: "COORDINATION_ONLY" });
      s.s8 = await report(coordX, reportInput(other.districts[0]!.id, { summary: "Situatie s8", visibility: "SHARED_WITH_POLICE" }));

      const name = Object.fromEntries(Object.entries(s).map(([k, v]) => [v, k]));
      const expected: Record<string, string[]> = {
        coord: [
          "s1 REPORTED",
          "s2 REPORTED",
          "s3 REPORTED",
          "s4 REPORTED",
          "s5 REPORTED",
          "s5 UPDATED",
          "s6 REPORTED",
          "s6 UPDATED",
          "s7 REPORTED",
          "s7 UPDATED",
        ],
        l0: ["s2 REPORTED", "s5 UPDATED", "s7 REPORTED", "s7 WITHDRAWN"],
        l1: ["s3 REPORTED", "s6 REPORTED", "s6 WITHDRAWN"],
        l01: ["s2 REPORTED", "s3 REPORTED", "s5 UPDATED", "s6 REPORTED", "s6 WITHDRAWN", "s7 REPORTED", "s7 WITHDRAWN"],
        coordX: ["s8 REPORTED"],
        lX: ["s8 REPORTED"],
      };
      for (const [who, list] of Object.entries(expected)) await feeds[who]!.waitFor(list.length, 10_000);
      // Let anything that should not arrive have the chance to arrive.
      await settle(1_500);
      for (const [who, list] of Object.entries(expected)) {
        expect({ who, got: feeds[who]!.raw.map((e) => `${name[e.signalId] ?? "?"} ${e.kind}`) }).toEqual({ who, got: list });
      }
      // A withdrawn event says which signal, nothing about it.
      expect(feeds.l0!.raw.filter((e) => e.kind === "WITHDRAWN").every((e) => e.signal === null)).toBe(true);
      // Reporter identity: the coordinator sees it; police only when the reporter agreed (s3).
      expect(feeds.coord!.raw.find((e) => e.signalId === s.s5)!.signal.reporter).toEqual({ id: ally.user.id });
      for (const who of ["l0", "l1", "l01", "lX"]) {
        for (const e of feeds[who]!.raw.filter((x) => x.signal)) {
          expect(e.signal.reporter).toEqual(e.signalId === s.s3 ? { id: l1.user.id } : null);
        }
      }

      // myAlerts: every delivery is the subscriber's own alert, and they got all of them.
      for (const [who, p] of Object.entries(people)) {
        const own = await a.db.prisma.alert.findMany({ where: { recipientId: p.user.id }, orderBy: { id: "asc" } });
        await alerts[who]!.waitFor(own.length, 5_000);
        const got = alerts[who]!.raw.map((e) => e.alert.id as string);
        expect({ who, got: [...got].sort() }).toEqual({ who, got: own.map((x) => x.id).sort() });
      }
      expect(alerts.ally!.raw).toEqual([]);
      expect(await a.db.prisma.alert.count({ where: { recipientId: l0.user.id } })).toBe(3); // s2, s5, s7
      // The police payload of an ally's report carries no reporter.
      const l0s5 = alerts.l0!.raw.find((e) => e.alert.signal.id === s.s5)!;
      expect(l0s5.alert.signal.reporter).toBeNull();
      expect(l0s5.alert.reason).toBe("DISTRICT_LIAISON");
    } finally {
      await Promise.all([...Object.values(feeds), ...Object.values(alerts)].map((c) => c.dispose()));
    }
  });
});
