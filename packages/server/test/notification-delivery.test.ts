import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { createLogger } from "../src/platform/logger.js";
import type { Mailer, OutgoingMail } from "../src/platform/mail/mailer.js";
import { NotificationService } from "../src/modules/notification/notification.service.js";
import { startTestApp } from "./support/app.js";
import { createWorld, type World } from "./support/world.js";
import { PublicUrl } from "../src/platform/public-url.js";

/*
 * These tests' rows are due far in the future, so sweepers of other test files (on the real
 * clock) never claim them, and they deliver scoped to their own municipality, so they claim
 * no one else's rows. The two tests run one after the other.
 */
let smtp: SMTPServer;
let app: App;
let w: World;
const received: Array<{ from: string; to: string[]; data: string }> = [];

beforeAll(async () => {
  // A real SMTP server on loopback that keeps what it receives.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  app = await startTestApp({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: "wijknet <noreply@wijknet.test>",
    PUBLIC_URL: "https://wijknet.example",
  });
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("notification delivery", () => {
  it("sends over SMTP when SMTP_URL is set, with the link filled in and then forgotten", async () => {
    const due = new Date("2100-01-01T00:00:00Z");
    const key = `smtp-${Date.now()}`;
    await app.services.notifications.enqueue(app.db.prisma, [
      {
        municipalityId: w.municipality.id,
        kind: "INVITATION",
        recipient: "ally@example.org",
        subject: "Uitnodiging: test",
        body: "Je link: {{link}}",
        linkToken: "wki_abc",
        dueAt: due,
        dedupeKey: key,
      },
    ]);
    expect(await app.services.notifications.deliverDue(new Date(due.getTime() + 1_000), { municipalityId: w.municipality.id })).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: "noreply@wijknet.test", to: ["ally@example.org"] });
    expect(received[0]!.data).toMatch(/X-Wijknet-Kind: INVITATION/);
    expect(received[0]!.data.replace(/=\r?\n/g, "")).toContain("https://wijknet.example/rsvp/wki_abc");
    const row = await app.db.prisma.notification.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(row).toMatchObject({ status: "SENT", linkToken: null, attempts: 1 });
    // Who was notified of what: an audit row per delivery, references only.
    const audit = await app.db.prisma.auditEntry.findMany({ where: { action: "NOTIFY", entityType: "Notification", entityId: row.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ kind: "INVITATION", notificationId: row.id });
    expect(JSON.stringify(audit[0]!.details)).not.toContain("ally@example.org");
  });

  it("retries a failing delivery with backoff, then marks it FAILED", async () => {
    let failing = true;
    const sent: OutgoingMail[] = [];
    const mailer: Mailer = {
      kind: "mailbox",
      send: async (m) => {
        if (failing) throw new Error("smtp down");
        sent.push(m);
      },
      forget: async () => undefined,
      close: async () => undefined,
    };
    const service = new NotificationService({
      db: app.db.prisma,
      audit: app.services.audit,
      mailer,
      publicUrl: new PublicUrl("https://wijknet.example/"),
      instanceId: "test",
      log: createLogger(app.config),
    });
    const t0 = new Date("2200-01-01T00:00:00Z");
    const scope = { municipalityId: w.municipality.id };
    const enqueue = (key: string) =>
      service.enqueue(app.db.prisma, [
        {
          municipalityId: w.municipality.id,
          kind: "RSVP_CONFIRMED",
          recipient: "x@example.org",
          subject: "S",
          body: "Link: {{link}}",
          linkToken: "wki_tok",
          dueAt: t0,
          dedupeKey: key,
        },
      ]);
    const key = `retry-${Date.now()}`;
    expect(await enqueue(key)).toBe(1);
    expect(await enqueue(key)).toBe(0);
    const row = () => app.db.prisma.notification.findUniqueOrThrow({ where: { dedupeKey: key } });

    expect(await service.deliverDue(t0, scope)).toBe(0);
    let r = await row();
    expect(r).toMatchObject({ status: "PENDING", attempts: 1, lastError: "smtp down", lockedUntil: null });
    expect(r.dueAt.getTime()).toBe(t0.getTime() + 60_000);
    expect(await service.deliverDue(t0, scope)).toBe(0);
    expect((await row()).attempts).toBe(1);
    for (let i = 2; i <= 5; i++) await service.deliverDue((await row()).dueAt, scope);
    r = await row();
    expect(r).toMatchObject({ status: "FAILED", attempts: 5, linkToken: null });

    failing = false;
    const key2 = `${key}-2`;
    await enqueue(key2);
    expect(await service.deliverDue(t0, scope)).toBe(1);
    expect(sent.map((m) => m.text)).toEqual(["Link: https://wijknet.example/rsvp/wki_tok"]);
    expect(await app.db.prisma.notification.findUniqueOrThrow({ where: { dedupeKey: key2 } })).toMatchObject({
      status: "SENT",
      linkToken: null,
      sentBy: "test",
    });
  });
});
