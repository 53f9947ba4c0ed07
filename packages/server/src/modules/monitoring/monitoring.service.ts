import type { Db } from "../../platform/db/prisma.js";
import type { District, Municipality } from "../../generated/prisma/client.js";
import type { NetworkKind } from "../../generated/prisma/enums.js";
import type { Viewer } from "../../core/viewer.js";
import { AppError, forbidden, notFound } from "../../core/errors.js";
import { requireId } from "../../core/ids.js";
import { isMunicipalityWide, requireRole } from "../../core/authz.js";
import {
  DISCLOSURE_TIME_ZONE,
  SUPPRESSION_THRESHOLD,
  readsExactCounts,
  suppress,
  suppressCells,
  suppressPart,
  suppressedShare,
  type SuppressedCount,
} from "../../core/disclosure.js";
import {
  monitoringRepository as repo,
  type NetworkRow,
  type ResponseTimeRow,
  type SessionRow,
  type SignalCountRow,
} from "./monitoring.repository.js";
import { monitoringRange, periodLabel, type Granularity } from "./monitoring.rules.js";
import { reportToXlsx } from "./monitoring.export-file.js";

export interface CategoryCount {
  key: string;
  count: SuppressedCount;
}
export interface MonitoringPeriodModel {
  from: Date;
  to: Date;
  label: string;
  signals: {
    total: SuppressedCount;
    byKind: CategoryCount[];
    bySeverity: CategoryCount[];
    byStatus: CategoryCount[];
    sharedWithPolice: SuppressedCount;
    sharedShare: number | null;
    triageMedianMinutes: number | null;
    triageP90Minutes: number | null;
    acknowledgeMedianMinutes: number | null;
    acknowledgeP90Minutes: number | null;
  };
  sessions: {
    held: SuppressedCount;
    invited: SuppressedCount;
    confirmed: SuppressedCount;
    attended: SuppressedCount;
    turnout: number | null;
    youthAttendees: SuppressedCount;
    youthShare: number | null;
  };
  networks: Array<{
    kind: NetworkKind | null;
    members: SuppressedCount;
    joined: SuppressedCount;
    left: SuppressedCount;
    churn: number | null;
    growth: number | null;
    youthMembers: SuppressedCount;
    youthShare: number | null;
    staleMembers: SuppressedCount;
  }>;
  experience: { answers: SuppressedCount; feltHeard: number | null; trustChange: number | null; wouldRecommend: number | null };
  consentsWithdrawn: SuppressedCount;
  referrals: SuppressedCount;
}
export interface MonitoringReportModel {
  districtId: string | null;
  granularity: Granularity;
  from: Date;
  to: Date;
  periods: MonitoringPeriodModel[];
}

export const SIGNAL_KINDS = ["TENSION", "INCIDENT", "UNREST", "RUMOUR", "ONLINE"] as const;
export const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export const SIGNAL_STATUSES = ["NEW", "TRIAGED", "MONITORING", "RESOLVED", "DISMISSED"] as const;
export const NETWORK_KINDS: readonly NetworkKind[] = ["ALLIES", "CITYWIDE_ALLIES", "YOUTH", "OTHER"];

const exact = (n: number): SuppressedCount => ({ value: n, suppressed: false });
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Monitoring of the approach: figures over time per district and city-wide. Every figure goes
 * through core/disclosure.ts: counts of people are hidden below 5 for everyone (and shares
 * computed from them); counts of events (signals, sessions, referrals) are exact for
 * coordinators and admins and hidden below 5 — with complementary suppression of breakdowns —
 * for everyone else; medians and percentiles need at least 5 measurements; anyone but a
 * coordinator or admin reads only whole, ended calendar quarters.
 */
export class MonitoringService {
  private readonly now: () => Date;
  constructor(private readonly deps: { db: Db; now?: () => Date }) {
    this.now = deps.now ?? (() => new Date());
  }

