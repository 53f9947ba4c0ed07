import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../kit/responsive-table";
import { useId, useState, type FormEvent } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { ConfirmDialog } from "../../kit/confirm-dialog";
import { TextField } from "../../kit/fields";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { useI18n } from "../../i18n/i18n-provider";
import { ageBandKey } from "../contacts/labels";
import { useMemberSearch } from "../networks/use-network";
import { useNetworks } from "../networks/use-networks";
import { ToCall } from "./to-call";
import { attendanceKey, responseKey, seatStatusKey, statusKey, themeKey } from "./labels";
import {
  useCheckIn,
  useDownloadIcs,
  useInvite,
  useLiveCounts,
  useResetCheckInCode,
  useSession,
  useStatusAction,
  type InvitationLinkRow,
  type SessionDetail,
  type StatusAction,
} from "./use-sessions";

export function SessionPage({ id }: { id: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const { session, loading, error, refetch } = useSession(id);
  const open = session !== null && (session.status === "DRAFT" || session.status === "PUBLISHED");
  return (
    <>
      <PageHeading title={session?.title ?? t("session.title")}>{session?.title ?? t("session.title")}</PageHeading>
      <Paragraph>
        <RouteLink to={{ name: "sessions" }}>{t("sessions.back")}</RouteLink>
      </Paragraph>
      <LoadState
        loading={loading && !session}
        error={error}
        loadingText={t("sessions.loading")}
        errorText={t("session.error")}
        onRetry={() => void refetch()}
      />
      {session && (
        <>
          <dl className="wijknet-details">
            <dt>{t("session.status")}</dt>
            <dd>{t(statusKey(session.status))}</dd>
            <dt>{t("sessionForm.theme")}</dt>
            <dd>{t(themeKey(session.theme))}</dd>
            <dt>{t("session.when")}</dt>
            <dd>{format.dateTimeRange(session.startsAt, session.endsAt)}</dd>
            <dt>{t("sessionForm.place")}</dt>
            <dd>
              {session.place} · {session.district?.name ?? t("sessionForm.citywide")}
            </dd>
            {session.rsvpDeadline && (
              <>
                <dt>{t("sessionForm.rsvpDeadline")}</dt>
                <dd>{format.dateTime(session.rsvpDeadline)}</dd>
              </>
            )}
          </dl>
          {session.description && <Paragraph>{session.description}</Paragraph>}
          <SessionActions session={session} />
          <LiveCounts session={session} />
          <ToCall session={session} onChanged={refetch} />
          {session.status === "PUBLISHED" && <InviteForm sessionId={session.id} />}
          {session.status === "DRAFT" && <Paragraph>{t("session.publishFirst")}</Paragraph>}
          <Invitations session={session} />
          <Registrations session={session} />
          {open && <SelfCheckInCode session={session} />}
        </>
      )}
    </>
  );
}

function SessionActions({ session }: { session: SessionDetail }) {
  const { t } = useI18n();
  const { run, busy } = useStatusAction();
  const { download, busy: downloading } = useDownloadIcs();
  const [confirm, setConfirm] = useState<StatusAction | null>(null);
  const [message, setMessage] = useState<{ type: "ok" | "error"; text: string } | null>(null);
  const act = async (action: StatusAction) => {
    setConfirm(null);
    const codes = await run(action, session.id);
    if (codes === null) setMessage({ type: "ok", text: t(`session.done.${action}`) });
    else setMessage({ type: "error", text: codes.includes("CONFLICT") ? t("session.error.conflict") : t("session.error.action") });
  };
  const editable = session.status === "DRAFT" || session.status === "PUBLISHED";
  return (
    <section className="wijknet-stack" aria-label={t("session.actions")}>
      <ButtonGroup>
        {editable && <RouteLink to={{ name: "sessionEdit", id: session.id }}>{t("session.edit")}</RouteLink>}
        {session.status === "DRAFT" && (
          <Button appearance="primary-action-button" type="button" disabled={busy} onClick={() => void act("publish")}>
            {t("session.publish")}
          </Button>
        )}
        {session.status === "PUBLISHED" && (
          <Button appearance="secondary-action-button" type="button" disabled={busy} onClick={() => setConfirm("complete")}>
            {t("session.complete")}
          </Button>
        )}
        {editable && (
          <Button appearance="secondary-action-button" type="button" disabled={busy} onClick={() => setConfirm("cancel")}>
            {t("session.cancel")}
          </Button>
        )}
        <Button
          appearance="subtle-button"
          type="button"
          disabled={downloading}
          onClick={() => void download(session.id).then((ok) => !ok && setMessage({ type: "error", text: t("session.error.ics") }))}
        >
          {t("session.ics")}
        </Button>
      </ButtonGroup>
      <div aria-live="polite">
        {message && (
          <Alert type={message.type === "ok" ? "ok" : "error"} role="none">
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        )}
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === "cancel" ? t("session.confirmCancel.title") : t("session.confirmComplete.title")}
        confirmLabel={confirm === "cancel" ? t("session.confirmCancel.confirm") : t("session.confirmComplete.confirm")}
        cancelLabel={t("session.confirm.back")}
        onConfirm={() => confirm && void act(confirm)}
        onCancel={() => setConfirm(null)}
        busy={busy}
        type={confirm === "cancel" ? "error" : "warning"}
      >
        <Paragraph>{confirm === "cancel" ? t("session.confirmCancel.text") : t("session.confirmComplete.text")}</Paragraph>
      </ConfirmDialog>
    </section>
  );
}

