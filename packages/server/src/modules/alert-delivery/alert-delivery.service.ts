import type { Db } from "../../platform/db/prisma.js";
import type { Logger } from "../../platform/logger.js";
import type { Mailer } from "../../platform/mail/mailer.js";
import type { PublicUrl } from "../../platform/public-url.js";
import type { OutboxEvent } from "../../platform/realtime/outbox.js";
import type { AlertChannel } from "../../generated/prisma/enums.js";
import type { AlertDelivery, PushDevice } from "../../generated/prisma/client.js";
import type { Viewer } from "../../core/viewer.js";
import { requireViewer } from "../../core/authz.js";
import { badInput, notFound } from "../../core/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import { signalTextFor } from "../signal/signal.policy.js";
import { alertDeliveryRepository as repo, type AlertContext, type NewDelivery } from "./alert-delivery.repository.js";
import type { PushSender } from "./alert-delivery.push.js";
import {
  afterQuietHours,
  effectiveRules,
  emailsFor,
  endpointAllowed,
  formatClock,
  parseClock,
  retryDelay,
  type EffectiveRules,
  type PushPayload,
} from "./alert-delivery.rules.js";
import { alertEmail } from "./alert-delivery.messages.js";

export interface AlertDeliveryDeps {
  db: Db;
  audit: AuditService;
  mailer: Mailer;
  publicUrl: Pick<PublicUrl, "href">;
  log: Logger;
  /** null = no VAPID keys configured: push is off. */
  push: PushSender | null;
  endpointHosts: string;
  emailFallbackSeconds: number;
  retryBaseMs: number;
  maxAttempts: number;
  now?: () => Date;
}

export interface NotificationRulesView {
  pushEnabled: boolean;
  emailEnabled: boolean;
  emailAfterSeconds: number;
  quietFrom: string | null;
  quietUntil: string | null;
  pushShowsSummary: boolean;
}

export interface NotificationRulesInput {
  pushEnabled: boolean;
  emailEnabled: boolean;
  emailAfterSeconds?: number | null | undefined;
  quietFrom?: string | null | undefined;
  quietUntil?: string | null | undefined;
  pushShowsSummary: boolean;
}

const LEASE_MS = 60_000;
const BATCH = 50;
/** The catch-up sweep plans alerts of the last day that no instance planned (an instance was down). */
const PLAN_LOOKBACK_MS = 24 * 3_600_000;
const MAX_KEY = 100;
/** How long new alerts wait before they are planned and pushed (see `onOutboxEvents`). */
const PLAN_DELAY_MS = 250;
/** A push that cannot reach the phone within this long is moot: the email fallback and escalation take over. */
const PUSH_TTL_SECONDS = 3_600;

/**
 * Delivery of alerts beyond the live console: Web Push to the recipient's devices and the
 * email fallback, with a receipt per alert, channel and device.
 *
 * Every instance follows the outbox: an ALERT_RAISED event plans the alert's deliveries
 * (rows with a unique (alert, channel, target) key, so planning twice is harmless) and
 * sends what is due at once, which puts a push at the push service within the outbox's
 * wake-up time (a doorbell ring, at worst the outbox poll). Sending claims rows with
 * `FOR UPDATE SKIP LOCKED` under a lease: one sender per row across instances. The timed
 * job retries with backoff, sends the email fallback when it is due and plans alerts an
 * instance missed.
 */
export class AlertDeliveryService {
  private readonly now: () => Date;
  private running: Promise<number> | null = null;
  private readonly pendingPlan = new Set<string>();
  private planTimer: NodeJS.Timeout | null = null;
  private again = false;

