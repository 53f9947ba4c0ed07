import type { Signal } from "../../generated/prisma/client.js";
import type { Viewer } from "../../core/viewer.js";

/**
 * Who sees which signal, and how much of it. Pure functions: the same rules decide a
 * query, a mutation's answer and every live delivery (re-checked per subscriber, per
 * event).
 *
 * - `full`: the coordinator — everything, including who reported.
 * - `police`: a police liaison — only signals shared with police in their districts,
 *   and the reporter only when the reporter agreed.
 * - `reporter`: the person who reported it (e.g. an ally) — their own report only, as
 *   the answer to their mutation.
 */
export type SignalView = "full" | "police" | "reporter";

export type SignalScope = Pick<Signal, "municipalityId" | "districtId" | "visibility">;

export function signalViewFor(viewer: Viewer | null, signal: SignalScope & { reporterId?: string | null }): SignalView | null {
  if (!viewer || viewer.municipalityId !== signal.municipalityId) return null;
  if (viewer.role === "COORDINATOR") return "full";
  if (viewer.role === "POLICE_LIAISON") {
    if (signal.visibility === "SHARED_WITH_POLICE" && viewer.districtIds.includes(signal.districtId)) return "police";
  }
  if (signal.reporterId && signal.reporterId === viewer.userId) return "reporter";
  return null;
}

/**
 * Feed scope only (a reporter's own reports do not make an ally a feed subscriber).
 * Runs once per subscriber per event, so it takes plain values and allocates nothing.
 */
export function feedViewFor(
  viewer: Viewer,
  municipalityId: string,
  districtId: string,
  visibility: SignalScope["visibility"],
): "full" | "police" | null {
  if (viewer.municipalityId !== municipalityId) return null;
  if (viewer.role === "COORDINATOR") return "full";
  if (viewer.role === "POLICE_LIAISON" && visibility === "SHARED_WITH_POLICE" && viewer.districtIds.includes(districtId)) return "police";
  return null;
}

/** Who may hold a live signal feed at all. */
export function mayFollowSignals(viewer: Viewer): boolean {
  return viewer.role === "COORDINATOR" || viewer.role === "POLICE_LIAISON";
}

export type SignalTextField = "summary" | "details" | "place";
type SignalTexts = Pick<Signal, "summary" | "details" | "place" | "textFlaggedFields" | "policeSummary" | "policeDetails" | "policePlace">;

/** Shown to police in place of a flagged summary that was never reworded (sharing requires a rewording). */
export const WITHHELD_SUMMARY = "Tekst wordt door de coördinator herschreven";

/**
 * The text of a field as this viewer may read it. The coordinator and the reporter read
 * what was written; everyone else (police, and any path that is not `full`/`reporter`:
 * an alert's snapshot, a replay) reads the coordinator's police-facing rewording of a
 * field whose warning was overridden, never the original.
 */
export function signalTextFor(view: SignalView | null, signal: SignalTexts, field: SignalTextField): string | null {
  if (view === "full" || view === "reporter" || !signal.textFlaggedFields.includes(field)) return signal[field];
  if (field === "summary") return signal.policeSummary ?? WITHHELD_SUMMARY;
  return field === "details" ? signal.policeDetails : signal.policePlace;
}

/** Flagged fields that have no police-facing rewording yet: sharing with police waits for them. */
export function missingRewording(signal: SignalTexts): SignalTextField[] {
  const police = { summary: signal.policeSummary, details: signal.policeDetails, place: signal.policePlace };
  return (signal.textFlaggedFields as SignalTextField[]).filter((f) => !police[f]);
}

/** May the viewer learn who reported this signal? */
export function mayKnowReporter(view: SignalView | null, signal: Pick<Signal, "reporterIdentitySharable">): boolean {
  if (view === "full" || view === "reporter") return true;
  return view === "police" && signal.reporterIdentitySharable;
}
