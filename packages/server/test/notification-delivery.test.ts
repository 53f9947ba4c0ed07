import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import type { Mailer, OutgoingMail } from "../src/modules/notification/notification.mailer.js";
import { NotificationService } from "../src/modules/notification/notification.service.js";
import { createLogger } from "../src/logger.js";
import { startTestApp } from "./support/app.js";
import { createWorld, type World } from "./support/world.js";

let app: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

describe("notification delivery", () => {
  it("retries a failing delivery with backoff, then marks it FAILED; a later success clears the link token", async () => {
    let failing = true;
    const sent: OutgoingMail[] = [];
    const mailer: Mailer = { kind: "mailbox", send: async (m) => { if (failing) throw new Error("smtp down"); sent.push(m); }, close: async () => undefined };
    const service = new NotificationService({ db: app.db.prisma, mailer, publicUrl: "https://wijknet.example/", instanceId: "test", log: createLogger(app.config) });
    // Due in the year 2000, and the clock passed in stays there: only these rows are claimed,
    // never another test's.
    const t0 = new Date("2000-01-01T00:00:00Z");
    const enqueue = (key: string) => service.enqueue(app.db.prisma, [{
      municipalityId: w.municipality.id, kind: "RSVP_CONFIRMED", recipient: "x@example.org", subject: "S", body: "Link: {{link}}", linkToken: "wki_tok", dueAt: t0, dedupeKey: key,
    }]);
    const key = `test-${Date.now()}`;
    expect(await enqueue(key)).toBe(1);
    expect(await enqueue(key)).toBe(0);
    const row = () => app.db.prisma.notification.findUniqueOrThrow({ where: { dedupeKey: key } });

    expect(await service.deliverDue(t0)).toBe(0);
    let r = await row();
    expect(r).toMatchObject({ status: "PENDING", attempts: 1, lastError: "smtp down", lockedUntil: null });
    expect(r.dueAt.getTime()).toBe(t0.getTime() + 60_000);
    expect(await service.deliverDue(t0)).toBe(0);
    expect((await row()).attempts).toBe(1);
    let clock = t0;
    for (let i = 2; i <= 5; i++) {
      clock = (await row()).dueAt;
      await service.deliverDue(clock);
    }
    r = await row();
    expect(r).toMatchObject({ status: "FAILED", attempts: 5, linkToken: null });

    failing = false;
    const key2 = `${key}-2`;
    await enqueue(key2);
    expect(await service.deliverDue(t0)).toBe(1);
    expect(sent.map((m) => m.text)).toEqual(["Link: https://wijknet.example/rsvp/wki_tok"]);
    expect(await app.db.prisma.notification.findUniqueOrThrow({ where: { dedupeKey: key2 } })).toMatchObject({ status: "SENT", linkToken: null, sentBy: "test" });
  });
});
