import { Heading, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useId, useState, type ReactNode } from "react";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink, useMayOpen, type Route } from "../../kit/router";
import { SelectField } from "../../kit/fields";
import { useI18n } from "../../i18n/i18n-provider";
import { roleMessageKey } from "../auth/role-label";
import type { Viewer } from "../auth/use-viewer";
import { DistrictTable } from "../districts/district-table";
import { useDistricts } from "../districts/use-districts";
import { kindKey, severityKey, statusKey } from "../signals/labels";
import { useOpenAlerts, usePeopleToCall, useSessionsThisWeek, useSignalsToDo } from "./use-home";

/**
 * "/" says what to do. Coordinator: today's work (signals to look at, alerts nobody
 * acknowledged, people to call, this week's sessions with seats or a waiting list). Ally: report
 * a tension, their profile. Admin: users and the districts. (Police liaisons land on the live
 * alerts instead: signals/index.ts `home`.)
 */
export function HomePage({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("home.title")}>{t("home.welcome", { name: viewer.displayName })}</PageHeading>
      <Paragraph>{t("home.role", { role: t(roleMessageKey(viewer.role)), municipality: viewer.municipality.name })}</Paragraph>
      {viewer.role === "COORDINATOR" && <CoordinatorToday viewer={viewer} />}
      {viewer.role === "ALLY" && <AllyHome />}
      {viewer.role === "ADMIN" && <AdminHome />}
      {viewer.role !== "COORDINATOR" && viewer.role !== "ALLY" && <DistrictTable municipality={viewer.municipality.name} />}
    </>
  );
}

/** One block of the home page: a heading with its count, what is in it, a link to all. */
function Task({
  title,
  count,
  loaded,
  error,
  onRetry,
  empty,
  all,
  children,
}: {
  title: string;
  count: number;
  loaded: boolean;
  error?: unknown;
  onRetry: () => void;
  empty: string;
  all?: { to: Route; label: string } | undefined;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="wijknet-task">
      <Heading level={2} id={headingId}>
        {title}
        {loaded && <span className="wijknet-task__count">{t("home.count", { count })}</span>}
      </Heading>
      <LoadState loading={!loaded && !error} error={error} loadingText={t("home.loading")} errorText={t("home.error")} onRetry={onRetry} />
      {loaded && count === 0 && <Paragraph>{empty}</Paragraph>}
      {loaded && count > 0 && children}
      {all && (
        <Paragraph>
          <RouteLink to={all.to}>{all.label}</RouteLink>
        </Paragraph>
      )}
    </section>
  );
}

const SHOWN = 5;

