import type { Signal } from "../../generated/prisma/client.js";
import type { PartnerKind } from "../../generated/prisma/enums.js";
import type { Viewer } from "../../core/viewer.js";

/**
 * Who sees which signal, and how much of it. Pure functions: the same rules decide a
 * query, a mutation's answer and every live delivery (re-checked per subscriber, per
 * event).
 *
 * - `full`: the coordinator — everything, including who reported.
 * - `police`: a partner liaison (role POLICE_LIAISON: police, or another partner
 *   organisation such as the municipality's enforcement) — only signals shared with
 *   their audience in their districts, and the reporter only when the reporter agreed
 *   for that audience. (The name predates other partners; every partner reads the same way.)
 * - `reporter`: the person who reported it (e.g. an ally) — their own report only, as
 *   the answer to their mutation.
 *
 * Audiences: a liaison of a POLICE organisation (or of none: accounts from before
 * partner organisations) sees what is SHARED_WITH_POLICE; a liaison of any other
 * organisation sees what lists that organisation in `sharedWithIds`.
 */
export type SignalView = "full" | "police" | "reporter";

export type SignalScope = Pick<Signal, "municipalityId" | "districtId" | "visibility" | "sharedWithIds">;

/** The partner audience a liaison belongs to; police for a liaison without organisation. */
export function audienceKindOf(viewer: Pick<Viewer, "partnerKind">): PartnerKind {
  return viewer.partnerKind ?? "POLICE";
}

/**
 * Is a signal with this sharing visible to this liaison's audience (districts aside)?
 * Takes plain values: runs per subscriber per event.
 */
export function sharedWithAudience(
  viewer: Pick<Viewer, "partnerKind" | "partnerOrganisationId">,
  visibility: Signal["visibility"],
  sharedWithIds: readonly string[],
): boolean {
  if (audienceKindOf(viewer) === "POLICE") return visibility === "SHARED_WITH_POLICE";
  return viewer.partnerOrganisationId != null && sharedWithIds.includes(viewer.partnerOrganisationId);
}

/** Shared with any partner audience at all (police or another organisation)? */
export function isSharedWithPartners(signal: Pick<Signal, "visibility" | "sharedWithIds">): boolean {
  return signal.visibility === "SHARED_WITH_POLICE" || signal.sharedWithIds.length > 0;
}

export function signalViewFor(viewer: Viewer | null, signal: SignalScope & { reporterId?: string | null }): SignalView | null {
  if (!viewer || viewer.municipalityId !== signal.municipalityId) return null;
  if (viewer.role === "COORDINATOR") return "full";
  if (viewer.role === "POLICE_LIAISON") {
    if (sharedWithAudience(viewer, signal.visibility, signal.sharedWithIds) && viewer.districtIds.includes(signal.districtId))
      return "police";
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
  sharedWithIds: readonly string[],
): "full" | "police" | null {
  if (viewer.municipalityId !== municipalityId) return null;
  if (viewer.role === "COORDINATOR") return "full";
  if (viewer.role === "POLICE_LIAISON" && sharedWithAudience(viewer, visibility, sharedWithIds) && viewer.districtIds.includes(districtId))
    return "police";
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

/**
 * May the viewer learn who reported this signal? A partner liaison only when the reporter
 * agreed for their audience (police: `reporterIdentitySharable`, as before; others: their
 * kind in `reporterIdentityKinds`).
 */
export function mayKnowReporter(
  view: SignalView | null,
  signal: Pick<Signal, "reporterIdentitySharable" | "reporterIdentityKinds">,
  viewer: Pick<Viewer, "partnerKind"> | null,
): boolean {
  if (view === "full" || view === "reporter") return true;
  if (view !== "police" || !viewer) return false;
  const kind = audienceKindOf(viewer);
  return kind === "POLICE" ? signal.reporterIdentitySharable : signal.reporterIdentityKinds.includes(kind);
}
