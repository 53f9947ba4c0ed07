import type { CreateThemeSessionInput, SessionTheme } from "../../generated/gql/graphql";
import { fromDateTimeInput, toDateTimeInput } from "../../kit/time";

export interface SessionFormValues {
  title: string;
  theme: SessionTheme;
  description: string;
  /** "" = city-wide. */
  districtId: string;
  place: string;
  /** `<input type="datetime-local">` values, Amsterdam time: "2026-12-01T19:00". */
  startsAt: string;
  endsAt: string;
  rsvpDeadline: string;
  capacity: string;
  youthReservedSeats: string;
  /** "" = no reminder. */
  reminderHours: string;
}

export const SESSION_FIELDS = [
  "title",
  "theme",
  "description",
  "districtId",
  "place",
  "startsAt",
  "endsAt",
  "rsvpDeadline",
  "capacity",
  "youthReservedSeats",
  "reminderMinutesBefore",
] as const;
export type SessionField = (typeof SESSION_FIELDS)[number];

export type SessionErrorKey =
  | "sessionForm.error.titleRequired"
  | "sessionForm.error.titleTooLong"
  | "sessionForm.error.placeRequired"
  | "sessionForm.error.startRequired"
  | "sessionForm.error.startPast"
  | "sessionForm.error.endRequired"
  | "sessionForm.error.endBeforeStart"
  | "sessionForm.error.endTooLate"
  | "sessionForm.error.deadlineAfterStart"
  | "sessionForm.error.capacity"
  | "sessionForm.error.youthSeats"
  | "sessionForm.error.reminder"
  | `sessionForm.error.server.${SessionField}`;
export type SessionFieldErrors = Partial<Record<SessionField, SessionErrorKey>>;

export const THEMES: readonly SessionTheme[] = ["DISCRIMINATION", "ETHNIC_PROFILING", "DIVERSE_INFLOW", "OTHER"];

const DAY = 24 * 60 * 60 * 1000;

/** A datetime-local value ("2026-12-01T19:00", Amsterdam time: kit/time.ts) as a Date, or null. */
export function parseLocal(value: string): Date | null {
  return fromDateTimeInput(value);
}

/** An ISO instant as a datetime-local value in Amsterdam time, whatever the device's zone. */
export function toLocalInput(iso: string | null | undefined): string {
  return toDateTimeInput(iso);
}

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * Mirrors the server's rules (session.service.ts): title ≤ 160, place required, start in
 * the future, end after the start and within 24 hours, deadline not after the start,
 * capacity 1–2000, youth seats 0–capacity, reminder 1 minute–14 days or none.
 * `checkFuture` is false when editing a session whose start did not change.
 */
export function validateSession(values: SessionFormValues, now: Date, checkFuture = true): SessionFieldErrors {
  const errors: SessionFieldErrors = {};
  const title = values.title.trim();
  if (title === "") errors.title = "sessionForm.error.titleRequired";
  else if (title.length > 160) errors.title = "sessionForm.error.titleTooLong";
  if (values.place.trim() === "") errors.place = "sessionForm.error.placeRequired";
  const start = parseLocal(values.startsAt);
  const end = parseLocal(values.endsAt);
  if (!start) errors.startsAt = "sessionForm.error.startRequired";
  else if (checkFuture && start <= now) errors.startsAt = "sessionForm.error.startPast";
  if (!end) errors.endsAt = "sessionForm.error.endRequired";
  else if (start && end <= start) errors.endsAt = "sessionForm.error.endBeforeStart";
  else if (start && end.getTime() - start.getTime() > DAY) errors.endsAt = "sessionForm.error.endTooLate";
  if (values.rsvpDeadline !== "") {
    const deadline = parseLocal(values.rsvpDeadline);
    if (!deadline || (start && deadline > start)) errors.rsvpDeadline = "sessionForm.error.deadlineAfterStart";
  }
  const capacity = wholeNumber(values.capacity);
  if (capacity === null || capacity < 1 || capacity > 2000) errors.capacity = "sessionForm.error.capacity";
  const youth = values.youthReservedSeats.trim() === "" ? 0 : wholeNumber(values.youthReservedSeats);
  if (youth === null || youth < 0 || (capacity !== null && youth > capacity)) errors.youthReservedSeats = "sessionForm.error.youthSeats";
  if (values.reminderHours !== "") {
    const hours = wholeNumber(values.reminderHours);
    if (hours === null || hours < 1 || hours > 14 * 24) errors.reminderMinutesBefore = "sessionForm.error.reminder";
  }
  return errors;
}

/** Server answers on the form: BAD_USER_INPUT `input.<field>` at that field. */
export function serverSessionErrors(fields: readonly string[]): SessionFieldErrors {
  const errors: SessionFieldErrors = {};
  for (const field of fields) {
    if ((SESSION_FIELDS as readonly string[]).includes(field)) {
      errors[field as SessionField] = `sessionForm.error.server.${field as SessionField}`;
    }
  }
  return errors;
}

export function toSessionInput(values: SessionFormValues): CreateThemeSessionInput {
  const iso = (value: string) => parseLocal(value)?.toISOString() ?? value;
  const description = values.description.trim();
  return {
    title: values.title.trim(),
    theme: values.theme,
    description: description === "" ? null : description,
    districtId: values.districtId === "" ? null : values.districtId,
    place: values.place.trim(),
    startsAt: iso(values.startsAt),
    endsAt: iso(values.endsAt),
    rsvpDeadline: values.rsvpDeadline === "" ? null : iso(values.rsvpDeadline),
    capacity: Number(values.capacity.trim()),
    youthReservedSeats: values.youthReservedSeats.trim() === "" ? 0 : Number(values.youthReservedSeats.trim()),
    reminderMinutesBefore: values.reminderHours === "" ? null : Number(values.reminderHours) * 60,
  };
}

export const EMPTY_SESSION: SessionFormValues = {
  title: "",
  theme: "DISCRIMINATION",
  description: "",
  districtId: "",
  place: "",
  startsAt: "",
  endsAt: "",
  rsvpDeadline: "",
  capacity: "20",
  youthReservedSeats: "0",
  reminderHours: "24",
};