/** The counts follow the sessionCounts subscription (through the cache) while the page is open. */
function LiveCounts({ session }: { session: SessionDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const headingId = useId();
  const { live } = useLiveCounts(session.id, session.status !== "CANCELLED");
  const counts = live ?? session.counts;
  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {t("session.counts")}
      </Heading>
      {/* One polite region: a changed count is read out once, without moving focus. */}
      <dl className="wijknet-counts" aria-live="polite" aria-atomic="true">
        <div>
          <dt>{t("session.counts.confirmed")}</dt>
          <dd data-testid="count-confirmed">
            {t("session.counts.ofCapacity", { count: format.count(counts.confirmed), capacity: counts.capacity })}
          </dd>
        </div>
        <div>
          <dt>{t("session.counts.seatsLeft")}</dt>
          <dd>{format.count(counts.seatsLeft)}</dd>
        </div>
        <div>
          <dt>{t("session.counts.waitlisted")}</dt>
          <dd data-testid="count-waitlisted">{format.count(counts.waitlisted)}</dd>
        </div>
        <div>
          <dt>{t("session.counts.youth")}</dt>
          <dd>{counts.youthReservedSeats}</dd>
        </div>
      </dl>
    </section>
  );
}

function InviteForm({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const { networks } = useNetworks({});
  const [networkIds, setNetworkIds] = useState<string[]>([]);
  const [search, setSearch] = useState("");
  const { results } = useMemberSearch(search);
  const [contacts, setContacts] = useState<Array<{ id: string; fullName: string }>>([]);
  const { invite, inviting } = useInvite();
  const [links, setLinks] = useState<InvitationLinkRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const toggleNetwork = (id: string, on: boolean) => setNetworkIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (networkIds.length === 0 && contacts.length === 0) {
      setError(t("invite.error.nobody"));
      return;
    }
    const outcome = await invite(
      sessionId,
      networkIds,
      contacts.map((c) => c.id),
    );
    if (outcome.ok) {
      setLinks(outcome.links);
      setNetworkIds([]);
      setContacts([]);
      setSearch("");
    } else if (outcome.fields.includes("contactIds")) setError(t("invite.error.contacts"));
    else if (outcome.fields.includes("networkIds")) setError(t("invite.error.networks"));
    else setError(t("invite.error.unknown"));
  };

  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {t("invite.heading")}
      </Heading>
      <Paragraph>{t("invite.intro")}</Paragraph>
      <form className="wijknet-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <fieldset className="wijknet-fieldset">
          <legend>{t("invite.networks")}</legend>
          {networks.length === 0 && <Paragraph>{t("invite.noNetworks")}</Paragraph>}
          {networks.map((n) => (
            <NetworkCheckbox
              key={n.id}
              name={n.name}
              count={n.memberCount}
              checked={networkIds.includes(n.id)}
              onChange={(on) => toggleNetwork(n.id, on)}
            />
          ))}
        </fieldset>
        <TextField
          name="contactSearch"
          type="search"
          label={t("invite.searchContact")}
          description={t("invite.searchHelp")}
          value={search}
          onChange={setSearch}
        />
        {results.length > 0 && (
          <ul className="wijknet-plain-list" aria-label={t("invite.searchResults")}>
            {results
              .filter((r) => !contacts.some((c) => c.id === r.id))
              .map((r) => (
                <li key={r.id}>
                  <Button
                    appearance="subtle-button"
                    type="button"
                    onClick={() => setContacts((list) => [...list, { id: r.id, fullName: r.fullName }])}
                  >
                    {t("invite.add", { name: r.fullName })}
                  </Button>
                </li>
              ))}
          </ul>
        )}
        {contacts.length > 0 && (
          <>
            <Paragraph>{t("invite.chosen")}</Paragraph>
            <ul className="wijknet-plain-list">
              {contacts.map((c) => (
                <li key={c.id}>
                  {c.fullName}{" "}
                  <Button appearance="subtle-button" type="button" onClick={() => setContacts((list) => list.filter((x) => x.id !== c.id))}>
                    {t("invite.remove", { name: c.fullName })}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
        <div aria-live="polite">
          {error && (
            <Alert type="error" role="none">
              <Paragraph>{error}</Paragraph>
            </Alert>
          )}
        </div>
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" disabled={inviting} busy={inviting}>
            {inviting ? t("invite.sending") : t("invite.submit")}
          </Button>
        </ButtonGroup>
      </form>
      <div aria-live="polite">{links && <CreatedLinks links={links} />}</div>
    </section>
  );
}

function NetworkCheckbox({
  name,
  count,
  checked,
  onChange,
}: {
  name: string;
  count: number | null;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const id = useId();
  return (
    <FormField
      type="checkbox"
      label={
        <FormLabel htmlFor={id} type="checkbox">
          {t("invite.network", { name, count: format.count(count) })}
        </FormLabel>
      }
      input={<Checkbox id={id} checked={checked} onChange={(event) => onChange(event.target.checked)} />}
    />
  );
}

/** The links exist only in this answer (the server keeps hashes): shown once, to copy and send. */
function CreatedLinks({ links }: { links: readonly InvitationLinkRow[] }) {
  const { t } = useI18n();
  const format = useFormat();
  const headingId = useId();
  if (links.length === 0) {
    return (
      <Alert type="info" role="none">
        <Paragraph>{t("invite.noneNew")}</Paragraph>
      </Alert>
    );
  }
  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={3} id={headingId}>
        {format.plural(links.length, { one: t("invite.links.one"), other: t("invite.links.other", { count: links.length }) })}
      </Heading>
      <Paragraph>{t("invite.linksHelp")}</Paragraph>
      <ul className="wijknet-plain-list">
        {links.map((link) => (
          <CopyableLink key={link.invitation.id} name={link.invitation.contact?.fullName ?? t("invite.unknownPerson")} url={link.url} />
        ))}
      </ul>
      {links.some((link) => link.invitation.needsCall) && (
        <Alert type="warning">
          <Paragraph>
            {t("invite.toCall", {
              names: links
                .filter((link) => link.invitation.needsCall)
                .map((link) => link.invitation.contact?.fullName ?? t("invite.unknownPerson"))
                .join(", "),
            })}
          </Paragraph>
        </Alert>
      )}
    </section>
  );
}

function CopyableLink({ name, url }: { name: string; url: string }) {
  const { t } = useI18n();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission: the text box is selected, so Ctrl+C still works.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <li className="wijknet-copy-link">
      <FormLabel htmlFor={id}>{t("invite.linkFor", { name })}</FormLabel>
      <Textbox id={id} readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      <Button appearance="secondary-action-button" type="button" onClick={() => void copy()}>
        {copied ? t("invite.copied") : t("invite.copy")}
      </Button>
    </li>
  );
}

function Invitations({ session }: { session: SessionDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {t("session.invitations", { count: session.invitations.length })}
      </Heading>
      {session.invitations.length === 0 ? (
        <Paragraph>{t("session.noInvitations")}</Paragraph>
      ) : (
        <ResponsiveTableContainer>
          <Table aria-labelledby={headingId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("session.col.person")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("session.col.via")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("session.col.answer")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("session.col.linkValid")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {session.invitations.map((inv) => (
                <TableRow key={inv.id}>
                  <TableHeaderCell scope="row">{inv.contact?.fullName ?? t("invite.unknownPerson")}</TableHeaderCell>
                  <TableCell>{inv.viaNetwork?.name ?? t("session.direct")}</TableCell>
                  <TableCell>
                    {inv.response ? t(responseKey(inv.response)) : t("session.noAnswer")}
                    {inv.respondedAt && <span className="wijknet-muted"> ({format.dateTime(inv.respondedAt)})</span>}
                  </TableCell>
                  <TableCell>{format.date(inv.tokenExpiresAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ResponsiveTableContainer>
      )}
    </section>
  );
}

function Registrations({ session }: { session: SessionDetail }) {
  const { t } = useI18n();
  const headingId = useId();
  const { checkIn, checking } = useCheckIn();
  const [error, setError] = useState<string | null>(null);
  const canCheckIn = session.status === "PUBLISHED" || session.status === "COMPLETED";
  const mark = async (id: string, result: "ATTENDED" | "NO_SHOW") => {
    setError(null);
    const codes = await checkIn(id, result);
    if (codes !== null)
      setError(codes.includes("CONFLICT") || codes.includes("BAD_USER_INPUT") ? t("checkIn.error.notYet") : t("checkIn.error.unknown"));
  };
  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {t("session.registrations")}
      </Heading>
      <Paragraph>{t("session.registrationsHelp")}</Paragraph>
      <div aria-live="polite">
        {error && (
          <Alert type="error" role="none">
            <Paragraph>{error}</Paragraph>
          </Alert>
        )}
      </div>
      {session.registrations.length === 0 ? (
        <Paragraph>{t("session.noRegistrations")}</Paragraph>
      ) : (
        <ResponsiveTableContainer>
          <Table aria-labelledby={headingId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("session.col.person")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("session.col.ageBand")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("session.col.seat")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("session.col.attendance")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {session.registrations.map((r) => {
                const host = r.invitation.contact?.fullName ?? t("invite.unknownPerson");
                const who = r.isGuest ? t("session.guestOf", { guest: r.guestLabel ?? "?", host }) : host;
                return (
                  <TableRow key={r.id}>
                    <TableHeaderCell scope="row">{who}</TableHeaderCell>
                    <TableCell>{t(ageBandKey(r.ageBand))}</TableCell>
                    <TableCell>
                      {r.seatStatus === "WAITLISTED" && r.waitlistPosition !== null && r.waitlistPosition !== undefined
                        ? t("seat.waitlistPosition", { position: r.waitlistPosition })
                        : t(seatStatusKey(r.seatStatus))}
                    </TableCell>
                    <TableCell>
                      {t(attendanceKey(r.attendance))}
                      {canCheckIn && r.seatStatus === "CONFIRMED" && (
                        <ButtonGroup>
                          <Button
                            appearance="secondary-action-button"
                            type="button"
                            disabled={checking || r.attendance === "ATTENDED"}
                            onClick={() => void mark(r.id, "ATTENDED")}
                            aria-label={t("checkIn.attendedFor", { name: who })}
                          >
                            {t("checkIn.attended")}
                          </Button>
                          <Button
                            appearance="subtle-button"
                            type="button"
                            disabled={checking || r.attendance === "NO_SHOW"}
                            onClick={() => void mark(r.id, "NO_SHOW")}
                            aria-label={t("checkIn.noShowFor", { name: who })}
                          >
                            {t("checkIn.noShow")}
                          </Button>
                        </ButtonGroup>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ResponsiveTableContainer>
      )}
    </section>
  );
}

function SelfCheckInCode({ session }: { session: SessionDetail }) {
  const { t } = useI18n();
  const headingId = useId();
  const { reset, resetting } = useResetCheckInCode();
  const [code, setCode] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const onReset = async () => {
    setFailed(false);
    const next = await reset(session.id);
    if (next) setCode(next);
    else setFailed(true);
  };
  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {t("selfCheckIn.heading")}
      </Heading>
      <Paragraph>{session.hasSelfCheckInCode ? t("selfCheckIn.hasCode") : t("selfCheckIn.noCode")}</Paragraph>
      <Button appearance="secondary-action-button" type="button" disabled={resetting} onClick={() => void onReset()}>
        {session.hasSelfCheckInCode ? t("selfCheckIn.reset") : t("selfCheckIn.create")}
      </Button>
      <div aria-live="polite">
        {code && (
          <Alert type="ok" role="none">
            <Paragraph>
              {t("selfCheckIn.code")} <strong className="wijknet-code">{code}</strong>
            </Paragraph>
          </Alert>
        )}
        {failed && (
          <Alert type="error" role="none">
            <Paragraph>{t("selfCheckIn.error")}</Paragraph>
          </Alert>
        )}
      </div>
    </section>
  );
}
