import type { Role } from "../generated/prisma/enums.js";

/**
 * Statistical disclosure control: the one place that decides how a count of people may be
 * shown. Pure functions, unit-tested (test/unit/disclosure.test.ts).
 *
 * 1. **Primary suppression.** A count below `SUPPRESSION_THRESHOLD` (0–4) could point at an
 *    individual: it is hidden, and so is any share computed from it.
 * 2. **Complementary suppression.** Where cells add up to a total a reader can learn (a
 *    breakdown by age band next to a network's member count), one hidden cell could be
 *    recovered by subtraction. `suppressCells` hides further cells (smallest first) until
 *    at least two are hidden and together they hold at least the threshold.
 * 3. **Periods that cannot be differenced.** Counts over a period (new members, attendees)
 *    for two overlapping periods give their difference. Anyone but a coordinator or an
 *    admin may only ask for one whole, ended calendar quarter (Europe/Amsterdam): quarters
 *    never overlap and never nest, so no two allowed periods can be subtracted.
 *
 * Coordinators and admins run the networks and see their own exact counts of members and
 * seats (`readsExactCounts`); the dashboard suppresses small counts for them too.
 */
export const SUPPRESSION_THRESHOLD = 5;

export interface SuppressedCount {
  value: number | null;
  suppressed: boolean;
}

export function suppress(count: number, threshold = SUPPRESSION_THRESHOLD): SuppressedCount {
  return count < threshold ? { value: null, suppressed: true } : { value: count, suppressed: false };
}

/** part / whole, or null when either side is suppressed or the whole is empty. */
export function suppressedShare(part: number, whole: number, threshold = SUPPRESSION_THRESHOLD): number | null {
  if (part < threshold || whole < threshold || whole === 0) return null;
  return Math.round((part / whole) * 1000) / 1000;
}

/**
 * Cells of a breakdown whose total may be known: primary suppression, then complementary
 * suppression (smallest visible cell first) until the hidden cells cannot be recovered,
 * i.e. none or at least two are hidden and together they hold at least the threshold.
 * When that cannot be reached every cell is hidden.
 */
export function suppressCells(counts: readonly number[], threshold = SUPPRESSION_THRESHOLD): SuppressedCount[] {
  const hidden = counts.map((c) => c < threshold);
  const safe = () => {
    const h = counts.filter((_, i) => hidden[i]);
    return h.length === 0 || (h.length >= 2 && h.reduce((a, b) => a + b, 0) >= threshold);
  };
  while (!safe()) {
    let next = -1;
    for (let i = 0; i < counts.length; i++) if (!hidden[i] && (next < 0 || counts[i]! < counts[next]!)) next = i;
    if (next < 0) break;
    hidden[next] = true;
  }
  return counts.map((c, i) => (hidden[i] ? { value: null, suppressed: true } : { value: c, suppressed: false }));
}

/**
 * A count of a subgroup shown next to the count of the whole group: also hidden when the
 * rest (whole − part) is 1–4 people, which subtraction would otherwise reveal.
 */
export function suppressPart(part: number, whole: number, threshold = SUPPRESSION_THRESHOLD): SuppressedCount {
  const rest = whole - part;
  return rest > 0 && rest < threshold ? { value: null, suppressed: true } : suppress(part, threshold);
}

/** Who reads exact counts of people (members, seats): the municipality-wide roles. */
export function readsExactCounts(role: Role): boolean {
  return role === "COORDINATOR" || role === "ADMIN";
}

/** A bare count for a viewer: exact for coordinators and admins, null below the threshold for anyone else. */
export function countFor(role: Role, count: number, threshold = SUPPRESSION_THRESHOLD): number | null {
  return readsExactCounts(role) || count >= threshold ? count : null;
}

export const DISCLOSURE_TIME_ZONE = "Europe/Amsterdam";

/** The UTC instant of local midnight on the first day of `month` (0–11) of `year` in `timeZone`. */
export function zonedMonthStart(year: number, month: number, timeZone = DISCLOSURE_TIME_ZONE): Date {
  const guess = Date.UTC(year, month, 1);
  // The zone's offset at that moment (twice: the offset can differ either side of a DST change).
  let at = guess;
  for (let i = 0; i < 2; i++) at = guess - offsetMs(new Date(at), timeZone);
  return new Date(at);
}

function offsetMs(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return local - Math.floor(date.getTime() / 1000) * 1000;
}

export interface Period {
  from: Date;
  to: Date;
}

/** The calendar quarter (local time) that contains `at`. */
export function quarterContaining(at: Date, timeZone = DISCLOSURE_TIME_ZONE): Period {
  const local = new Date(at.getTime() + offsetMs(at, timeZone));
  const year = local.getUTCFullYear();
  const q = Math.floor(local.getUTCMonth() / 3);
  return { from: zonedMonthStart(year, q * 3, timeZone), to: zonedMonthStart(year, q * 3 + 3, timeZone) };
}

/** The last calendar quarter that has ended by `now`. */
export function lastEndedQuarter(now: Date, timeZone = DISCLOSURE_TIME_ZONE): Period {
  const current = quarterContaining(now, timeZone);
  return quarterContaining(new Date(current.from.getTime() - 1), timeZone);
}

export type PeriodDecision = { ok: true; period: Period } | { ok: false; reason: string };

/**
 * The period a non-coordinator may read: exactly one whole calendar quarter that has
 * ended; none given means the last ended quarter. Anything else is refused (not widened:
 * a silently changed period would be misread).
 */
export function disclosablePeriod(from: Date | null, to: Date | null, now: Date, timeZone = DISCLOSURE_TIME_ZONE): PeriodDecision {
  if (from === null && to === null) return { ok: true, period: lastEndedQuarter(now, timeZone) };
  if (from === null || to === null) return { ok: false, reason: "Give both `from` and `to`: one whole calendar quarter." };
  const q = quarterContaining(from, timeZone);
  if (q.from.getTime() !== from.getTime() || q.to.getTime() !== to.getTime()) {
    return { ok: false, reason: "Only one whole calendar quarter (Europe/Amsterdam) can be asked for." };
  }
  if (q.to.getTime() > now.getTime()) return { ok: false, reason: "Only a calendar quarter that has ended can be asked for." };
  return { ok: true, period: q };
}
