import type { DbOrTx } from "../../platform/db/prisma.js";
import { Prisma } from "../../generated/prisma/client.js";

/**
 * The monitoring figures: one set-based query per figure family, each over the periods that
 * `generate_series` makes from the span (local calendar months or quarters), so the cost does
 * not grow with the number of periods asked for beyond one join.
 */
export interface Scope {
  municipalityId: string;
  /** null: city-wide. */
  districtId: string | null;
  from: Date;
  to: Date;
  /** "1 month" or "3 months". */
  step: string;
  timeZone: string;
  now: Date;
}

export interface SignalCountRow {
  p_from: Date;
  dim: "total" | "kind" | "severity" | "status" | "visibility";
  key: string | null;
  n: number;
}
export interface ResponseTimeRow {
  p_from: Date;
  what: "triage" | "ack";
  n: number;
  median: number | null;
  p90: number | null;
}
export interface SessionRow {
  p_from: Date;
  held: number;
  invited: number;
  confirmed: number;
  attended: number;
  youth_attended: number;
  answers: number;
  felt_heard: number;
  trust_change: number;
  would_recommend: number;
}
export interface NetworkRow {
  p_from: Date;
  kind: string | null;
  size_start: number;
  size_end: number;
  joined: number;
  left: number;
  youth_end: number;
  stale_end: number;
}
export interface OtherRow {
  p_from: Date;
  consents_withdrawn: number;
  referrals: number;
}

const periods = (s: Scope) => Prisma.sql`
  periods AS (
    SELECT (g AT TIME ZONE ${s.timeZone}) AS p_from, ((g + ${s.step}::interval) AT TIME ZONE ${s.timeZone}) AS p_to
    FROM generate_series(
      ${s.from}::timestamptz AT TIME ZONE ${s.timeZone},
      (${s.to}::timestamptz AT TIME ZONE ${s.timeZone}) - ${s.step}::interval,
      ${s.step}::interval
    ) AS g
  )`;

const district = (s: Scope, column: Prisma.Sql) =>
  s.districtId === null ? Prisma.empty : Prisma.sql`AND ${column} = ${s.districtId}::uuid`;

const signalsInPeriods = (s: Scope, policeOnly: boolean) => Prisma.sql`
  SELECT p.p_from, sg."id", sg."createdAt", sg."kind"::text AS kind, sg."severity"::text AS severity,
         sg."status"::text AS status, sg."visibility"::text AS visibility
  FROM periods p
  JOIN "Signal" sg ON sg."createdAt" >= p.p_from AND sg."createdAt" < p.p_to
  WHERE sg."municipalityId" = ${s.municipalityId}::uuid ${district(s, Prisma.sql`sg."districtId"`)}
    ${policeOnly ? Prisma.sql`AND sg."visibility" = 'SHARED_WITH_POLICE'` : Prisma.empty}`;

