import type { Db } from "../../platform/db/prisma.js";
import { DISCLOSURE_TIME_ZONE } from "../../core/disclosure.js";
import { isId } from "../../core/ids.js";
import { referralRepository as repo } from "./referral.repository.js";

/** The independent anti-discrimination service (the national site routes to Art.1 Midden-Nederland for Utrecht). */
export const REFERRAL_TARGET = "https://www.discriminatie.nl/";

/** "2026-12-01": the first day of the month (Europe/Amsterdam) that contains `at`. */
export function referralMonth(at: Date, timeZone = DISCLOSURE_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(at);
  const n = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${n("year")}-${n("month")}-01`;
}

/**
 * Referrals to the independent service, counted and nothing else: per municipality, district
 * and month one number goes up. No person, address, time or session is stored, and following
 * the link never fails for the person (an unknown district is simply not counted).
 */
export class ReferralService {
  private readonly now: () => Date;
  constructor(private readonly deps: { db: Db; now?: () => Date }) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Public: anyone may follow the link (authorization: none needed, nothing is read back). Answers whether it counted. */
  async follow(where: { districtId?: string | null; municipalityCode?: string | null }): Promise<boolean> {
    let municipalityId: string | null = null;
    let districtId: string | null = null;
    if (where.districtId && isId(where.districtId)) {
      const d = await repo.findDistrict(this.deps.db, where.districtId);
      if (d) ({ municipalityId, id: districtId } = d);
    } else if (where.municipalityCode && where.municipalityCode.length <= 40) {
      municipalityId = (await repo.findMunicipalityByCode(this.deps.db, where.municipalityCode))?.id ?? null;
    }
    if (!municipalityId) return false;
    const month = referralMonth(this.now());
    await repo.increment(this.deps.db, {
      key: `${municipalityId}:${districtId ?? "-"}:${month.slice(0, 7)}`,
      municipalityId,
      districtId,
      month,
    });
    return true;
  }
}
