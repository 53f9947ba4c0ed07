import ical, { ICalEventStatus } from "ical-generator";
import type { ThemeSession } from "../../generated/prisma/client.js";

/**
 * The session as an iCalendar file (RFC 5545). The UID is stable per session, and
 * SEQUENCE grows with every change, so a calendar updates the event it imported before.
 */
export function sessionIcs(s: ThemeSession, opts: { url?: string | null; districtName?: string | null }): string {
  const cal = ical({ name: "wijknet themasessies", prodId: { company: "wijknet", product: "themasessies", language: "NL" } });
  const description = [
    s.description,
    opts.districtName ? `Wijk: ${opts.districtName}` : "Stedelijke sessie",
    opts.url ? `Je antwoord: ${opts.url}` : null,
  ]
    .filter(Boolean)
    .join("\n\n");
  cal.createEvent({
    id: `${s.id}@wijknet`,
    start: s.startsAt,
    end: s.endsAt,
    stamp: s.updatedAt,
    sequence: Math.max(0, Math.floor((s.updatedAt.getTime() - s.createdAt.getTime()) / 1000)),
    summary: s.title,
    description,
    location: s.place,
    url: opts.url ?? null,
    status:
      s.status === "CANCELLED" ? ICalEventStatus.CANCELLED : s.status === "DRAFT" ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}
