import { DISCLOSURE_TIME_ZONE, quarterContaining, zonedMonthStart, type Period } from "../../core/disclosure.js";

export type Granularity = "MONTH" | "QUARTER";

/** At most this many periods in one answer (five years of months). */
export const MAX_PERIODS = 60;
/** The default span: the last 18 months (6 quarters). */
export const DEFAULT_MONTHS = 18;

function localYearMonth(at: Date, timeZone = DISCLOSURE_TIME_ZONE): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: n("year"), month: n("month") - 1 };
}

/** The period (month or quarter, local time) that contains `at`. */
export function periodContaining(at: Date, granularity: Granularity, timeZone = DISCLOSURE_TIME_ZONE): Period {
  if (granularity === "QUARTER") return quarterContaining(at, timeZone);
  const { year, month } = localYearMonth(at, timeZone);
  return { from: zonedMonthStart(year, month, timeZone), to: zonedMonthStart(year, month + 1, timeZone) };
}

/** The periods from `from` (a period start) up to `to` (a period start), in order. */
export function periodsBetween(from: Date, to: Date, granularity: Granularity, timeZone = DISCLOSURE_TIME_ZONE): Period[] {
  const out: Period[] = [];
  let at = from;
  while (at < to && out.length <= MAX_PERIODS) {
    const p = periodContaining(at, granularity, timeZone);
    out.push(p);
    at = p.to;
  }
  return out;
}

/** "2026-03" for a month, "2026-Q1" for a quarter (local time). */
export function periodLabel(p: Period, granularity: Granularity, timeZone = DISCLOSURE_TIME_ZONE): string {
  const { year, month } = localYearMonth(p.from, timeZone);
  return granularity === "QUARTER" ? `${year}-Q${Math.floor(month / 3) + 1}` : `${year}-${String(month + 1).padStart(2, "0")}`;
}

export type RangeDecision = { ok: true; from: Date; to: Date; periods: Period[] } | { ok: false; reason: string; code: string };

/**
 * The span a viewer may read, as whole periods. Given bounds must be period starts (never
 * widened silently: a changed span would be misread). Coordinators and admins: months or
 * quarters up to the end of the current period. Everyone else (`fixedPeriods`): whole
 * calendar quarters that have ended — quarters never overlap or nest, so no two figures can
 * be subtracted to reveal a small group (core/disclosure.ts).
 */
export function monitoringRange(
  input: { from: Date | null; to: Date | null; granularity: Granularity },
  now: Date,
  fixedPeriods: boolean,
  timeZone = DISCLOSURE_TIME_ZONE,
): RangeDecision {
  const g = input.granularity;
  if (fixedPeriods && g !== "QUARTER") {
    return { ok: false, code: "PERIOD_NOT_DISCLOSABLE", reason: "Only whole calendar quarters can be asked for." };
  }
  const current = periodContaining(now, g, timeZone);
  const latest = fixedPeriods ? current.from : current.to;
  const to = input.to ?? latest;
  let from = input.from;
  if (!from) {
    const { year, month } = localYearMonth(new Date(to.getTime() - 1), timeZone);
    from = periodContaining(zonedMonthStart(year, month - DEFAULT_MONTHS + 1, timeZone), g, timeZone).from;
  }
  const startOf = (d: Date) => periodContaining(d, g, timeZone).from.getTime() === d.getTime();
  if (!startOf(from) || !startOf(to)) {
    return {
      ok: false,
      code: "PERIOD_NOT_DISCLOSABLE",
      reason:
        g === "QUARTER"
          ? "`from` and `to` must be starts of calendar quarters (Europe/Amsterdam)."
          : "`from` and `to` must be starts of months (Europe/Amsterdam).",
    };
  }
  if (from >= to) return { ok: false, code: "PERIOD_NOT_DISCLOSABLE", reason: "`from` must be before `to`." };
  if (to > latest) {
    return {
      ok: false,
      code: "PERIOD_NOT_DISCLOSABLE",
      reason: fixedPeriods ? "Only calendar quarters that have ended can be asked for." : "The span cannot end after the current period.",
    };
  }
  const periods = periodsBetween(from, to, g, timeZone);
  if (periods.length > MAX_PERIODS) return { ok: false, code: "PERIOD_TOO_LONG", reason: `At most ${MAX_PERIODS} periods.` };
  return { ok: true, from, to, periods };
}