function CoordinatorToday({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const format = useFormat();
  const mayOpen = useMayOpen();
  const signals = useSignalsToDo();
  const alerts = useOpenAlerts();
  const sessions = useSessionsThisWeek();
  const { districts: allDistricts } = useDistricts();
  const districts = viewer.districts.length > 0 ? viewer.districts : allDistricts;
  const [chosen, setChosen] = useState<string | null>(null);
  const districtId = chosen ?? districts[0]?.id ?? null;
  const people = usePeopleToCall(districtId);
  const busySessions = sessions.sessions.filter((s) => (s.counts.seatsLeft ?? 0) > 0 || (s.counts.waitlisted ?? 0) > 0);

  return (
    <div className="wijknet-tasks">
      <Task
        title={t("home.signals.title")}
        count={signals.signals.length}
        loaded={signals.loaded}
        error={signals.error}
        onRetry={() => void signals.refetch()}
        empty={t("home.signals.empty")}
        all={mayOpen(viewer.role, "signals") ? { to: { name: "signals" }, label: t("home.signals.all") } : undefined}
      >
        <UnorderedList>
          {signals.signals.slice(0, SHOWN).map((signal) => (
            <UnorderedListItem key={signal.id}>
              <RouteLink to={{ name: "signal", id: signal.id }}>{signal.summary}</RouteLink>
              <span className="wijknet-muted">
                {" "}
                · {t(kindKey(signal.kind))} · {t(severityKey(signal.severity))} · {t(statusKey(signal.status))}
                {signal.flagged ? ` · ${t("home.signals.flagged")}` : ""} · {signal.district?.name ?? ""} ·{" "}
                {format.dateTime(signal.reportedAt)}
              </span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Task>
      <Task
        title={t("home.alerts.title")}
        count={alerts.alerts.length}
        loaded={alerts.loaded}
        error={alerts.error}
        onRetry={() => void alerts.refetch()}
        empty={t("home.alerts.empty")}
        all={mayOpen(viewer.role, "alerts") ? { to: { name: "alerts" }, label: t("home.alerts.all") } : undefined}
      >
        <UnorderedList>
          {alerts.alerts.slice(0, SHOWN).map((alert) => (
            <UnorderedListItem key={alert.id}>
              <RouteLink to={{ name: "signal", id: alert.signal.id }}>{alert.signal.summary}</RouteLink>
              <span className="wijknet-muted">
                {" "}
                · {alert.signal.district?.name ?? ""} · {format.dateTime(alert.createdAt)}
              </span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Task>
      <Task
        title={t("home.people.title")}
        count={people.contacts.length}
        loaded={people.loaded || districtId === null}
        error={people.error}
        onRetry={() => void people.refetch()}
        empty={t("home.people.empty")}
        all={{ to: { name: "dashboard" }, label: t("home.people.all") }}
      >
        {districts.length > 1 && (
          <SelectField
            name="home-district"
            label={t("home.people.district")}
            value={districtId ?? ""}
            onChange={setChosen}
            options={districts.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
        <UnorderedList>
          {people.contacts.slice(0, SHOWN).map((contact) => (
            <UnorderedListItem key={contact.id}>
              <RouteLink to={{ name: "contact", id: contact.id }}>{contact.fullName}</RouteLink>
              <span className="wijknet-muted">
                {" "}
                ·{" "}
                {contact.lastInteractionAt
                  ? t("home.people.lastSpoke", { date: format.date(contact.lastInteractionAt) })
                  : t("home.people.never")}
              </span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Task>
      <Task
        title={t("home.sessions.title")}
        count={busySessions.length}
        loaded={sessions.loaded}
        error={sessions.error}
        onRetry={() => void sessions.refetch()}
        empty={t("home.sessions.empty")}
        all={{ to: { name: "sessions" }, label: t("home.sessions.all") }}
      >
        <UnorderedList>
          {busySessions.slice(0, SHOWN).map((session) => (
            <UnorderedListItem key={session.id}>
              <RouteLink to={{ name: "session", id: session.id }}>{session.title}</RouteLink>
              <span className="wijknet-muted">
                {" "}
                · {format.dateTime(session.startsAt)} ·{" "}
                {format.plural(session.counts.seatsLeft ?? 0, {
                  one: t("home.sessions.seatLeft"),
                  other: t("home.sessions.seatsLeft", { count: session.counts.seatsLeft ?? 0 }),
                })}
                {(session.counts.waitlisted ?? 0) > 0
                  ? ` · ${t("home.sessions.waitlisted", { count: format.count(session.counts.waitlisted) })}`
                  : ""}
              </span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Task>
    </div>
  );
}

function AllyHome() {
  const { t } = useI18n();
  return (
    <div className="wijknet-tasks">
      <section className="wijknet-task" aria-labelledby="home-ally-report">
        <Heading level={2} id="home-ally-report">
          {t("home.ally.reportTitle")}
        </Heading>
        <Paragraph>{t("home.ally.reportIntro")}</Paragraph>
        <Paragraph>
          <RouteLink to={{ name: "signalReport" }}>{t("home.ally.report")}</RouteLink>
        </Paragraph>
      </section>
      <section className="wijknet-task" aria-labelledby="home-ally-profile">
        <Heading level={2} id="home-ally-profile">
          {t("home.ally.profileTitle")}
        </Heading>
        <Paragraph>{t("home.ally.profileIntro")}</Paragraph>
        <Paragraph>
          <RouteLink to={{ name: "myProfile" }}>{t("home.ally.profile")}</RouteLink>
        </Paragraph>
      </section>
    </div>
  );
}

function AdminHome() {
  const { t } = useI18n();
  return (
    <div className="wijknet-tasks">
      <section className="wijknet-task" aria-labelledby="home-admin-users">
        <Heading level={2} id="home-admin-users">
          {t("home.admin.usersTitle")}
        </Heading>
        <Paragraph>{t("home.admin.usersIntro")}</Paragraph>
        <Paragraph>
          <RouteLink to={{ name: "users" }}>{t("home.admin.users")}</RouteLink>
        </Paragraph>
      </section>
    </div>
  );
}
