import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, startTestApp } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { collect, loggedIn, MY_ALERTS, REPORT, reportInput, settle } from "./support/live.js";
import { graphql } from "./generated/index.js";

// Two instances sweeping every 100 ms with a 1 s escalation time: they race for the
// same due alerts, and each escalation must still happen exactly once.
// CRITICAL escalates fast (the escalation test); HIGH leaves the acknowledgement test time to ack
// before its escalation would be due, also on a loaded machine.
const FAST = { ALERT_ESCALATE_AFTER: "CRITICAL:1s,HIGH:4s,MEDIUM:1s,LOW:off", ESCALATION_SWEEP_INTERVAL_MS: "100" };
let a: App;
let b: App;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestApp(FAST), startTestApp(FAST)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const ACK = graphql(
  `mutation AlertsAcknowledge($id: ID!, $c: String) { acknowledgeAlert(id: $id, comment: $c) { id acknowledgedAt acknowledgeComment escalatesAt } }`,
);
const HISTORY = graphql(
  `query AlertsHistory { alertHistory { id reason escalationLevel createdAt deliveredAt acknowledgedAt signal { id } } }`,
);

async function setup() {
  const { municipality, districts } = await createMunicipality(a.db.prisma);
  const d = districts[0]!.id;
  const coord = await loggedIn(a, a.db.prisma, municipality.id, "COORDINATOR");
  const primary = await loggedIn(a, a.db.prisma, municipality.id, "POLICE_LIAISON", [d]);
  const backup = await loggedIn(a, a.db.prisma, municipality.id, "POLICE_LIAISON", [d], { isBackup: true });
  return { municipality, d, districts, coord, primary, backup };
}

