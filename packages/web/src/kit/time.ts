/**
 * Time in wijknet is Utrecht's time: every date and time is shown, typed in and counted in
 * Europe/Amsterdam, whatever the device's clock says (a 19:00 session is 19:00 in the
 * invitation email, on a laptop set to UTC and on a phone abroad). When the device is in
 * another zone, shown times carry a label (see format.ts). Days ("tot en met") are
 * Amsterdam days too.
 */
export const TIME_ZONE = "Europe/Amsterdam";

/** The device's own time zone (IANA name), or TIME_ZONE when the browser does not say. */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || TIME_ZONE;
  } catch {
    return TIME_ZONE;
  }
}

/** True when the device's clock follows another zone than Amsterdam: shown times then get a label. */
export function deviceIsElsewhere(zone = deviceTimeZone()): boolean {
  return zone !== TIME_ZONE;
}

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

/** The Amsterdam calendar date and clock time of an instant. */
export function wallTimeOf(instant: Date): WallTime {
  const parts = partsFormat.formatToParts(instant);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: n("year"), month: n("month"), day: n("day"), hour: n("hour") % 24, minute: n("minute") };
}

/** Amsterdam's offset from UTC (ms) at an instant: +1 h in winter, +2 h in summer. */
function offsetAt(instant: Date): number {
  const w = wallTimeOf(instant);
  const seconds = Number(partsFormat.formatToParts(instant).find((p) => p.type === "second")?.value ?? 0);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, seconds);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which Amsterdam's clock shows this date and time. A time in the hour skipped
 * in spring comes out an hour later (02:30 → 03:30). Day and month overflow like Date.UTC
 * (day 32 is the next month's first).
 */
export function instantOf({ year, month, day, hour, minute }: WallTime): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(new Date(guess));
  const second = guess - offsetAt(new Date(first));
  const wanted = new Date(guess); // the wall time, normalised, in UTC fields
  const shows = (t: number) => {
    const w = wallTimeOf(new Date(t));
    return w.hour === wanted.getUTCHours() && w.minute === wanted.getUTCMinutes() && w.day === wanted.getUTCDate();
  };
  if (shows(first)) return new Date(first);
  if (shows(second)) return new Date(second);
  return new Date(Math.max(first, second));
}

/** Midnight in Amsterdam starting the day `days` days after the day of `instant` (0: its own day). */
export function startOfDay(instant: Date, days = 0): Date {
  const w = wallTimeOf(instant);
  return instantOf({ year: w.year, month: w.month, day: w.day + days, hour: 0, minute: 0 });
}

/** An instant as a datetime-local value ("2026-12-01T19:00"), in Amsterdam time. */
export function toDateTimeInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const w = wallTimeOf(new Date(iso));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** A datetime-local value ("2026-12-01T19:00"), read as Amsterdam time, or null. */
export function fromDateTimeInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const date = instantOf({ year, month, day, hour, minute });
  return Number.isNaN(date.getTime()) ? null : date;
}