  async report(
    viewerInput: Viewer | null,
    args: { districtId?: string | null; granularity?: Granularity | null; from?: Date | null; to?: Date | null },
    loaders: {
      district: { load(id: string): Promise<District | null> };
      municipality: { load(id: string): Promise<Municipality | null> };
    },
  ): Promise<MonitoringReportModel> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "ADMIN", "POLICE_LIAISON");
    const wide = isMunicipalityWide(viewer);
    let districtId: string | null = null;
    if (args.districtId != null) {
      districtId = requireId(args.districtId, "districtId");
      const d = await loaders.district.load(districtId);
      if (!d || d.municipalityId !== viewer.municipalityId) throw notFound("District");
      if (!wide && !viewer.districtIds.includes(districtId)) throw forbidden();
    } else if (!wide) {
      // City-wide figures cover districts a liaison does not work in.
      throw forbidden();
    }
    const granularity: Granularity = args.granularity ?? (wide ? "MONTH" : "QUARTER");
    const now = this.now();
    const range = monitoringRange({ from: args.from ?? null, to: args.to ?? null, granularity }, now, !wide);
    if (!range.ok) throw new AppError("BAD_USER_INPUT", range.reason, { field: "from", reason: range.code });
    const municipality = await loaders.municipality.load(viewer.municipalityId);
    const staleDays = municipality?.staleContactAfterDays ?? 90;
    const scope = {
      municipalityId: viewer.municipalityId,
      districtId,
      from: range.from,
      to: range.to,
      step: granularity === "QUARTER" ? "3 months" : "1 month",
      timeZone: DISCLOSURE_TIME_ZONE,
      now,
    };
    const policeOnly = viewer.role === "POLICE_LIAISON";
    const db = this.deps.db;
    const [signalCounts, times, sessions, networks, other] = await Promise.all([
      repo.signalCounts(db, scope, policeOnly),
      repo.responseTimes(db, scope, policeOnly),
      repo.sessions(db, scope),
      repo.networks(db, scope, staleDays),
      repo.other(db, scope),
    ]);
    const key = (d: Date) => new Date(d).getTime();
    const byPeriod = <T extends { p_from: Date }>(rows: readonly T[]) => {
      const map = new Map<number, T[]>();
      for (const r of rows) map.set(key(r.p_from), [...(map.get(key(r.p_from)) ?? []), r]);
      return map;
    };
    const sc = byPeriod(signalCounts);
    const rt = byPeriod(times);
    const ss = byPeriod(sessions);
    const nw = byPeriod(networks);
    const ot = byPeriod(other);
    const events = readsExactCounts(viewer.role);
    const periods = range.periods.map((p) => {
      const k = p.from.getTime();
      return {
        from: p.from,
        to: p.to,
        label: periodLabel(p, granularity),
        signals: signalFigures(sc.get(k) ?? [], rt.get(k) ?? [], events, policeOnly),
        sessions: sessionFigures(ss.get(k)?.[0], events),
        networks: networkFigures(nw.get(k) ?? []),
        experience: experienceFigures(ss.get(k)?.[0]),
        consentsWithdrawn: suppress(ot.get(k)?.[0]?.consents_withdrawn ?? 0),
        referrals: events ? exact(ot.get(k)?.[0]?.referrals ?? 0) : suppress(ot.get(k)?.[0]?.referrals ?? 0),
      };
    });
    return { districtId, granularity, from: range.from, to: range.to, periods };
  }

  /** The same report as an XLSX workbook (same authorization and disclosure: built from `report`). */
  async exportXlsx(
    viewerInput: Viewer | null,
    args: Parameters<MonitoringService["report"]>[1] & { language?: string | null },
    loaders: Parameters<MonitoringService["report"]>[2],
  ): Promise<{ filename: string; base64: string }> {
    requireRole(viewerInput, "COORDINATOR", "ADMIN", "POLICE_LIAISON");
    const report = await this.report(viewerInput, args, loaders);
    const language = args.language === "en" ? "en" : "nl";
    const district = report.districtId
      ? ((await loaders.district.load(report.districtId))?.code ?? "wijk")
      : language === "nl"
        ? "stad"
        : "city";
    const first = report.periods[0] ? periodLabel(report.periods[0], report.granularity) : "";
    const last = report.periods.at(-1) ? periodLabel(report.periods.at(-1)!, report.granularity) : "";
    const xlsx = await reportToXlsx(report, language);
    return { filename: `wijknet-monitoring-${district}-${first}-${last}.xlsx`, base64: xlsx.toString("base64") };
  }
}

function breakdown(
  rows: readonly SignalCountRow[],
  dim: SignalCountRow["dim"],
  keys: readonly string[],
  exactCounts: boolean,
): CategoryCount[] {
  const counts = keys.map((k) => rows.find((r) => r.dim === dim && r.key === k)?.n ?? 0);
  // The total is shown next to the breakdown: one hidden cell must not be recoverable.
  const cells = exactCounts ? counts.map(exact) : suppressCells(counts);
  return keys.map((k, i) => ({ key: k, count: cells[i]! }));
}

function minutes(row: ResponseTimeRow | undefined): { median: number | null; p90: number | null } {
  // A median of fewer than 5 measurements is close to one person's response time.
  if (!row || row.n < SUPPRESSION_THRESHOLD || row.median === null || row.p90 === null) return { median: null, p90: null };
  return { median: round(Number(row.median)), p90: round(Number(row.p90)) };
}