  constructor(private readonly deps: AlertDeliveryDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  // ─── devices and rules (the viewer's own) ───

  pushSettings(viewerInput: Viewer | null): { enabled: boolean; publicKey: string | null } {
    requireViewer(viewerInput);
    return { enabled: this.deps.push !== null, publicKey: this.deps.push?.publicKey ?? null };
  }

  async myDevices(viewerInput: Viewer | null): Promise<PushDevice[]> {
    const viewer = requireViewer(viewerInput);
    return repo.findDevicesOfUsers(this.deps.db, [viewer.userId]);
  }

  async registerDevice(
    viewerInput: Viewer | null,
    input: { endpoint: string; p256dh: string; auth: string },
    requestId: string,
  ): Promise<PushDevice> {
    const viewer = requireViewer(viewerInput);
    if (!this.deps.push) throw badInput("endpoint", "Push notifications are not configured on this server.");
    if (input.endpoint.length > 2_000) throw badInput("endpoint", "Too long.");
    const url = endpointAllowed(input.endpoint, this.deps.endpointHosts);
    if (!url) throw badInput("endpoint", "Not a known push service.");
    // P-256 public key (65 bytes) and the 16-byte auth secret, base64url (RFC 8291 §3).
    if (!/^[A-Za-z0-9_-]{86,88}={0,2}$/.test(input.p256dh)) throw badInput("p256dh", "Not a P-256 public key.");
    if (!/^[A-Za-z0-9_-]{22,24}={0,2}$/.test(input.auth)) throw badInput("auth", "Not an auth secret.");
    return this.deps.db.$transaction(async (tx) => {
      const device = await repo.upsertDevice(tx, {
        userId: viewer.userId,
        endpoint: input.endpoint,
        p256dh: input.p256dh.replace(/=+$/, ""),
        auth: input.auth.replace(/=+$/, ""),
        service: url.hostname,
      });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "PushDevice",
        entityId: device.id,
        requestId,
        details: { service: device.service },
      });
      return device;
    });
  }

  async revokeDevice(viewerInput: Viewer | null, id: string, requestId: string): Promise<boolean> {
    const viewer = requireViewer(viewerInput);
    return this.deps.db.$transaction(async (tx) => {
      const device = await repo.findDevice(tx, id);
      // Someone else's device does not exist for you.
      if (!device || device.userId !== viewer.userId) throw notFound("PushDevice");
      await repo.deleteDevice(tx, id);
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "DELETE",
        entityType: "PushDevice",
        entityId: id,
        requestId,
      });
      return true;
    });
  }

  async myRules(viewerInput: Viewer | null): Promise<NotificationRulesView> {
    const viewer = requireViewer(viewerInput);
    const [stored] = await repo.findRules(this.deps.db, [viewer.userId]);
    return rulesView(effectiveRules(viewer.role, stored ?? null, this.deps.emailFallbackSeconds));
  }

  async updateRules(viewerInput: Viewer | null, input: NotificationRulesInput, requestId: string): Promise<NotificationRulesView> {
    const viewer = requireViewer(viewerInput);
    const after = input.emailAfterSeconds ?? null;
    if (after !== null && (after < 0 || after > 86_400)) throw badInput("emailAfterSeconds", "Between 0 and 86400.");
    const from = input.quietFrom ? parseClock(input.quietFrom) : null;
    const until = input.quietUntil ? parseClock(input.quietUntil) : null;
    if (input.quietFrom && from === null) throw badInput("quietFrom", "HH:MM");
    if (input.quietUntil && until === null) throw badInput("quietUntil", "HH:MM");
    if ((from === null) !== (until === null)) throw badInput(from === null ? "quietFrom" : "quietUntil", "Both or neither.");
    const stored = await this.deps.db.$transaction(async (tx) => {
      const row = await repo.upsertRule(tx, viewer.userId, {
        pushEnabled: input.pushEnabled,
        emailEnabled: input.emailEnabled,
        emailAfterSeconds: after,
        quietFromMinute: from,
        quietUntilMinute: until,
        pushShowsSummary: input.pushShowsSummary,
      });
      await this.deps.audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "NotificationRule",
        entityId: viewer.userId,
        requestId,
      });
      return row;
    });
    return rulesView(effectiveRules(viewer.role, stored, this.deps.emailFallbackSeconds));
  }

  /** The recipient reports they saw their alert (console or push click); repeats are no-ops. */
  async markSeen(viewerInput: Viewer | null, alertId: string, channel: AlertChannel, dedupeKey: string): Promise<boolean> {
    const viewer = requireViewer(viewerInput);
    if (!dedupeKey || dedupeKey.length > MAX_KEY) throw badInput("dedupeKey", `1 to ${MAX_KEY} characters.`);
    if (channel === "EMAIL") throw badInput("channel", "Email cannot report that it was seen.");
    const [ctx] = await repo.findAlertContexts(this.deps.db, [alertId]);
    // Only the recipient sees their alert; anyone else's does not exist for them.
    if (!ctx || ctx.recipientId !== viewer.userId) throw notFound("Alert");
    await this.plan([alertId]);
    await repo.markSeen(this.deps.db, alertId, channel, dedupeKey, this.now());
    return true;
  }

  // ─── planning ───

  /** The outbox listener: every instance plans new alerts and sends what is due at once. */
  async onOutboxEvents(events: readonly OutboxEvent[]): Promise<void> {
    const ids = events.filter((e) => e.topic === "alert" && e.type === "ALERT_RAISED").map((e) => e.entityId);
    if (ids.length === 0) return;
    for (const id of ids) this.pendingPlan.add(id);
    // Off the outbox reader's path and a moment later: the live feeds deliver the same events
    // first (the console is the fastest channel), and a burst of alerts is planned in one go.
    this.planTimer ??= setTimeout(() => {
      this.planTimer = null;
      const batch = [...this.pendingPlan];
      this.pendingPlan.clear();
      void this.plan(batch)
        .then(() => this.deliverDue())
        .catch((err: Error) => this.deps.log.warn({ err: err.message }, "alert delivery failed; the sweep retries"));
    }, PLAN_DELAY_MS);
    this.planTimer.unref();
  }

  /** Writes the delivery rows of these alerts (idempotent: the unique key). */
  async plan(alertIds: readonly string[]): Promise<number> {
    const contexts = await repo.findAlertContexts(this.deps.db, alertIds);
    if (contexts.length === 0) return 0;
    const recipients = [...new Set(contexts.map((c) => c.recipientId))];
    const [devices, rules] = await Promise.all([
      repo.findDevicesOfUsers(this.deps.db, recipients),
      repo.findRules(this.deps.db, recipients),
    ]);
    const rows: NewDelivery[] = [];
    for (const c of contexts) {
      const rule = effectiveRules(c.role, rules.find((r) => r.userId === c.recipientId) ?? null, this.deps.emailFallbackSeconds);
      // The CONSOLE row marks the alert as planned and carries the console's "seen".
      rows.push({ alertId: c.alertId, channel: "CONSOLE", target: "", deviceId: null, dueAt: c.createdAt });
      if (!c.recipientActive || c.acknowledgedAt) continue;
      if (rule.pushEnabled) {
        const due = afterQuietHours(c.createdAt, c.severity, rule);
        for (const d of devices.filter((x) => x.userId === c.recipientId)) {
          rows.push({ alertId: c.alertId, channel: "PUSH", target: d.id, deviceId: d.id, dueAt: due });
        }
      }
      if (rule.emailEnabled && emailsFor(c.reason)) {
        const due = afterQuietHours(new Date(c.createdAt.getTime() + rule.emailAfterSeconds * 1_000), c.severity, rule);
        rows.push({ alertId: c.alertId, channel: "EMAIL", target: "", deviceId: null, dueAt: due });
      }
    }
    return repo.createDeliveries(this.deps.db, rows);
  }

  // ─── sending ───

  /**
   * The job: plans alerts no instance planned yet, then sends every due push and email.
   * Runs of this instance never overlap; a call during a run causes one more run.
   */
  async sweep(now: Date = this.now()): Promise<number> {
    const missed = await repo.findUnplannedAlertIds(this.deps.db, new Date(now.getTime() - PLAN_LOOKBACK_MS), 500);
    if (missed.length > 0) await this.plan(missed);
    return this.deliverDue();
  }

  deliverDue(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = (async () => {
      let total = 0;
      do {
        this.again = false;
        total += await this.deliverOnce();
      } while (this.again);
      return total;
    })();
    this.running = run;
    return run.finally(() => {
      this.running = null;
    });
  }

  private async deliverOnce(): Promise<number> {
    let sent = 0;
    for (;;) {
      // An instance without VAPID keys leaves push rows to one that has them.
      const channels: AlertChannel[] = this.deps.push ? ["PUSH", "EMAIL"] : ["EMAIL"];
      const claimed = await repo.claimDue(this.deps.db, this.now(), LEASE_MS, BATCH, channels);
      if (claimed.length === 0) return sent;
      const contexts = await repo.findAlertContexts(
        this.deps.db,
        claimed.map((d) => d.alertId),
      );
      const byAlert = new Map(contexts.map((c) => [c.alertId, c]));
      const results = await Promise.all(
        claimed.map(async (d) => {
          try {
            const ctx = byAlert.get(d.alertId);
            if (!ctx) {
              await repo.markCancelled(this.deps.db, d.id, "alert gone");
              return false;
            }
            return d.channel === "PUSH" ? await this.sendPush(d, ctx) : await this.sendEmail(d, ctx);
          } catch (err) {
            this.deps.log.error({ deliveryId: d.id, err: (err as Error).message }, "alert delivery crashed");
            return false;
          }
        }),
      );
      sent += results.filter(Boolean).length;
      if (claimed.length < BATCH) return sent;
    }
  }

  private async sendPush(d: AlertDelivery, ctx: AlertContext): Promise<boolean> {
    const push = this.deps.push;
    const device = d.deviceId ? await repo.findDevice(this.deps.db, d.deviceId) : null;
    if (!push || !device || device.userId !== ctx.recipientId) {
      await repo.markCancelled(this.deps.db, d.id, push ? "device removed" : "push off");
      return false;
    }
    if (ctx.acknowledgedAt) {
      await repo.markCancelled(this.deps.db, d.id, "acknowledged");
      return false;
    }
    const [rule] = await repo.findRules(this.deps.db, [ctx.recipientId]);
    const rules = effectiveRules(ctx.role, rule ?? null, this.deps.emailFallbackSeconds);
    const payload = this.pushPayload(d, ctx, rules);
    const sentAt = this.now();
    let status: number;
    let retryAfter: number | null = null;
    try {
      const res = await push.send(device, JSON.stringify(payload), {
        ttlSeconds: PUSH_TTL_SECONDS,
        urgency: ctx.severity === "CRITICAL" || ctx.severity === "HIGH" ? "high" : "normal",
        // One notification per alert at the push service: a resend replaces, never doubles.
        topic: ctx.alertId.replace(/-/g, ""),
      });
      status = res.status;
      retryAfter = res.retryAfterSeconds;
    } catch (err) {
      return this.retryOrFail(d, sentAt, `network ${(err as Error).name}`, null);
    }
    if (status >= 200 && status < 300) {
      await this.deps.db.$transaction(async (tx) => {
        await repo.markDelivered(tx, d.id, sentAt, this.now());
        await repo.touchDevice(tx, device.id, this.now());
        await this.auditSent(tx, d, ctx);
      });
      return true;
    }
    if (status === 404 || status === 410) {
      // The subscription expired or was withdrawn in the browser: the device is gone for good.
      await this.deps.db.$transaction(async (tx) => {
        await repo.markFailed(tx, d.id, sentAt, this.now(), `HTTP ${status}: subscription gone`);
        await repo.deleteDevice(tx, device.id);
      });
      this.deps.log.info({ deviceId: device.id, status }, "push subscription gone: device removed");
      return false;
    }
    const permanent = status >= 400 && status < 500 && status !== 429 && status !== 408;
    if (permanent) {
      await repo.markFailed(this.deps.db, d.id, sentAt, this.now(), `HTTP ${status}`);
      return false;
    }
    return this.retryOrFail(d, sentAt, `HTTP ${status}`, retryAfter);
  }

  private pushPayload(d: AlertDelivery, ctx: AlertContext, rules: EffectiveRules): PushPayload {
    const payload: PushPayload = {
      deliveryId: d.id,
      alertId: ctx.alertId,
      title: "open wijknet",
      district: ctx.districtName,
      kind: ctx.kind,
      severity: ctx.severity,
      url: `${this.deps.publicUrl.href}/signalen/${ctx.signalId}?alert=${ctx.alertId}`,
    };
    if (rules.pushShowsSummary) {
      // Police read flagged text only as reworded (the same rule as on the signal page).
      const view = ctx.role === "COORDINATOR" ? "full" : "police";
      const summary = signalTextFor(view, ctx, "summary");
      if (summary) payload.summary = summary;
    }
    return payload;
  }

  private async sendEmail(d: AlertDelivery, ctx: AlertContext): Promise<boolean> {
    // The fallback is for alerts that reached nobody: acknowledged or seen live = not needed.
    if (ctx.acknowledgedAt) {
      await repo.markCancelled(this.deps.db, d.id, "acknowledged");
      return false;
    }
    if (ctx.deliveredAt) {
      await repo.markCancelled(this.deps.db, d.id, "delivered to the console");
      return false;
    }
    if (!ctx.recipientActive) {
      await repo.markCancelled(this.deps.db, d.id, "account not active");
      return false;
    }
    const sentAt = this.now();
    const mail = alertEmail(ctx, `${this.deps.publicUrl.href}/signalen/${ctx.signalId}?alert=${ctx.alertId}`);
    try {
      await this.deps.mailer.send({ id: d.id, kind: "ALERT", to: ctx.email, subject: mail.subject, text: mail.text });
    } catch (err) {
      return this.retryOrFail(d, sentAt, smtpReason(err), null);
    }
    await this.deps.db.$transaction(async (tx) => {
      await repo.markDelivered(tx, d.id, sentAt, this.now());
      await this.auditSent(tx, d, ctx);
    });
    return true;
  }

  private async retryOrFail(d: AlertDelivery, sentAt: Date, reason: string, retryAfterSeconds: number | null): Promise<false> {
    const final = d.attempts >= this.deps.maxAttempts;
    this.deps.log.warn({ deliveryId: d.id, channel: d.channel, attempts: d.attempts, final, reason }, "alert delivery failed");
    if (final) {
      await repo.markFailed(this.deps.db, d.id, sentAt, this.now(), reason);
    } else {
      const wait = Math.max(retryDelay(this.deps.retryBaseMs, d.attempts), (retryAfterSeconds ?? 0) * 1_000);
      await repo.markRetry(this.deps.db, d.id, sentAt, new Date(this.now().getTime() + wait), reason);
    }
    return false;
  }

  /** "Who was notified of what, how": references only. */
  private auditSent(tx: Parameters<AuditService["record"]>[0], d: AlertDelivery, ctx: AlertContext) {
    return this.deps.audit.record(tx, {
      municipalityId: ctx.municipalityId,
      actorId: null,
      actorRole: null,
      action: "NOTIFY",
      entityType: "Alert",
      entityId: ctx.alertId,
      details: { channel: d.channel, deliveryId: d.id, deviceId: d.deviceId, signalId: ctx.signalId },
    });
  }
}

/** The SMTP answer's code, never its text (which may quote the address). */
function smtpReason(err: unknown): string {
  const e = err as { responseCode?: number; code?: string; name?: string };
  if (typeof e.responseCode === "number") return `SMTP ${e.responseCode}`;
  return `SMTP ${e.code ?? e.name ?? "error"}`;
}

function rulesView(r: EffectiveRules): NotificationRulesView {
  return {
    pushEnabled: r.pushEnabled,
    emailEnabled: r.emailEnabled,
    emailAfterSeconds: r.emailAfterSeconds,
    quietFrom: formatClock(r.quietFromMinute),
    quietUntil: formatClock(r.quietUntilMinute),
    pushShowsSummary: r.pushShowsSummary,
  };
}