describe("alerts", () => {
  it("escalate when nobody acknowledges: other liaisons, then the coordinator, exactly once each", async () => {
    const { d, coord, primary, backup } = await setup();
    const subs = [
      collect(a.url, primary.token, MY_ALERTS, "myAlerts"),
      collect(b.url, backup.token, MY_ALERTS, "myAlerts"),
      collect(a.url, coord.token, MY_ALERTS, "myAlerts"),
    ];
    try {
      await Promise.all(subs.map((s) => s.connected()));
      await settle(300);
      const res = await gql(a, REPORT, { input: reportInput(d, { severity: "CRITICAL", visibility: "SHARED_WITH_POLICE" }) }, coord.token);
      const signalId = res.data!.reportSignal.signal.id as string;
      const [p, bk, c] = subs as [(typeof subs)[0], (typeof subs)[0], (typeof subs)[0]];
      await p.waitFor(1, 3_000);
      expect(p.events[0]!.alert).toMatchObject({ reason: "DISTRICT_LIAISON", escalationLevel: 0 });
      expect(bk.events).toEqual([]);
      await bk.waitFor(1, 5_000);
      expect(bk.events[0]!.alert).toMatchObject({ reason: "ESCALATION_BACKUP", escalationLevel: 1, signal: { id: signalId } });
      await c.waitFor(1, 5_000);
      expect(c.events[0]!.alert).toMatchObject({ reason: "ESCALATION_COORDINATOR", escalationLevel: 2 });
      await settle(1_500);
      const rows = await a.db.prisma.alert.findMany({ where: { signalId }, orderBy: { escalationLevel: "asc" } });
      expect(rows.map((r) => [r.recipientId, r.reason])).toEqual([
        [primary.user.id, "DISTRICT_LIAISON"],
        [backup.user.id, "ESCALATION_BACKUP"],
        [coord.user.id, "ESCALATION_COORDINATOR"],
      ]);
      expect(rows.every((r) => r.escalateAt === null)).toBe(true);
      expect(
        await a.db.prisma.auditEntry.count({ where: { action: "NOTIFY", entityType: "Alert", entityId: { in: rows.map((r) => r.id) } } }),
      ).toBe(3);

      // "Why was I paged": the backup's history says it was an escalation, and when it arrived.
      const history = await gql(a, HISTORY, {}, backup.token);
      expect(history.data!.alertHistory).toHaveLength(1);
      expect(history.data!.alertHistory[0]).toMatchObject({ reason: "ESCALATION_BACKUP", escalationLevel: 1, signal: { id: signalId } });
    } finally {
      await Promise.all(subs.map((s) => s.dispose()));
    }
  });

  it("acknowledging stops escalation; the comment reaches the coordinator and the other liaisons", async () => {
    const { d, coord, primary, backup } = await setup();
    const primary2 = await loggedIn(
      a,
      a.db.prisma,
      (await a.db.prisma.district.findUniqueOrThrow({ where: { id: d } })).municipalityId,
      "POLICE_LIAISON",
      [d],
    );
    const subs = [
      collect(a.url, primary.token, MY_ALERTS, "myAlerts"),
      collect(b.url, primary2.token, MY_ALERTS, "myAlerts"),
      collect(b.url, backup.token, MY_ALERTS, "myAlerts"),
    ];
    try {
      await Promise.all(subs.map((s) => s.connected()));
      await settle(300);
      const res = await gql(a, REPORT, { input: reportInput(d, { severity: "HIGH", visibility: "SHARED_WITH_POLICE" }) }, coord.token);
      const signalId = res.data!.reportSignal.signal.id as string;
      const [p, p2, bk] = subs as [(typeof subs)[0], (typeof subs)[0], (typeof subs)[0]];
      await p.waitFor(1, 3_000);
      const alertId = p.events[0]!.alert.id as string;
      expect(errorCode(await gql(a, ACK, { id: alertId, c: "x" }, primary2.token))).toBe("NOT_FOUND"); // not theirs
      const ack = await gql(b, ACK, { id: alertId, c: "Collega's onderweg" }, primary.token);
      expect(ack.data!.acknowledgeAlert).toMatchObject({ acknowledgeComment: "Collega's onderweg", escalatesAt: null });
      expect(errorCode(await gql(b, ACK, { id: alertId }, primary.token))).toBe("CONFLICT");
      await p2.waitFor(2, 3_000);
      expect(p2.events[1]).toMatchObject({ kind: "ACKNOWLEDGED", acknowledged: { id: alertId, acknowledgeComment: "Collega's onderweg" } });
      await settle(5_000); // well past the 4 s escalation time
      expect(bk.events).toEqual([]);
      expect(await a.db.prisma.alert.count({ where: { signalId, reason: { in: ["ESCALATION_BACKUP", "ESCALATION_COORDINATOR"] } } })).toBe(
        0,
      );
      const coordView = await gql(
        a,
        graphql(
          `query AlertsSignalTimeline($id: ID!) { signal(id: $id) { timeline { kind note author { id } } alerts { recipient { id } acknowledgeComment } } }`,
        ),
        { id: signalId },
        coord.token,
      );
      expect(coordView.data!.signal!.timeline.at(-1)).toEqual({
        kind: "ALERT_ACKNOWLEDGED",
        note: "Collega's onderweg",
        author: { id: primary.user.id },
      });
      // Delivery receipt: the alert reached a live connection (written in batches, long done by now).
      const delivered = await a.db.prisma.alert.findUniqueOrThrow({ where: { id: alertId } });
      expect(delivered.deliveredAt).toBeInstanceOf(Date);
    } finally {
      await Promise.all(subs.map((s) => s.dispose()));
    }
  });

  it("re-routes police alerts when the coordinator shares a signal or moves it to another district", async () => {
    const { d, districts, coord, municipality } = await setup();
    const other = districts[1]!.id;
    const otherLiaison = await loggedIn(a, a.db.prisma, municipality.id, "POLICE_LIAISON", [other]);
    const res = await gql(a, REPORT, { input: reportInput(d, { severity: "LOW" }) }, coord.token);
    const id = res.data!.reportSignal.signal.id as string;
    expect(await a.db.prisma.alert.count({ where: { signalId: id } })).toBe(0); // coordination only, reported by the coordinator
    const UPDATE = graphql(
      `mutation AlertsUpdateSignal($id: ID!, $input: UpdateSignalInput!) { updateSignal(id: $id, input: $input) { id } }`,
    );
    await gql(a, UPDATE, { id, input: { visibility: "SHARED_WITH_POLICE" } }, coord.token);
    expect(await a.db.prisma.alert.count({ where: { signalId: id, reason: "DISTRICT_LIAISON" } })).toBe(1);
    await gql(a, UPDATE, { id, input: { districtId: other } }, coord.token);
    expect(
      await a.db.prisma.alert.findMany({ where: { signalId: id, recipientId: otherLiaison.user.id }, select: { reason: true } }),
    ).toEqual([{ reason: "DISTRICT_LIAISON" }]);
  });
});
