import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, startTestApp } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { collect, loggedIn, MY_ALERTS, REPORT, reportInput, waitUntil } from "./support/live.js";
import { PushServiceStandIn, type PushSubscriptionStub } from "./support/push-service.js";
import { SmtpPeer } from "./support/smtp-peer.js";
import { graphql } from "./generated/index.js";

/*
 * Alert delivery against real protocol peers: a Web Push service stand-in (VAPID check,
 * aes128gcm decryption with the subscription's keys) and a real SMTP server, with two
 * server instances racing for every delivery. Other test files' apps deliver nothing
 * (ALERT_DELIVERY_INTERVAL_MS=0 in QUIET_TIMERS), so these two instances are the senders.
 */
const keys = webpush.generateVAPIDKeys();
let pushService: PushServiceStandIn;
let smtp: SmtpPeer;
let a: App;
let b: App;

beforeAll(async () => {
  [pushService, smtp] = await Promise.all([new PushServiceStandIn(keys.publicKey).start(), new SmtpPeer().start()]);
  const env = {
    VAPID_PUBLIC_KEY: keys.publicKey,
    VAPID_PRIVATE_KEY: keys.privateKey,
    VAPID_SUBJECT: "mailto:beheer@wijknet.test",
    WEB_PUSH_ENDPOINT_HOSTS: "127.0.0.1",
    ALERT_DELIVERY_INTERVAL_MS: "100",
    ALERT_DELIVERY_RETRY_BASE_MS: "50",
    ALERT_DELIVERY_MAX_ATTEMPTS: "3",
    ALERT_EMAIL_FALLBACK_SECONDS: "1",
    SMTP_URL: smtp.url,
    MAIL_FROM: "wijknet <noreply@wijknet.test>",
    PUBLIC_URL: "https://wijknet.example",
  };
  [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await Promise.all([pushService?.stop(), smtp?.stop()]);
});

const REGISTER = graphql(
  `mutation DeliveryRegister($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { id service } }`,
);
const DEVICES = graphql(`query DeliveryDevices { myPushDevices { id service lastSuccessAt } pushSettings { enabled publicKey } }`);
const REVOKE = graphql(`mutation DeliveryRevoke($id: ID!) { revokePushDevice(id: $id) }`);
const RULES = graphql(`mutation DeliveryRules($input: NotificationRulesInput!) {
  updateNotificationRules(input: $input) { pushEnabled emailEnabled emailAfterSeconds quietFrom quietUntil pushShowsSummary }
}`);
const SEEN = graphql(`mutation DeliverySeen($alertId: ID!, $channel: AlertChannel!, $key: String!) {
  markAlertSeen(alertId: $alertId, channel: $channel, dedupeKey: $key)
}`);
const SIGNAL_RECEIPTS = graphql(`query DeliverySignalReceipts($id: ID!) {
  signal(id: $id) { alerts { id recipient { id } receipts { channel device status sentAt deliveredAt seenAt acknowledgedAt failedAt failureReason attempts } } }
}`);
const HISTORY = graphql(`query DeliveryHistory { alertHistory { id signal { id } receipts { channel status seenAt } } }`);

async function world() {
  const { municipality, districts } = await createMunicipality(a.db.prisma);
  const d = districts[0]!.id;
  const coord = await loggedIn(a, a.db.prisma, municipality.id, "COORDINATOR");
  return { municipality, d, coord, districtName: districts[0]!.name };
}

async function withDevice(app: App, token: string): Promise<{ sub: PushSubscriptionStub; deviceId: string }> {
  const sub = pushService.subscribe();
  const res = await gql(app, REGISTER, { input: sub }, token);
  expect(res.errors).toBeUndefined();
  return { sub, deviceId: res.data!.registerPushDevice.id };
}

async function report(app: App, token: string, districtId: string, severity: "CRITICAL" | "HIGH" = "CRITICAL") {
  const res = await gql(app, REPORT, { input: reportInput(districtId, { severity, visibility: "SHARED_WITH_POLICE" }) }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.reportSignal.signal.id;
}

async function receipts(signalId: string, token: string, recipientId: string) {
  const res = await gql(a, SIGNAL_RECEIPTS, { id: signalId }, token);
  expect(res.errors).toBeUndefined();
  const alert = res.data!.signal!.alerts.find((x) => x.recipient.id === recipientId)!;
  return { alertId: alert.id, receipts: alert.receipts };
}

describe("alert delivery", () => {
  it("console closed: a decrypted push within 2 s, an email after the delay, a receipt for each", async () => {
    const { d, coord, districtName } = await world();
    const liaison = await loggedIn(a, a.db.prisma, coord.user.municipalityId, "POLICE_LIAISON", [d]);
    const settings = await gql(b, DEVICES, {}, liaison.token);
    expect(settings.data!.pushSettings).toEqual({ enabled: true, publicKey: keys.publicKey });
    const { sub } = await withDevice(b, liaison.token);

    const signalId = await report(a, coord.token, d);
    const [push] = await waitUntil(() => pushService.delivered(sub).length > 0 && pushService.delivered(sub), {
      timeoutMs: 5_000,
      message: () => `a push at the stand-in; got ${JSON.stringify(pushService.received.filter((r) => r.subscription === sub.endpoint))}`,
    });
    // Within 2 s of the alert's creation (same machine, same clock).
    const alertRow = await a.db.prisma.alert.findFirstOrThrow({ where: { signalId, recipientId: liaison.user.id } });
    expect(push!.at - alertRow.createdAt.getTime()).toBeLessThan(2_000);
    // Only what the lock screen may show: never the signal's text.
    expect(push!.payload).toMatchObject({ district: districtName, kind: "TENSION", severity: "CRITICAL", title: "open wijknet" });
    expect(push!.payload!["url"]).toMatch(new RegExp(`^https://wijknet\\.example/signalen/${signalId}\\?alert=`));
    expect(JSON.stringify(push!.payload)).not.toContain("winkelcentrum");
    expect(push!.headers["urgency"]).toBe("high");

    const [mail] = await waitUntil(() => smtp.to(liaison.user.email).length > 0 && smtp.to(liaison.user.email), {
      timeoutMs: 8_000,
      message: "the fallback email",
    });
    expect(mail!.data).toContain(`https://wijknet.example/signalen/${signalId}`);
    expect(mail!.data).not.toContain("winkelcentrum");

    const { alertId, receipts: rs } = await waitUntil(async () => {
      const r = await receipts(signalId, coord.token, liaison.user.id);
      return r.receipts.some((x) => x.channel === "EMAIL" && x.status === "DELIVERED") && r;
    });
    const byChannel = Object.fromEntries(rs.map((r) => [r.channel, r]));
    expect(byChannel["CONSOLE"]).toMatchObject({ status: "PENDING", deliveredAt: null });
    expect(byChannel["PUSH"]).toMatchObject({ status: "DELIVERED", device: "127.0.0.1", attempts: 1, failureReason: null });
    expect(byChannel["PUSH"]!.deliveredAt).not.toBeNull();
    expect(byChannel["EMAIL"]).toMatchObject({ status: "DELIVERED", attempts: 1 });
    // The email waited for the fallback delay (1 s here) after the alert.
    expect(new Date(byChannel["EMAIL"]!.sentAt!).getTime() - alertRow.createdAt.getTime()).toBeGreaterThanOrEqual(1_000);

    // The push click reports "seen" with its key; the same report again changes nothing.
    const first = await gql(b, SEEN, { alertId, channel: "PUSH", key: String(push!.payload!["deliveryId"]) }, liaison.token);
    expect(first.data?.markAlertSeen).toBe(true);
    const seenAt = (await receipts(signalId, coord.token, liaison.user.id)).receipts.find((r) => r.channel === "PUSH")!.seenAt;
    expect(seenAt).not.toBeNull();
    await gql(a, SEEN, { alertId, channel: "PUSH", key: String(push!.payload!["deliveryId"]) }, liaison.token);
    expect((await receipts(signalId, coord.token, liaison.user.id)).receipts.find((r) => r.channel === "PUSH")!.seenAt).toBe(seenAt);
    // The recipient's own history carries the receipts; someone else cannot mark their alert seen.
    const history = await gql(a, HISTORY, {}, liaison.token);
    expect(history.data!.alertHistory.find((h) => h.id === alertId)!.receipts.find((r) => r.channel === "PUSH")!.seenAt).toBe(seenAt);
    expect(errorCode(await gql(a, SEEN, { alertId, channel: "CONSOLE", key: "x" }, coord.token))).toBe("NOT_FOUND");
    // Exactly one push and one email for this alert, although two instances were listening.
    expect(pushService.delivered(sub)).toHaveLength(1);
    expect(smtp.to(liaison.user.email)).toHaveLength(1);
  });

  it("console open: no email", async () => {
    const { d, coord } = await world();
    const liaison = await loggedIn(a, a.db.prisma, coord.user.municipalityId, "POLICE_LIAISON", [d]);
    // The user's own rule: email after 2 s (instead of the 1 s default), push off.
    const rules = await gql(
      a,
      RULES,
      { input: { pushEnabled: false, emailEnabled: true, emailAfterSeconds: 2, pushShowsSummary: false } },
      liaison.token,
    );
    expect(rules.data!.updateNotificationRules).toMatchObject({ emailAfterSeconds: 2, pushEnabled: false, quietFrom: null });
    const feed = collect(b.url, liaison.token, MY_ALERTS, "myAlerts");
    try {
      await feed.connected();
      const signalId = await report(a, coord.token, d);
      await feed.waitFor(1, 5_000);
      const r = await waitUntil(
        async () => {
          const x = await receipts(signalId, coord.token, liaison.user.id);
          return x.receipts.find((c) => c.channel === "EMAIL" && c.status !== "PENDING") && x;
        },
        { message: "the email decision" },
      );
      expect(r.receipts.find((c) => c.channel === "EMAIL")).toMatchObject({
        status: "CANCELLED",
        failureReason: "delivered to the console",
      });
      expect(r.receipts.find((c) => c.channel === "CONSOLE")!.status).toBe("DELIVERED");
      expect(r.receipts.some((c) => c.channel === "PUSH")).toBe(false);
      expect(smtp.to(liaison.user.email)).toEqual([]);
    } finally {
      await feed.dispose();
    }
  });

  it("a 410 from the push service removes the device; a 429 is retried", async () => {
    const { d, coord } = await world();
    const liaison = await loggedIn(a, a.db.prisma, coord.user.municipalityId, "POLICE_LIAISON", [d]);
    await gql(a, RULES, { input: { pushEnabled: true, emailEnabled: false, pushShowsSummary: false } }, liaison.token);
    const gone = await withDevice(a, liaison.token);
    const busy = await withDevice(a, liaison.token);
    pushService.answer(gone.sub, 410);
    pushService.answer(busy.sub, 429);
    const signalId = await report(b, coord.token, d, "HIGH");
    await waitUntil(async () => (await gql(a, DEVICES, {}, liaison.token)).data!.myPushDevices.every((x) => x.id !== gone.deviceId), {
      message: "the expired device removed",
    });
    await waitUntil(() => pushService.delivered(busy.sub).length === 1, { message: "the retried push" });
    const { receipts: rs } = await waitUntil(async () => {
      const x = await receipts(signalId, coord.token, liaison.user.id);
      return x.receipts.filter((c) => c.channel === "PUSH" && c.status !== "PENDING").length === 2 && x;
    });
    const push = rs.filter((r) => r.channel === "PUSH");
    expect(push).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: "FAILED", device: null, failureReason: "HTTP 410: subscription gone", attempts: 1 }),
        expect.objectContaining({ status: "DELIVERED", device: "127.0.0.1", attempts: 2 }),
      ]),
    );
    const devices = (await gql(a, DEVICES, {}, liaison.token)).data!.myPushDevices;
    expect(devices.map((x) => x.id)).toEqual([busy.deviceId]);
    expect(devices[0]!.lastSuccessAt).not.toBeNull();
  });

  it("SMTP refusing: retried with backoff, FAILED after the last try and shown to the coordinator; a dropped connection is retried", async () => {
    const { d, coord } = await world();
    const refused = await loggedIn(a, a.db.prisma, coord.user.municipalityId, "POLICE_LIAISON", [d]);
    const dropped = await loggedIn(a, a.db.prisma, coord.user.municipalityId, "POLICE_LIAISON", [d]);
    smtp.refuse.add(refused.user.email.toLowerCase());
    smtp.drop.set(dropped.user.email.toLowerCase(), 1);
    const signalId = await report(a, coord.token, d);
    const failed = await waitUntil(
      async () => {
        const x = await receipts(signalId, coord.token, refused.user.id);
        return x.receipts.find((c) => c.channel === "EMAIL" && c.status === "FAILED");
      },
      { message: "the refused email FAILED" },
    );
    expect(failed).toMatchObject({ attempts: 3, failureReason: "SMTP 550" });
    expect(failed.failedAt).not.toBeNull();
    expect(smtp.to(refused.user.email)).toEqual([]);
    const ok = await waitUntil(async () => {
      const x = await receipts(signalId, coord.token, dropped.user.id);
      return x.receipts.find((c) => c.channel === "EMAIL" && c.status === "DELIVERED");
    });
    expect(ok.attempts).toBe(2);
    expect(smtp.to(dropped.user.email)).toHaveLength(1);
  });

  it("two instances, 200 alerts: each push and each email sent exactly once", async () => {
    const { d, coord } = await world();
    const liaisons = await Promise.all(
      Array.from({ length: 5 }, () => loggedIn(a, a.db.prisma, coord.user.municipalityId, "POLICE_LIAISON", [d])),
    );
    const subs = await Promise.all(liaisons.map((l, i) => withDevice(i % 2 ? a : b, l.token)));
    const signals: string[] = [];
    for (let i = 0; i < 40; i++) signals.push(await report(i % 2 ? a : b, coord.token, d));
    const alerts = await a.db.prisma.alert.findMany({ where: { signalId: { in: signals }, reason: "DISTRICT_LIAISON" } });
    expect(alerts).toHaveLength(200);
    const endpoints = new Set(subs.map((s) => s.sub.endpoint));
    const addresses = new Set(liaisons.map((l) => l.user.email.toLowerCase()));
    await waitUntil(() => pushService.received.filter((r) => endpoints.has(r.subscription) && r.status === 201).length >= 200, {
      timeoutMs: 30_000,
      message: () => `200 pushes; got ${pushService.received.filter((r) => endpoints.has(r.subscription)).length}`,
    });
    await waitUntil(() => smtp.received.filter((m) => m.to.some((t) => addresses.has(t))).length >= 200, {
      timeoutMs: 30_000,
      message: () => `200 emails; got ${smtp.received.filter((m) => m.to.some((t) => addresses.has(t))).length}`,
    });
    // Everything due has been claimed and settled: nothing further can go out.
    await waitUntil(
      async () =>
        (await a.db.prisma.alertDelivery.count({
          where: { alertId: { in: alerts.map((x) => x.id) }, status: "PENDING", channel: { not: "CONSOLE" } },
        })) === 0,
    );
    const pushes = pushService.received.filter((r) => endpoints.has(r.subscription) && r.status === 201);
    const mails = smtp.received.filter((m) => m.to.some((t) => addresses.has(t)));
    expect(pushes).toHaveLength(200);
    expect(new Set(pushes.map((p) => String(p.payload!["alertId"]))).size).toBe(200);
    expect(mails).toHaveLength(200);
    expect(new Set(mails.map((m) => m.id)).size).toBe(200);
    const rows = await a.db.prisma.alertDelivery.groupBy({
      by: ["channel", "status"],
      where: { alertId: { in: alerts.map((x) => x.id) } },
      _count: true,
    });
    expect(rows.map((r) => [r.channel, r.status, r._count]).sort()).toEqual(
      [
        ["CONSOLE", "PENDING", 200],
        ["EMAIL", "DELIVERED", 200],
        ["PUSH", "DELIVERED", 200],
      ].sort(),
    );
  }, 180_000);

  it("refuses endpoints outside the push service allow-list, and devices are the owner's alone", async () => {
    const { d, coord } = await world();
    const liaison = await loggedIn(a, a.db.prisma, coord.user.municipalityId, "POLICE_LIAISON", [d]);
    const sub = pushService.subscribe();
    const bad = await gql(a, REGISTER, { input: { ...sub, endpoint: "http://10.0.0.1/push/x" } }, liaison.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "endpoint" });
    const mine = await withDevice(a, liaison.token);
    expect(errorCode(await gql(a, REVOKE, { id: mine.deviceId }, coord.token))).toBe("NOT_FOUND");
    expect((await gql(a, REVOKE, { id: mine.deviceId }, liaison.token)).data?.revokePushDevice).toBe(true);
    expect((await gql(a, DEVICES, {}, liaison.token)).data!.myPushDevices).toEqual([]);
    expect(errorCode(await gql(a, DEVICES, {}))).toBe("UNAUTHENTICATED");
  });
});