export const monitoringRepository = {
  /** Signals reported per period: the total and per kind, severity, current status and visibility. */
  signalCounts(db: DbOrTx, s: Scope, policeOnly: boolean) {
    return db.$queryRaw<SignalCountRow[]>(Prisma.sql`
      WITH ${periods(s)}, sig AS (${signalsInPeriods(s, policeOnly)})
      SELECT p_from,
        CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(severity) = 0 THEN 'severity'
             WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(visibility) = 0 THEN 'visibility' ELSE 'total' END AS dim,
        COALESCE(kind, severity, status, visibility) AS key,
        count(*)::int AS n
      FROM sig
      GROUP BY GROUPING SETS ((p_from), (p_from, kind), (p_from, severity), (p_from, status), (p_from, visibility))
    `);
  },

  /**
   * Minutes from report to triage (the first status change away from NEW) and from alert to
   * acknowledgement, per period of the report: count, median and 90th percentile.
   */
  responseTimes(db: DbOrTx, s: Scope, policeOnly: boolean) {
    return db.$queryRaw<ResponseTimeRow[]>(Prisma.sql`
      WITH ${periods(s)}, sig AS (${signalsInPeriods(s, policeOnly)}),
      t AS (
        SELECT sig.p_from, 'triage' AS what, EXTRACT(EPOCH FROM (u.first - sig."createdAt")) / 60 AS minutes
        FROM sig
        CROSS JOIN LATERAL (
          SELECT min(u."createdAt") AS first FROM "SignalUpdate" u
          WHERE u."signalId" = sig."id" AND u."kind" = 'STATUS_CHANGED' AND u."fromValue" = 'NEW'
        ) u
        WHERE u.first IS NOT NULL
        UNION ALL
        SELECT sig.p_from, 'ack', EXTRACT(EPOCH FROM (a."acknowledgedAt" - a."createdAt")) / 60
        FROM sig JOIN "Alert" a ON a."signalId" = sig."id"
        WHERE a."acknowledgedAt" IS NOT NULL
      )
      SELECT p_from, what, count(*)::int AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes)::float8 AS median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes)::float8 AS p90
      FROM t GROUP BY p_from, what
    `);
  },

  /**
   * Theme sessions that ended in the period (not cancelled, not in the future): invited
   * people, confirmed seats, attendees, youth attendees, and the questionnaire's sums.
   */
  sessions(db: DbOrTx, s: Scope) {
    return db.$queryRaw<SessionRow[]>(Prisma.sql`
      WITH ${periods(s)},
      held AS (
        SELECT p.p_from, ts."id" FROM periods p
        JOIN "ThemeSession" ts ON ts."endsAt" >= p.p_from AND ts."endsAt" < p.p_to
        WHERE ts."municipalityId" = ${s.municipalityId}::uuid AND ts."status" <> 'CANCELLED' AND ts."endsAt" <= ${s.now}
          ${district(s, Prisma.sql`ts."districtId"`)}
      )
      SELECT h.p_from, count(*)::int AS held,
        sum(i.invited)::int AS invited, sum(r.confirmed)::int AS confirmed, sum(r.attended)::int AS attended,
        sum(r.youth_attended)::int AS youth_attended, sum(q.answers)::int AS answers,
        COALESCE(sum(q.felt_heard), 0)::int AS felt_heard, COALESCE(sum(q.trust_change), 0)::int AS trust_change,
        COALESCE(sum(q.would_recommend), 0)::int AS would_recommend
      FROM held h
      CROSS JOIN LATERAL (SELECT count(*) AS invited FROM "Invitation" iv WHERE iv."sessionId" = h."id") i
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE rg."seatStatus" = 'CONFIRMED') AS confirmed,
               count(*) FILTER (WHERE rg."attendance" = 'ATTENDED') AS attended,
               count(*) FILTER (WHERE rg."attendance" = 'ATTENDED' AND rg."ageBand" <> 'ADULT') AS youth_attended
        FROM "Registration" rg WHERE rg."sessionId" = h."id"
      ) r
      CROSS JOIN LATERAL (
        SELECT count(*) AS answers, sum(qa."feltHeard") AS felt_heard, sum(qa."trustChange") AS trust_change,
               sum(qa."wouldRecommend") AS would_recommend
        FROM "QuestionnaireAnswer" qa WHERE qa."sessionId" = h."id"
      ) q
      GROUP BY h.p_from
    `);
  },

  /**
   * Network members per period and network kind (and over all kinds: distinct people):
   * at the start and end, joined, left, youth at the end (by their current age band) and
   * stale at the end (no interaction in the `staleDays` before it). A membership of an
   * archived network ends when it was archived.
   */
  networks(db: DbOrTx, s: Scope, staleDays: number) {
    return db.$queryRaw<NetworkRow[]>(Prisma.sql`
      WITH ${periods(s)},
      m AS (
        SELECT n."kind"::text AS kind, nm."contactId", nm."since",
               CASE WHEN n."archivedAt" IS NULL THEN nm."until" ELSE LEAST(COALESCE(nm."until", n."archivedAt"), n."archivedAt") END AS until,
               c."ageBand" <> 'ADULT' AS youth, c."status" = 'ACTIVE' AS active
        FROM "NetworkMembership" nm
        JOIN "Network" n ON n."id" = nm."networkId"
        JOIN "Contact" c ON c."id" = nm."contactId"
        WHERE n."municipalityId" = ${s.municipalityId}::uuid AND c."mergedIntoId" IS NULL
          ${district(s, Prisma.sql`n."districtId"`)}
      ),
      pm AS (
        SELECT p.p_from, p.p_to, m.*,
               (m."since" < p.p_to AND (m.until IS NULL OR m.until >= p.p_to)) AS at_end,
               (m."since" < p.p_from AND (m.until IS NULL OR m.until >= p.p_from)) AS at_start
        FROM periods p JOIN m ON m."since" < p.p_to AND (m.until IS NULL OR m.until >= p.p_from)
      )
      SELECT p_from, kind,
        count(DISTINCT "contactId") FILTER (WHERE at_start)::int AS size_start,
        count(DISTINCT "contactId") FILTER (WHERE at_end)::int AS size_end,
        count(DISTINCT "contactId") FILTER (WHERE "since" >= p_from)::int AS joined,
        count(DISTINCT "contactId") FILTER (WHERE until < p_to)::int AS left,
        count(DISTINCT "contactId") FILTER (WHERE at_end AND youth)::int AS youth_end,
        count(DISTINCT "contactId") FILTER (WHERE at_end AND active AND NOT EXISTS (
          SELECT 1 FROM "Interaction" it
          WHERE it."contactId" = pm."contactId" AND it."occurredAt" < p_to
            AND it."occurredAt" >= p_to - make_interval(days => ${staleDays}::int)
        ))::int AS stale_end
      FROM pm
      GROUP BY GROUPING SETS ((p_from, kind), (p_from))
    `);
  },

  /** People who withdrew a consent (any purpose), and referrals counted, per period. */
  other(db: DbOrTx, s: Scope) {
    return db.$queryRaw<OtherRow[]>(Prisma.sql`
      WITH ${periods(s)}
      SELECT p.p_from,
        (SELECT count(DISTINCT cs."contactId") FROM "Consent" cs JOIN "Contact" c ON c."id" = cs."contactId"
          WHERE c."municipalityId" = ${s.municipalityId}::uuid AND cs."withdrawnAt" >= p.p_from AND cs."withdrawnAt" < p.p_to
          ${
            s.districtId === null
              ? Prisma.empty
              : Prisma.sql`AND EXISTS (SELECT 1 FROM "ContactDistrict" cd WHERE cd."contactId" = cs."contactId" AND cd."districtId" = ${s.districtId}::uuid)`
          })::int AS consents_withdrawn,
        (SELECT COALESCE(sum(rc."count"), 0) FROM "ReferralCount" rc
          WHERE rc."municipalityId" = ${s.municipalityId}::uuid ${district(s, Prisma.sql`rc."districtId"`)}
            AND rc."month" >= (p.p_from AT TIME ZONE ${s.timeZone})::date AND rc."month" < (p.p_to AT TIME ZONE ${s.timeZone})::date)::int AS referrals
      FROM periods p
    `);
  },
};
