import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, startTestApp, wsConnect, wsQuery } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { collect, loggedIn, REPORT, reportInput, SIGNAL_FEED, waitUntil } from "./support/live.js";
import { graphql } from "./generated/index.js";

let a: App;
let b: App;
let municipalityId: string;
let districts: { id: string }[];
beforeAll(async () => {
  [a, b] = await Promise.all([startTestApp(), startTestApp()]);
  const m = await createMunicipality(a.db.prisma);
  municipalityId = m.municipality.id;
  districts = m.districts;
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe("reportSignal", () => {
  it("refuses text that names nationality, religion, skin colour or origin unless acknowledged", async () => {
    const { token } = await loggedIn(a, a.db.prisma, municipalityId, "COORDINATOR");
    const input = reportInput(districts[0]!.id, {
      summary: "Groep Marokkaanse jongeren bij de ingang",
      details: "Een zwarte jongen rende weg",
    });
    const refused = await gql(a, REPORT, { input }, token);
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.extensions?.["field"]).toBe("input.summary");
    expect((refused.errors?.[0]?.extensions?.["warnings"] as Array<{ term: string }> | undefined)?.map((w) => w.term)).toEqual([
      "Marokkaanse",
      "zwarte",
    ]);
    expect(await a.db.prisma.signal.count({ where: { municipalityId, summary: input.summary } })).toBe(0);

    const accepted = await gql(a, REPORT, { input: { ...input, acknowledgeWarnings: true } }, token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.reportSignal.warnings.map((w: { term: string }) => w.term)).toContain("Marokkaanse");

    const clean = await gql(a, REPORT, { input: reportInput(districts[0]!.id) }, token);
    expect(clean.data!.reportSignal.warnings).toEqual([]);
  });

  it("keeps an ally's report with the coordinator, even when asked to share it", async () => {
    const ally = await loggedIn(a, a.db.prisma, municipalityId, "ALLY", [districts[0]!.id]);
    const res = await gql(a, REPORT, { input: reportInput(districts[0]!.id, { visibility: "SHARED_WITH_POLICE" }) }, ally.token);
    expect(res.data!.reportSignal.signal.visibility).toBe("COORDINATION_ONLY");
    const other = await gql(a, REPORT, { input: reportInput(districts[1]!.id) }, ally.token);
    expect(errorCode(other)).toBe("FORBIDDEN");
  });

  it("writes the signal, its timeline, audit row and outbox event in one go", async () => {
    const { user, token } = await loggedIn(a, a.db.prisma, municipalityId, "COORDINATOR");
    const res = await gql(a, REPORT, { input: reportInput(districts[0]!.id) }, token);
    const id = res.data!.reportSignal.signal.id as string;
    expect(await a.db.prisma.signalUpdate.count({ where: { signalId: id, kind: "REPORTED", authorId: user.id } })).toBe(1);
    expect(await a.db.prisma.auditEntry.count({ where: { entityId: id, action: "CREATE" } })).toBe(1);
    expect(await a.db.prisma.event.count({ where: { entityId: id, topic: "signal", type: "SIGNAL_REPORTED" } })).toBe(1);
  });
});

describe("reportSignal retried with an idempotency key", () => {
  it("returns the first report — also when the tries arrive at once, on two instances — and never reports twice", async () => {
    const { token, user } = await loggedIn(a, a.db.prisma, municipalityId, "COORDINATOR");
    const key = `retry-${Date.now()}-a`;
    const input = reportInput(districts[0]!.id, { summary: "Onrust bij de bushalte", idempotencyKey: key });
    const first = await gql(a, REPORT, { input }, token);
    const again = await gql(b, REPORT, { input }, token);
    expect(again.data!.reportSignal.signal.id).toBe(first.data!.reportSignal.signal.id);

    // A lost answer retried at once, twice at the same moment on both instances: still one report.
    const racing = { ...input, idempotencyKey: `retry-${Date.now()}-b` };
    const results = await Promise.all([gql(a, REPORT, { input: racing }, token), gql(b, REPORT, { input: racing }, token)]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(results[0]!.data!.reportSignal.signal.id).toBe(results[1]!.data!.reportSignal.signal.id);
    expect(await a.db.prisma.signal.count({ where: { reporterId: user.id } })).toBe(2);

    // The key is the reporter's own: another account with the same key makes its own report.
    const other = await loggedIn(a, a.db.prisma, municipalityId, "COORDINATOR");
    const theirs = await gql(a, REPORT, { input }, other.token);
    expect(theirs.data!.reportSignal.signal.id).not.toBe(first.data!.reportSignal.signal.id);

    expect(errorCode(await gql(a, REPORT, { input: { ...input, idempotencyKey: "short" } }, token))).toBe("BAD_USER_INPUT");
  });
});

describe("triage", () => {
  it("records every change with author and time; only the coordinator triages", async () => {
    const coord = await loggedIn(a, a.db.prisma, municipalityId, "COORDINATOR");
    const liaison = await loggedIn(a, a.db.prisma, municipalityId, "POLICE_LIAISON", [districts[0]!.id]);
    const id = (await gql(a, REPORT, { input: reportInput(districts[0]!.id) }, coord.token)).data!.reportSignal.signal.id;
    const UPDATE =
      graphql(`mutation SignalsTriage($id: ID!, $input: UpdateSignalInput!) { updateSignal(id: $id, input: $input) { id status severity
      timeline { kind fromValue toValue note author { id } at } } }`);
    expect(errorCode(await gql(a, UPDATE, { id, input: { status: "TRIAGED" } }, liaison.token))).toBe("FORBIDDEN");
    const res = await gql(
      a,
      UPDATE,
      { id, input: { status: "TRIAGED", severity: "CRITICAL", note: "Gebeld met de buurtwerker" } },
      coord.token,
    );
    expect(res.errors).toBeUndefined();
    const timeline = res.data!.updateSignal.timeline as Array<Record<string, any>>;
    expect(timeline.map((t) => [t.kind, t.fromValue, t.toValue])).toEqual([
      ["REPORTED", null, "COORDINATION_ONLY"],
      ["STATUS_CHANGED", "NEW", "TRIAGED"],
      ["SEVERITY_CHANGED", "HIGH", "CRITICAL"],
      ["COMMENT", null, null],
    ]);
    expect(timeline.every((t) => t.author?.id === coord.user.id && typeof t.at === "string")).toBe(true);
    expect(errorCode(await gql(a, UPDATE, { id, input: {} }, coord.token))).toBe("BAD_USER_INPUT");
  });
});

describe("signalFeed", () => {
  it("test 1: a subscriber on instance B receives, within a second, a signal reported on instance A", async () => {
    const coord = await loggedIn(a, a.db.prisma, municipalityId, "COORDINATOR");
    const sub = collect(b.url, coord.token, SIGNAL_FEED, "signalFeed");
    try {
      await sub.connected();
      await waitUntil(() => b.fanout.subscriberCount() > 0, { timeoutMs: 5_000 });
      const started = Date.now();
      const res = await gql(a, REPORT, { input: reportInput(districts[1]!.id, { summary: "Spanning op het plein" }) }, coord.token);
      await sub.waitFor(1, 1_000);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(sub.events[0]).toMatchObject({
        kind: "REPORTED",
        signalId: res.data!.reportSignal.signal.id,
        signal: { summary: "Spanning op het plein" },
      });
    } finally {
      await sub.dispose();
    }
  });

  it("resumes from a cursor: everything missed, in order, then live; no duplicates", async () => {
    const coord = await loggedIn(a, a.db.prisma, municipalityId, "COORDINATOR");
    const first = collect(a.url, coord.token, SIGNAL_FEED, "signalFeed");
    await first.connected();
    await waitUntil(() => a.fanout.subscriberCount() > 0, { timeoutMs: 5_000 });
    await gql(a, REPORT, { input: reportInput(districts[0]!.id, { summary: "eerste" }) }, coord.token);
    await first.waitFor(1, 5_000);
    const cursor = first.events[0]!.cursor as string;
    await first.dispose();
    for (const s of ["tweede", "derde", "vierde"])
      await gql(a, REPORT, { input: reportInput(districts[0]!.id, { summary: s }) }, coord.token);

    const resumed = collect(b.url, coord.token, SIGNAL_FEED, "signalFeed", { after: cursor });
    try {
      await resumed.waitFor(3, 5_000);
      await gql(a, REPORT, { input: reportInput(districts[0]!.id, { summary: "vijfde" }) }, coord.token);
      await resumed.waitFor(4, 5_000);
      expect(resumed.raw.map((e) => e.signal!.summary)).toEqual(["tweede", "derde", "vierde", "vijfde"]);
    } finally {
      await resumed.dispose();
    }
  });

  it("rejects a cursor that is not one of ours with BAD_USER_INPUT", async () => {
    const coord = await loggedIn(a, a.db.prisma, municipalityId, "COORDINATOR");
    const { client } = wsConnect(a, coord.token);
    for (const after of ["nonsense", Buffer.from("e1:-1").toString("base64url"), Buffer.from("x:12").toString("base64url")]) {
      const res = await wsQuery(client, SIGNAL_FEED, { after });
      expect((res.errors?.[0] as { extensions?: Record<string, unknown> })?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    }
    await client.dispose();
  });

  it("closes a live feed with 4401 when its session is revoked, and delivers nothing after", async () => {
    const coord = await loggedIn(a, a.db.prisma, municipalityId, "COORDINATOR");
    const watcher = await loggedIn(a, a.db.prisma, municipalityId, "POLICE_LIAISON", [districts[0]!.id]);
    const { client, closed } = wsConnect(b, watcher.token);
    const got: unknown[] = [];
    client.subscribe({ query: SIGNAL_FEED.toString() }, { next: (v) => got.push(v), error: () => undefined, complete: () => undefined });
    await waitUntil(() => b.fanout.subscriberCount() > 0, { timeoutMs: 5_000 });
    await gql(a, REPORT, { input: reportInput(districts[0]!.id, { visibility: "SHARED_WITH_POLICE" }) }, coord.token);
    await waitUntil(() => got.length === 1, { timeoutMs: 5_000 });
    await gql(a, graphql(`mutation SignalsLogout { logout }`), {}, watcher.token);
    expect(await closed).toBe(4401);
    await gql(a, REPORT, { input: reportInput(districts[0]!.id, { visibility: "SHARED_WITH_POLICE" }) }, coord.token);
    await new Promise((r) => setTimeout(r, 500));
    expect(got).toHaveLength(1);
    await client.dispose();
  });

  it("is FORBIDDEN for allies and administrators", async () => {
    for (const role of ["ALLY", "ADMIN"] as const) {
      const u = await loggedIn(a, a.db.prisma, municipalityId, role, role === "ALLY" ? [districts[0]!.id] : []);
      const { client } = wsConnect(a, u.token);
      const res = await wsQuery(client, SIGNAL_FEED);
      expect((res.errors?.[0] as { extensions?: Record<string, unknown> })?.extensions?.["code"]).toBe("FORBIDDEN");
      await client.dispose();
    }
  });
});
