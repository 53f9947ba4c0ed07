import type { AlertReason, Role, Severity } from "../../generated/prisma/enums.js";

/** A user's rules with the defaults of their role filled in. */
export interface EffectiveRules {
  pushEnabled: boolean;
  emailEnabled: boolean;
  emailAfterSeconds: number;
  quietFromMinute: number | null;
  quietUntilMinute: number | null;
  pushShowsSummary: boolean;
}

export interface StoredRules {
  pushEnabled: boolean;
  emailEnabled: boolean;
  emailAfterSeconds: number | null;
  quietFromMinute: number | null;
  quietUntilMinute: number | null;
  pushShowsSummary: boolean;
}

/**
 * Defaults per role: police liaisons get push and the email fallback (they are the ones
 * who must be reached); coordinators get push, and email only for escalations (they are
 * alerted about every report, which would flood the inbox).
 */
export function effectiveRules(role: Role, stored: StoredRules | null, fallbackSeconds: number): EffectiveRules {
  if (stored) return { ...stored, emailAfterSeconds: stored.emailAfterSeconds ?? fallbackSeconds };
  return {
    pushEnabled: true,
    emailEnabled: role === "POLICE_LIAISON" || role === "COORDINATOR",
    emailAfterSeconds: fallbackSeconds,
    quietFromMinute: null,
    quietUntilMinute: null,
    pushShowsSummary: false,
  };
}

/** The coordinator's copy of every report is informational: only escalations and police alerts go by email. */
export function emailsFor(reason: AlertReason): boolean {
  return reason !== "COORDINATOR";
}

const ZONE = "Europe/Amsterdam";

/** Minutes after local midnight (Europe/Amsterdam) of `at`. */
export function localMinute(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(
    at,
  );
  const h = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  const m = Number(parts.find((p) => p.type === "minute")?.value ?? 0);
  return h * 60 + m;
}

/**
 * When a delivery due at `due` may go, given quiet hours: CRITICAL ignores them; otherwise
 * inside the quiet window it waits for its end (a window may span midnight).
 */
export function afterQuietHours(due: Date, severity: Severity, rules: Pick<EffectiveRules, "quietFromMinute" | "quietUntilMinute">): Date {
  const { quietFromMinute: from, quietUntilMinute: until } = rules;
  if (severity === "CRITICAL" || from === null || until === null || from === until) return due;
  const now = localMinute(due);
  const inside = from < until ? now >= from && now < until : now >= from || now < until;
  if (!inside) return due;
  const wait = (until - now + 1440) % 1440;
  const end = new Date(due.getTime() + wait * 60_000);
  end.setUTCSeconds(0, 0);
  return end;
}

/** "HH:MM" ⇄ minutes after midnight. */
export function parseClock(value: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
export function formatClock(minute: number | null): string | null {
  if (minute === null) return null;
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/**
 * The server POSTs to a device's endpoint, so an endpoint is accepted only on a push
 * service host of the allow-list (no request forgery into the network); plain http only
 * on loopback (a test or a local push service).
 */
export function endpointAllowed(endpoint: string, allowList: string): URL | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) return null;
  const host = url.hostname.toLowerCase();
  const ok = allowList
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
    .some((h) => (h.startsWith("*.") ? host.endsWith(h.slice(1)) : host === h));
  return ok ? url : null;
}

/** Retry delay after `attempts` tries: base, 2×base, 4×base, … */
export function retryDelay(baseMs: number, attempts: number): number {
  return baseMs * 2 ** Math.max(0, attempts - 1);
}

/** What the lock screen may show: never the situation text unless the user chose so. */
export interface PushPayload {
  /** The delivery's id: the client's key for "seen" and for showing one notification once. */
  deliveryId: string;
  alertId: string;
  title: string;
  district: string;
  kind: string;
  severity: string;
  summary?: string;
  url: string;
}
