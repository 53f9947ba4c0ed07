import { Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../kit/responsive-table";
import { useId, useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { useI18n } from "../../i18n/i18n-provider";
import { statusKey, themeKey } from "./labels";
import { useSessionList, type SessionRow } from "./use-sessions";

export function SessionsPage() {
  const { t } = useI18n();
  const [when, setWhen] = useState<"upcoming" | "past">("upcoming");
  const { sessions, loaded, loading, error, refetch } = useSessionList(when);
  const headingId = useId();
  return (
    <>
      <PageHeading title={t("sessions.title")}>{t("sessions.title")}</PageHeading>
      <Paragraph>{t("sessions.intro")}</Paragraph>
      <Paragraph>
        <RouteLink to={{ name: "sessionNew" }}>{t("sessions.new")}</RouteLink>
      </Paragraph>
      <nav aria-label={t("sessions.whenLabel")} className="wijknet-tabs">
        {(["upcoming", "past"] as const).map((option) => (
          <button
            key={option}
            type="button"
            className="wijknet-tabs__tab utrecht-button utrecht-button--subtle"
            aria-pressed={when === option}
            onClick={() => setWhen(option)}
          >
            {t(option === "upcoming" ? "sessions.upcoming" : "sessions.past")}
          </button>
        ))}
      </nav>
      <Heading level={2} id={headingId}>
        {t(when === "upcoming" ? "sessions.upcoming" : "sessions.past")}
      </Heading>
      <LoadState
        loading={loading && !loaded}
        error={error}
        loadingText={t("sessions.loading")}
        errorText={t("sessions.error")}
        onRetry={() => void refetch()}
      />
      {loaded && sessions.length === 0 && <Paragraph>{t(when === "upcoming" ? "sessions.emptyUpcoming" : "sessions.emptyPast")}</Paragraph>}
      {sessions.length > 0 && <SessionTable labelledBy={headingId} sessions={sessions} />}
    </>
  );
}

function SessionTable({ sessions, labelledBy }: { sessions: readonly SessionRow[]; labelledBy: string }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <ResponsiveTableContainer>
      <Table aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("sessions.col.title")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("sessions.col.when")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("sessions.col.where")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("sessions.col.status")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("sessions.col.seats")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sessions.map((s) => (
            <TableRow key={s.id}>
              <TableHeaderCell scope="row">
                <RouteLink to={{ name: "session", id: s.id }}>{s.title}</RouteLink>
                <span className="wijknet-muted"> · {t(themeKey(s.theme))}</span>
              </TableHeaderCell>
              <TableCell>{format.dateTime(s.startsAt)}</TableCell>
              <TableCell>
                {s.place} · {s.district?.name ?? t("sessionForm.citywide")}
              </TableCell>
              <TableCell>{t(statusKey(s.status))}</TableCell>
              <TableCell>
                {t("sessions.seats", {
                  confirmed: format.count(s.counts.confirmed),
                  capacity: s.counts.capacity,
                  waitlisted: format.count(s.counts.waitlisted),
                })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ResponsiveTableContainer>
  );
}

/** The coordinator dashboard's short list: the next few sessions, linking to them. */
export function UpcomingSessions() {
  const { t } = useI18n();
  const format = useFormat();
  const { sessions, loaded, loading, error, refetch } = useSessionList("upcoming", 5);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {t("sessions.dashboardHeading")}
      </Heading>
      <LoadState
        loading={loading && !loaded}
        error={error}
        loadingText={t("sessions.loading")}
        errorText={t("sessions.error")}
        onRetry={() => void refetch()}
      />
      {loaded && sessions.length === 0 && <Paragraph>{t("sessions.emptyUpcoming")}</Paragraph>}
      {sessions.length > 0 && (
        <ul className="wijknet-session-list">
          {sessions.map((s) => (
            <li key={s.id}>
              <RouteLink to={{ name: "session", id: s.id }}>{s.title}</RouteLink>{" "}
              <span>
                {format.dateTime(s.startsAt)} · {t(statusKey(s.status))} ·{" "}
                {t("sessions.seats", {
                  confirmed: format.count(s.counts.confirmed),
                  capacity: s.counts.capacity,
                  waitlisted: format.count(s.counts.waitlisted),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Paragraph>
        <RouteLink to={{ name: "sessions" }}>{t("sessions.all")}</RouteLink>
      </Paragraph>
    </section>
  );
}
