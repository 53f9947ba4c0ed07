import type { Role } from "../generated/prisma/enums.js";
import type { Viewer } from "./viewer.js";
import { AppError, forbidden, unauthenticated } from "./errors.js";

/**
 * Authorization helpers. Services call these on their first line: deny by default,
 * so a code path that forgets to allow someone fails closed.
 */
export function requireViewer(viewer: Viewer | null, opts: { enrolment?: boolean } = {}): Viewer {
  if (!viewer) throw unauthenticated();
  // A session that must first enrol a second factor reaches nothing else (fails closed: every
  // service's first line comes through here).
  if (viewer.enrolmentOnly && !opts.enrolment) {
    throw new AppError("FORBIDDEN", "Set up two-factor authentication first.", { reason: "TWO_FACTOR_ENROLMENT_REQUIRED" });
  }
  return viewer;
}

export function requireRole(viewer: Viewer | null, ...roles: Role[]): Viewer {
  const v = requireViewer(viewer);
  if (!roles.includes(v.role)) throw forbidden();
  return v;
}

/** Coordinators and admins work municipality-wide; everyone else only in their districts. */
export function isMunicipalityWide(viewer: Viewer): boolean {
  return viewer.role === "COORDINATOR" || viewer.role === "ADMIN";
}

export function canAccessDistrict(viewer: Viewer, municipalityId: string, districtId: string | null): boolean {
  if (viewer.municipalityId !== municipalityId) return false;
  if (isMunicipalityWide(viewer)) return true;
  return districtId !== null && viewer.districtIds.includes(districtId);
}