function signalFigures(
  rows: readonly SignalCountRow[],
  times: readonly ResponseTimeRow[],
  exactCounts: boolean,
  policeOnly: boolean,
): MonitoringPeriodModel["signals"] {
  const total = rows.find((r) => r.dim === "total")?.n ?? 0;
  const shared = rows.find((r) => r.dim === "visibility" && r.key === "SHARED_WITH_POLICE")?.n ?? 0;
  const triage = minutes(times.find((t) => t.what === "triage"));
  const ack = minutes(times.find((t) => t.what === "ack"));
  return {
    total: exactCounts ? exact(total) : suppress(total),
    byKind: breakdown(rows, "kind", SIGNAL_KINDS, exactCounts),
    bySeverity: breakdown(rows, "severity", SEVERITIES, exactCounts),
    byStatus: breakdown(rows, "status", SIGNAL_STATUSES, exactCounts),
    sharedWithPolice: exactCounts ? exact(shared) : suppressPart(shared, total),
    sharedShare: policeOnly
      ? null
      : exactCounts
        ? total > 0
          ? Math.round((shared / total) * 1000) / 1000
          : null
        : suppressedShare(shared, total),
    triageMedianMinutes: triage.median,
    triageP90Minutes: triage.p90,
    acknowledgeMedianMinutes: ack.median,
    acknowledgeP90Minutes: ack.p90,
  };
}

function sessionFigures(row: SessionRow | undefined, exactCounts: boolean): MonitoringPeriodModel["sessions"] {
  const held = row?.held ?? 0;
  const confirmed = row?.confirmed ?? 0;
  const attended = row?.attended ?? 0;
  const youth = row?.youth_attended ?? 0;
  const youthCount = suppressPart(youth, attended);
  return {
    held: exactCounts ? exact(held) : suppress(held),
    invited: suppress(row?.invited ?? 0),
    confirmed: suppress(confirmed),
    attended: suppress(attended),
    turnout: suppressedShare(attended, confirmed),
    youthAttendees: youthCount,
    youthShare: youthCount.suppressed ? null : suppressedShare(youth, attended),
  };
}

function networkFigures(rows: readonly NetworkRow[]): MonitoringPeriodModel["networks"] {
  const figures = (r: NetworkRow | undefined, members: SuppressedCount) => {
    const start = r?.size_start ?? 0;
    const end = r?.size_end ?? 0;
    const left = r?.left ?? 0;
    const youth = r?.youth_end ?? 0;
    const stale = r?.stale_end ?? 0;
    const youthMembers = members.suppressed ? suppress(0) : suppressPart(youth, end);
    const staleMembers = members.suppressed ? suppress(0) : suppressPart(stale, end);
    return {
      members,
      joined: suppress(r?.joined ?? 0),
      left: suppress(left),
      churn: suppressedShare(left, start),
      growth: start >= SUPPRESSION_THRESHOLD && !members.suppressed ? round(end / start - 1, 3) : null,
      youthMembers,
      youthShare: youthMembers.suppressed ? null : suppressedShare(youth, end),
      staleMembers,
    };
  };
  const perKind = NETWORK_KINDS.map((kind) => rows.find((r) => r.kind === kind));
  // Members per kind next to the total: complementary suppression, as for age bands, over the
  // kinds that have networks here (a kind with none is a structural zero that hides nobody).
  const present = perKind.flatMap((r, i) => (r ? [i] : []));
  const presentCells = suppressCells(present.map((i) => perKind[i]!.size_end));
  const cells = perKind.map((r, i) => (r ? presentCells[present.indexOf(i)]! : exact(0)));
  const all = rows.find((r) => r.kind === null);
  return [
    { kind: null, ...figures(all, suppress(all?.size_end ?? 0)) },
    ...NETWORK_KINDS.map((kind, i) => ({ kind, ...figures(perKind[i], cells[i]!) })),
  ];
}

function experienceFigures(row: SessionRow | undefined): MonitoringPeriodModel["experience"] {
  const n = row?.answers ?? 0;
  // Averages only from at least 5 answers: one answer alone is one person's answer.
  const avg = (sum: number) => (n >= SUPPRESSION_THRESHOLD ? round(sum / n, 2) : null);
  return {
    answers: suppress(n),
    feltHeard: avg(row?.felt_heard ?? 0),
    trustChange: avg(row?.trust_change ?? 0),
    wouldRecommend: avg(row?.would_recommend ?? 0),
  };
}
