/**
 * Pure rules of theme sessions: seat allocation, guests, tokens. No I/O, unit-tested in
 * test/unit/session-rules.test.ts.
 */
import { createHash, randomBytes } from "node:crypto";
import type { AgeBand, SeatStatus } from "../../generated/prisma/enums.js";
import { badInput } from "../../core/errors.js";
import { cleanText } from "../../core/text.js";

export const MAX_GUESTS = 3;
export const GUEST_LABEL_MAX = 40;
/** Age bands under 16: a guest in one needs recorded guardian consent. */
export const UNDER_16: readonly AgeBand[] = ["UNDER_12", "AGE_12_15"];

/** Youth = any age band but ADULT (the municipality's youth work runs to 27). */
export const isYouth = (band: AgeBand): boolean => band !== "ADULT";

export interface SeatClaim {
  id: string;
  ageBand: AgeBand;
  seatStatus: SeatStatus;
}

/**
 * Which waiting claims get a seat now. `claims` are the session's active claims in queue
 * order (queuedAt, id). The rule:
 * - at most `capacity` seats are confirmed;
 * - adults take at most `capacity − youthReservedSeats` of them; youth may take any seat;
 * - the waitlist is served strictly in arrival order: the first waiting claim that may take
 *   a free seat gets it. An adult is passed over only for a seat no adult may take, so
 *   nobody jumps a queue they could have been served from.
 * Confirmed seats are never taken back.
 */
export function seatsToConfirm(capacity: number, youthReservedSeats: number, claims: readonly SeatClaim[]): string[] {
  let confirmed = 0;
  let adults = 0;
  for (const c of claims) {
    if (c.seatStatus !== "CONFIRMED") continue;
    confirmed++;
    if (!isYouth(c.ageBand)) adults++;
  }
  const adultSeats = Math.max(0, capacity - youthReservedSeats);
  const promote: string[] = [];
  for (const c of claims) {
    if (confirmed >= capacity) break;
    if (c.seatStatus !== "WAITLISTED") continue;
    const youth = isYouth(c.ageBand);
    if (!youth && adults >= adultSeats) continue;
    promote.push(c.id);
    confirmed++;
    if (!youth) adults++;
  }
  return promote;
}

export interface GuestInputLike {
  label: string;
  ageBand: AgeBand;
  guardianConsent?: boolean | null;
}
export interface CleanGuest {
  label: string;
  ageBand: AgeBand;
  guardianConsent: boolean;
}

/** Minimal data only: a first name or initials and a youth age band; under 16 needs guardian consent. */
export function cleanGuests(guests: readonly GuestInputLike[]): CleanGuest[] {
  if (guests.length > MAX_GUESTS) throw badInput("guests", `At most ${MAX_GUESTS} guests.`);
  return guests.map((g, i) => {
    const label = cleanText(g.label, `guests.${i}.label`, GUEST_LABEL_MAX);
    if (!label) throw badInput(`guests.${i}.label`, "A first name or initials is required.");
    if (/[@\d]{3,}|@/.test(label)) throw badInput(`guests.${i}.label`, "Only a first name or initials, no contact details.");
    if (!isYouth(g.ageBand)) throw badInput(`guests.${i}.ageBand`, "Guests are youth: choose a youth age band.");
    if (UNDER_16.includes(g.ageBand) && !g.guardianConsent) {
      throw badInput(`guests.${i}.guardianConsent`, "A parent or guardian must agree for a guest under 16.");
    }
    return { label, ageBand: g.ageBand, guardianConsent: Boolean(g.guardianConsent) };
  });
}

const TOKEN_PREFIX = "wki_";
const TOKEN_SHAPE = /^wki_[A-Za-z0-9_-]{43}$/;

/** An invitation link token: 256 random bits; only its SHA-256 is stored. */
export function generateInvitationToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
/** Malformed tokens are rejected without a database round trip. */
export function isWellFormedInvitationToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** A self check-in code: 6 characters without look-alikes, shown on screen at the session. */
export function generateCheckInCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(6);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
}
export function hashCheckInCode(sessionId: string, code: string): string {
  return createHash("sha256").update(`${sessionId}:${code.trim().toUpperCase()}`).digest("hex");
}

// ───────────── reaching invitees ─────────────

/** How wijknet reached an invitee with their invitation (GraphQL `InvitationReach`). */
export type InvitationReach = "EMAIL_PENDING" | "EMAIL_SENT" | "EMAIL_FAILED" | "NOT_SENT" | "NO_EMAIL";

export interface DeliveryLike {
  kind: string;
  status: "PENDING" | "SENT" | "FAILED";
  createdAt: Date;
}

/**
 * The state of the latest invitation email; NO_EMAIL when the contact has no address (or
 * no longer exists), NOT_SENT when they have one but no invitation email was ever written
 * (the address was added later: renew the link to send one).
 */
export function invitationReach(hasEmail: boolean, deliveries: readonly DeliveryLike[]): InvitationReach {
  if (!hasEmail) return "NO_EMAIL";
  const latest = deliveries.filter((d) => d.kind === "INVITATION").at(-1);
  if (!latest) return "NOT_SENT";
  return latest.status === "SENT" ? "EMAIL_SENT" : latest.status === "FAILED" ? "EMAIL_FAILED" : "EMAIL_PENDING";
}

/**
 * Someone must call: wijknet cannot write to them (no address, nothing sent) and nobody has
 * called yet, or a message about the invitation failed after the last call.
 */
export function needsCall(
  contactExists: boolean,
  reach: InvitationReach,
  deliveries: readonly DeliveryLike[],
  informedByPhoneAt: Date | null,
): boolean {
  if (!contactExists) return false;
  if (reach === "NO_EMAIL" || reach === "NOT_SENT") return informedByPhoneAt === null;
  const lastFailed = deliveries.filter((d) => d.status === "FAILED").at(-1);
  if (!lastFailed) return false;
  return informedByPhoneAt === null || informedByPhoneAt < lastFailed.createdAt;
}
