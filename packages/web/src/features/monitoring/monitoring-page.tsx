import { Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { SelectField } from "../../kit/fields";
import { LoadState } from "../../kit/load-state";
import { useI18n } from "../../i18n/i18n-provider";
import type { Viewer } from "../auth/use-viewer";
import { useDistricts } from "../districts/use-districts";
import type { MonitoringGranularity, NetworkKind } from "../../generated/gql/graphql";
import { FigureSection } from "./figure-section";
import { useMonitoring } from "./use-monitoring";
import { XlsxDownload } from "./xlsx-download";

const CITY = "city";
const KINDS: ReadonlyArray<NetworkKind | null> = [null, "ALLIES", "CITYWIDE_ALLIES", "YOUTH", "OTHER"];

export function MonitoringPage({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const liaison = viewer.role === "POLICE_LIAISON";
  const { districts: allDistricts } = useDistricts();
  const districts = liaison ? viewer.districts : allDistricts;
  const [chosen, setChosen] = useState<string | null>(null);
  const [granularity, setGranularity] = useState<MonitoringGranularity>(liaison ? "QUARTER" : "MONTH");
  // Staff start city-wide; a liaison with their first district (city-wide is not theirs to read).
  const selected = chosen ?? (liaison ? (viewer.districts[0]?.id ?? null) : CITY);
  const districtId = selected === CITY ? null : selected;
  const { report, loading, error, refetch } = useMonitoring(districtId, liaison ? "QUARTER" : granularity, liaison && !districtId);
  const periods = report?.periods ?? [];
  const labels = periods.map((p) => p.label);
  const scope = report?.district?.name ?? t("monitoring.cityWide");
  const file = (name: string) =>
    `wijknet-${name}-${(report?.district?.name ?? "stad").toLowerCase()}-${labels[0] ?? ""}-${labels.at(-1) ?? ""}`;

  return (
    <>
      <PageHeading title={t("monitoring.title")}>{t("monitoring.title")}</PageHeading>
      <Paragraph>{liaison ? t("monitoring.introLiaison") : t("monitoring.intro")}</Paragraph>
      <div className="wijknet-filters">
        <SelectField
          name="district"
          label={t("monitoring.district")}
          value={selected ?? ""}
          onChange={setChosen}
          options={[
            ...(liaison ? [] : [{ value: CITY, label: t("monitoring.cityWide") }]),
            ...districts.map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        {!liaison && (
          <SelectField
            name="granularity"
            label={t("monitoring.granularity")}
            value={granularity}
            onChange={(v) => setGranularity(v as MonitoringGranularity)}
            options={[
              { value: "MONTH", label: t("monitoring.month") },
              { value: "QUARTER", label: t("monitoring.quarter") },
            ]}
          />
        )}
      </div>
      <LoadState
        loading={loading && !report}
        error={error}
        loadingText={t("monitoring.loading")}
        errorText={t("monitoring.error")}
        onRetry={() => void refetch()}
      />
      {report && (
        <div className="wijknet-stack">
          <Paragraph className="wijknet-muted">{t("monitoring.suppression")}</Paragraph>
          <XlsxDownload districtId={districtId} granularity={liaison ? "QUARTER" : granularity} />
          <FigureSection
            title={`${t("monitoring.signals")} — ${scope}`}
            fileName={file("signalen")}
            periods={labels}
            series={[
              { label: t("monitoring.signals.total"), kind: "count", values: periods.map((p) => p.signals.total) },
              { label: t("monitoring.signals.shared"), kind: "count", values: periods.map((p) => p.signals.sharedWithPolice) },
              ...p0(periods).signals.byKind.map((k, i) => ({
                label: k.key,
                kind: "count" as const,
                values: periods.map((p) => p.signals.byKind[i]?.count),
              })),
            ]}
          />
          <FigureSection
            title={`${t("monitoring.times")} — ${scope}`}
            fileName={file("reactietijden")}
            periods={labels}
            series={[
              { label: t("monitoring.times.triage"), kind: "number", values: periods.map((p) => p.signals.triageMedianMinutes) },
              { label: t("monitoring.times.triageP90"), kind: "number", values: periods.map((p) => p.signals.triageP90Minutes) },
              { label: t("monitoring.times.ack"), kind: "number", values: periods.map((p) => p.signals.acknowledgeMedianMinutes) },
              { label: t("monitoring.times.ackP90"), kind: "number", values: periods.map((p) => p.signals.acknowledgeP90Minutes) },
            ]}
          />
          <FigureSection
            title={`${t("monitoring.sessions")} — ${scope}`}
            fileName={file("bijeenkomsten")}
            periods={labels}
            series={[
              { label: t("monitoring.sessions.held"), kind: "count", values: periods.map((p) => p.sessions.held) },
              { label: t("monitoring.sessions.invited"), kind: "count", values: periods.map((p) => p.sessions.invited) },
              { label: t("monitoring.sessions.confirmed"), kind: "count", values: periods.map((p) => p.sessions.confirmed) },
              { label: t("monitoring.sessions.attended"), kind: "count", values: periods.map((p) => p.sessions.attended) },
              { label: t("monitoring.sessions.turnout"), kind: "share", values: periods.map((p) => p.sessions.turnout) },
              { label: t("monitoring.sessions.youthShare"), kind: "share", values: periods.map((p) => p.sessions.youthShare) },
            ]}
          />
          {KINDS.map((kind) => {
            const name = t(kind ? (`monitoring.kind.${kind}` as const) : "monitoring.kind.all");
            const of = (p: (typeof periods)[number]) => p.networks.find((n) => (n.kind ?? null) === kind);
            return (
              <FigureSection
                key={kind ?? "all"}
                title={`${t("monitoring.networks")}: ${name} — ${scope}`}
                fileName={file(`netwerken-${(kind ?? "alle").toLowerCase()}`)}
                periods={labels}
                series={[
                  { label: t("monitoring.networks.members"), kind: "count", values: periods.map((p) => of(p)?.members) },
                  { label: t("monitoring.networks.joined"), kind: "count", values: periods.map((p) => of(p)?.joined) },
                  { label: t("monitoring.networks.left"), kind: "count", values: periods.map((p) => of(p)?.left) },
                  { label: t("monitoring.networks.churn"), kind: "share", values: periods.map((p) => of(p)?.churn) },
                  { label: t("monitoring.networks.youthShare"), kind: "share", values: periods.map((p) => of(p)?.youthShare) },
                  { label: t("monitoring.networks.stale"), kind: "count", values: periods.map((p) => of(p)?.staleMembers) },
                ]}
              />
            );
          })}
          <FigureSection
            title={`${t("monitoring.experience")} — ${scope}`}
            fileName={file("ervaringen")}
            periods={labels}
            series={[
              { label: t("monitoring.experience.answers"), kind: "count", values: periods.map((p) => p.experience.answers) },
              { label: t("monitoring.experience.feltHeard"), kind: "number", values: periods.map((p) => p.experience.feltHeard) },
              { label: t("monitoring.experience.trustChange"), kind: "number", values: periods.map((p) => p.experience.trustChange) },
              { label: t("monitoring.experience.wouldRecommend"), kind: "number", values: periods.map((p) => p.experience.wouldRecommend) },
            ]}
          />
          <FigureSection
            title={`${t("monitoring.other")} — ${scope}`}
            fileName={file("toestemming-doorverwijzing")}
            periods={labels}
            series={[
              { label: t("monitoring.other.consents"), kind: "count", values: periods.map((p) => p.consentsWithdrawn) },
              { label: t("monitoring.other.referrals"), kind: "count", values: periods.map((p) => p.referrals) },
            ]}
          />
        </div>
      )}
    </>
  );
}

function p0<T extends { signals: { byKind: readonly unknown[] } }>(periods: readonly T[]): { signals: { byKind: Array<{ key: string }> } } {
  return (periods[0] as unknown as { signals: { byKind: Array<{ key: string }> } }) ?? { signals: { byKind: [] } };
}
