import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../kit/responsive-table";
import { useId, useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink, useMayOpen } from "../../kit/router";
import { SelectField } from "../../kit/fields";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { useI18n } from "../../i18n/i18n-provider";
import type { Viewer } from "../auth/use-viewer";
import { useDistricts } from "../districts/use-districts";
import { ageBandKey } from "../contacts/labels";
import { useDashboardSections } from "./dashboard-sections";
import { HealthChart, type ChartBar } from "./health-chart";
import { SuppressedCount, SuppressionExplanation, type CountValue } from "./suppressed-count";
import { useNetworkHealth } from "./use-network-health";
import { useStaleContacts } from "./use-stale-contacts";

const PERIODS = [30, 90, 365] as const;

export function DashboardPage({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const mayOpen = useMayOpen();
  const sections = useDashboardSections();
  const { districts: allDistricts } = useDistricts();
  const [chosen, setChosen] = useState<string | null>(null);
  const [days, setDays] = useState<number>(90);
  // A liaison may see the numbers of their own districts only, and no contacts.
  const liaison = viewer.role === "POLICE_LIAISON";
  const districts = liaison ? viewer.districts : allDistricts;
  const showsContacts = mayOpen(viewer.role, "contact");
  const districtId = chosen ?? viewer.districts[0]?.id ?? districts[0]?.id ?? null;

  return (
    <>
      <PageHeading title={t("dashboard.title")}>{t("dashboard.title")}</PageHeading>
      <Paragraph>{liaison ? t("dashboard.introLiaison") : t("dashboard.intro")}</Paragraph>
      {liaison && districts.length === 0 && <Paragraph>{t("dashboard.noDistricts")}</Paragraph>}
      <div className="wijknet-filters">
        <SelectField
          name="district"
          label={t("dashboard.district")}
          value={districtId ?? ""}
          onChange={setChosen}
          options={districts.map((d) => ({ value: d.id, label: d.name }))}
        />
        {!liaison && (
          <SelectField
            name="period"
            label={t("dashboard.period")}
            value={String(days)}
            onChange={(value) => setDays(Number(value))}
            options={PERIODS.map((p) => ({ value: String(p), label: t("dashboard.periodDays", { days: p }) }))}
          />
        )}
      </div>
      {districtId && <HealthSection districtId={districtId} days={liaison ? null : days} />}
      {districtId && showsContacts && <StaleContactsSection districtId={districtId} />}
      {sections
        .filter((section) => section.roles.includes(viewer.role))
        .map(({ key, Component }) => (
          <Component key={key} viewer={viewer} />
        ))}
    </>
  );
}

function HealthSection({ districtId, days }: { districtId: string; days: number | null }) {
  const { t } = useI18n();
  const format = useFormat();
  const { health, loading, error, refetch } = useNetworkHealth(districtId, days);
  const headingId = useId();
  const explanationId = useId();
  const captionId = useId();

  const rows: Array<{ label: string; count: CountValue }> = health
    ? [
        { label: t("health.activeMembers"), count: health.activeMembers },
        { label: t("health.allies"), count: health.allies },
        { label: t("health.staleMembers"), count: health.staleMembers },
        { label: t("health.newMembers"), count: health.newMembers },
        { label: t("health.lostMembers"), count: health.lostMembers },
        { label: t("health.attendees"), count: health.attendees },
      ]
    : [];
  const share = (value: number | null | undefined) =>
    value === null || value === undefined ? (
      <span className="wijknet-suppressed" aria-describedby={explanationId}>
        {t("health.shareSuppressed")}
      </span>
    ) : (
      format.percent(value)
    );

  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {health ? t("health.heading", { district: health.district.name }) : t("health.headingPlain")}
      </Heading>
      <LoadState
        loading={loading && !health}
        error={error}
        loadingText={t("health.loading")}
        errorText={t("health.error")}
        onRetry={() => void refetch()}
      />
      {health && (
        <>
          <Paragraph className="wijknet-muted">
            {t("health.period", { from: format.date(health.from), to: format.date(new Date(Date.parse(health.to) - 1).toISOString()) })}
          </Paragraph>
          <div className="wijknet-dashboard">
            <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={headingId}>
              <Table aria-labelledby={headingId}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t("health.measure")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("health.value")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((row) => (
                    <TableRow key={row.label}>
                      <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
                      <TableCell>
                        <SuppressedCount count={row.count} explanationId={explanationId} />
                      </TableCell>
                    </TableRow>
                  ))}
                  <TableRow>
                    <TableHeaderCell scope="row">{t("health.sessionsHeld")}</TableHeaderCell>
                    <TableCell>{format.count(health.sessionsHeld)}</TableCell>
                  </TableRow>
                  <TableRow>
                    <TableHeaderCell scope="row">{t("health.youthShare")}</TableHeaderCell>
                    <TableCell>{share(health.youthShare)}</TableCell>
                  </TableRow>
                  <TableRow>
                    <TableHeaderCell scope="row">{t("health.staleShare")}</TableHeaderCell>
                    <TableCell>{share(health.staleShare)}</TableCell>
                  </TableRow>
                  <TableRow>
                    <TableHeaderCell scope="row">{t("health.turnout")}</TableHeaderCell>
                    <TableCell>{share(health.turnout)}</TableCell>
                  </TableRow>
                  {health.youthByAgeBand.map((band) => (
                    <TableRow key={band.ageBand}>
                      <TableHeaderCell scope="row">{t("health.youthBand", { band: t(ageBandKey(band.ageBand)) })}</TableHeaderCell>
                      <TableCell>
                        <SuppressedCount count={band.count} explanationId={explanationId} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ResponsiveTableContainer>
            <HealthChart bars={rows satisfies ChartBar[]} captionId={captionId} />
          </div>
          <SuppressionExplanation id={explanationId} />
        </>
      )}
    </section>
  );
}

function StaleContactsSection({ districtId }: { districtId: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const { contacts, loading, error, refetch } = useStaleContacts(districtId);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {t("stale.heading")}
      </Heading>
      <Paragraph>{t("stale.intro")}</Paragraph>
      <LoadState
        loading={loading && contacts.length === 0}
        error={error}
        loadingText={t("stale.loading")}
        errorText={t("stale.error")}
        onRetry={() => void refetch()}
      />
      {!loading && !error && contacts.length === 0 && <Paragraph>{t("stale.empty")}</Paragraph>}
      {contacts.length > 0 && (
        <UnorderedList>
          {contacts.map((contact) => (
            <UnorderedListItem key={contact.id}>
              <RouteLink to={{ name: "contact", id: contact.id }}>{contact.fullName}</RouteLink>
              {contact.roles[0] && (
                <>
                  {" "}
                  — {contact.roles[0].title}
                  {contact.roles[0].organisation ? `, ${contact.roles[0].organisation.name}` : ""}
                </>
              )}
              {" — "}
              {contact.lastInteractionAt ? t("stale.lastSpoke", { date: format.date(contact.lastInteractionAt) }) : t("stale.never")}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
