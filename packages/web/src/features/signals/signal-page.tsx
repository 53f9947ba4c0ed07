import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../kit/responsive-table";
import { useMutation, useQuery } from "@apollo/client/react";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { useId, useState, type FormEvent } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { CheckboxField, SelectField, TextareaField, TextField } from "../../kit/fields";
import { describesPersonsFields, SituationTextPreview, useSituationFieldError, useSituationText } from "../../kit/situation-text";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { SignalDocument, UpdateSignalDocument, type SignalQuery, type UpdateSignalInput } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import type { Viewer } from "../auth/use-viewer";
import { AlertReceipts } from "../alert-delivery/alert-receipts";
import { useReportPushSeen } from "../alert-delivery/use-alert-delivery";
import { useDistricts } from "../districts/use-districts";
import { kindKey, reasonKey, SEVERITIES, severityKey, STATUSES, statusKey, timelineKey, timelineValueKey, visibilityKey } from "./labels";

type SignalDetail = NonNullable<SignalQuery["signal"]>;

/** One signal: facts, timeline, who was alerted; the coordinator triages it here. */
export function SignalPage({ id, viewer }: { id: string; viewer: Viewer }) {
  // Opened from a push notification: report it as seen (once, keyed by the delivery).
  useReportPushSeen(typeof window === "undefined" ? "" : window.location.search);
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(SignalDocument, { variables: { id }, fetchPolicy: "cache-and-network" });
  const signal = data?.signal ?? null;
  const coordinator = viewer.role === "COORDINATOR";

  return (
    <>
      <PageHeading title={signal?.summary ?? t("signal.title")}>{signal?.summary ?? t("signal.title")}</PageHeading>
      <Paragraph>
        {coordinator ? (
          <RouteLink to={{ name: "signals" }}>{t("signal.back")}</RouteLink>
        ) : (
          <RouteLink to={{ name: "alerts" }}>{t("signal.backToAlerts")}</RouteLink>
        )}
      </Paragraph>
      <LoadState
        loading={loading && !data}
        error={error}
        loadingText={t("signal.loading")}
        errorText={t("signal.error")}
        onRetry={() => void refetch()}
      />
      {data && !signal && <Paragraph>{t("signal.notFound")}</Paragraph>}
      {signal && (
        <>
          <SignalFacts signal={signal} />
          {coordinator && signal.flagged && <OverrideFlag signal={signal} />}
          {coordinator && <TriageForm signal={signal} onSaved={() => void refetch()} />}
          <Timeline signal={signal} />
          <AlertsTable signal={signal} />
        </>
      )}
    </>
  );
}

function SignalFacts({ signal }: { signal: SignalDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const rows: Array<[string, string]> = [
    [t("signal.kind"), t(kindKey(signal.kind))],
    [t("signal.district"), signal.district.name],
    [t("signal.severity"), t(severityKey(signal.severity))],
    [t("signal.status"), t(statusKey(signal.status))],
    [t("signal.visibility"), t(visibilityKey(signal.visibility))],
    [t("signal.reportedAt"), format.dateTime(signal.reportedAt)],
    [t("signal.reporter"), signal.reporter?.displayName ?? t("signal.reporterHidden")],
  ];
  if (signal.place) rows.splice(2, 0, [t("signal.place"), signal.place]);
  return (
    <>
      <dl className="wijknet-facts">
        {rows.map(([term, value]) => (
          <div key={term} className="wijknet-facts__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {signal.details && (
        <>
          <Heading level={2}>{t("signal.details")}</Heading>
          <Paragraph className="wijknet-prewrap">{signal.details}</Paragraph>
        </>
      )}
    </>
  );
}

type FlaggedField = "summary" | "details" | "place";
const FLAG_FIELD_KEY = {
  summary: "signal.flag.field.summary",
  details: "signal.flag.field.details",
  place: "signal.flag.field.place",
} as const;
const flaggedFields = (signal: SignalDetail): FlaggedField[] =>
  signal.textOverrides.map((o) => o.field).filter((f): f is FlaggedField => f === "summary" || f === "details" || f === "place");

/** The coordinator's flag: which warning was overridden, in which field, by whom, when. */
function OverrideFlag({ signal }: { signal: SignalDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <Alert type="warning">
      <Heading level={2}>{t("signal.flag.heading")}</Heading>
      <ul>
        {signal.textOverrides.map((o) => (
          <li key={o.id}>
            {t("signal.flag.item", {
              field: t(FLAG_FIELD_KEY[o.field as FlaggedField] ?? "signal.flag.field.summary"),
              words: [...new Set(o.words.map((w) => w.term))].join('", "'),
              author: o.acknowledgedBy?.displayName ?? t("signal.unknownAuthor"),
              time: format.dateTime(o.acknowledgedAt),
            })}
          </li>
        ))}
      </ul>
      <Paragraph>{t("signal.flag.police")}</Paragraph>
    </Alert>
  );
}

function Timeline({ signal }: { signal: SignalDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const value = (raw: string | null | undefined) => {
    if (!raw) return "–";
    const key = timelineValueKey(raw);
    return key ? t(key) : raw;
  };
  return (
    <>
      <Heading level={2}>{t("signal.timeline")}</Heading>
      <ol className="wijknet-timeline">
        {signal.timeline.map((entry) => (
          <li key={entry.id} className="wijknet-timeline__entry">
            <strong>{t(timelineKey(entry.kind))}</strong>
            {(entry.fromValue || entry.toValue) && entry.kind !== "REPORTED" && (
              <> · {t("signal.timelineChange", { from: value(entry.fromValue), to: value(entry.toValue) })}</>
            )}
            <br />
            <span className="wijknet-timeline__meta">
              {t("signal.timelineBy", { time: format.dateTime(entry.at), author: entry.author?.displayName ?? t("signal.unknownAuthor") })}
            </span>
            {entry.note && <Paragraph className="wijknet-prewrap">{entry.note}</Paragraph>}
          </li>
        ))}
      </ol>
    </>
  );
}

function AlertsTable({ signal }: { signal: SignalDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const headingId = useId();
  return (
    <>
      <Heading level={2} id={headingId}>
        {t("signal.alerts")}
      </Heading>
      {signal.alerts.length === 0 ? (
        <Paragraph>{t("signal.alertsEmpty")}</Paragraph>
      ) : (
        <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={headingId}>
          <Table aria-labelledby={headingId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("signal.alerts.col.recipient")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signal.alerts.col.reason")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signal.alerts.col.sent")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signal.alerts.col.acknowledged")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("receipts.heading")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {signal.alerts.map((alert) => (
                <TableRow key={alert.id}>
                  <TableHeaderCell scope="row">{alert.recipient.displayName}</TableHeaderCell>
                  <TableCell>{t(reasonKey(alert.reason))}</TableCell>
                  <TableCell>{format.dateTime(alert.createdAt)}</TableCell>
                  <TableCell>
                    {alert.acknowledgedAt
                      ? alert.acknowledgeComment
                        ? t("signal.alerts.ackWithComment", {
                            time: format.dateTime(alert.acknowledgedAt),
                            comment: alert.acknowledgeComment,
                          })
                        : format.dateTime(alert.acknowledgedAt)
                      : t("signal.alerts.notYet")}
                  </TableCell>
                  <TableCell>
                    <AlertReceipts receipts={alert.receipts} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ResponsiveTableContainer>
      )}
    </>
  );
}

function TriageForm({ signal, onSaved }: { signal: SignalDetail; onSaved: () => void }) {
  const { t } = useI18n();
  const { districts } = useDistricts();
  const [update, { loading }] = useMutation(UpdateSignalDocument);
  const [status, setStatus] = useState(signal.status);
  const [severity, setSeverity] = useState(signal.severity);
  const [districtId, setDistrictId] = useState(signal.district.id);
  const [shared, setShared] = useState(signal.visibility === "SHARED_WITH_POLICE");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<"saved" | "nothing" | "error" | null>(null);
  const flagged = flaggedFields(signal);
  const [police, setPolice] = useState<Record<FlaggedField, string>>({
    summary: signal.policeSummary ?? "",
    details: signal.policeDetails ?? "",
    place: signal.policePlace ?? "",
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FlaggedField | "note", string>>>({});
  const noteMatches = useSituationText(note);
  const noteWarning = useSituationFieldError(noteMatches);
  const policeMatches = {
    summary: useSituationText(police.summary),
    details: useSituationText(police.details),
    place: useSituationText(police.place, "place"),
  };
  const describes = (field: FlaggedField) =>
    policeMatches[field].length > 0
      ? t("triage.reword.describesPersons", { terms: policeMatches[field].map((m) => m.found).join('", "') })
      : undefined;

  const save = async (acknowledgeWarnings: boolean) => {
    const input: UpdateSignalInput = {};
    if (status !== signal.status) input.status = status;
    if (severity !== signal.severity) input.severity = severity;
    if (districtId !== signal.district.id) input.districtId = districtId;
    const visibility = shared ? "SHARED_WITH_POLICE" : "COORDINATION_ONLY";
    if (visibility !== signal.visibility) input.visibility = visibility;
    if (note.trim() !== "") input.note = note.trim();
    // Police only ever read the rewording of a flagged field; sharing waits for it.
    const errors: typeof fieldErrors = {};
    const current = { summary: signal.policeSummary, details: signal.policeDetails, place: signal.policePlace };
    for (const field of flagged) {
      const value = police[field].trim();
      if (value !== "" && value !== (current[field] ?? "")) {
        if (field === "summary") input.policeSummary = value;
        if (field === "details") input.policeDetails = value;
        if (field === "place") input.policePlace = value;
      }
      if (describes(field)) errors[field] = describes(field);
      else if (shared && value === "") errors[field] = t("triage.reword.required");
    }
    if (noteWarning && !acknowledgeWarnings) errors.note = noteWarning;
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    if (acknowledgeWarnings) input.acknowledgeWarnings = true;
    if (Object.keys(input).length === 0) {
      setMessage("nothing");
      return;
    }
    try {
      await update({ variables: { id: signal.id, input } });
      setNote("");
      setMessage("saved");
      onSaved();
    } catch (error) {
      // The server is the authority: its refusals land at their fields.
      const persons = describesPersonsFields(error);
      const rewording = CombinedGraphQLErrors.is(error)
        ? error.errors.find((e) => e.extensions?.reason === "REWORDING_REQUIRED")?.extensions?.fields
        : undefined;
      if (persons?.includes("note")) setFieldErrors({ note: t("situation.summary") });
      else if (Array.isArray(rewording)) {
        const mapped: typeof fieldErrors = {};
        for (const f of rewording as string[]) {
          const field = f.replace("input.police", "").toLowerCase() as FlaggedField;
          mapped[field] = t("triage.reword.required");
        }
        setFieldErrors(mapped);
      } else setMessage("error");
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <section aria-labelledby="triage-heading" className="wijknet-panel">
      <Heading level={2} id="triage-heading">
        {t("triage.heading")}
      </Heading>
      <Paragraph>{t("triage.intro")}</Paragraph>
      <form className="wijknet-form" noValidate onSubmit={submit}>
        <SelectField
          name="status"
          label={t("triage.status")}
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
        />
        <SelectField
          name="severity"
          label={t("triage.severity")}
          value={severity}
          onChange={(v) => setSeverity(v as typeof severity)}
          options={SEVERITIES.map((s) => ({ value: s, label: t(severityKey(s)) }))}
        />
        <SelectField
          name="district"
          label={t("triage.district")}
          value={districtId}
          onChange={setDistrictId}
          options={(districts.length > 0 ? districts : [signal.district]).map((d) => ({ value: d.id, label: d.name }))}
        />
        <CheckboxField name="share" label={t("triage.share")} checked={shared} onChange={setShared} />
        {flagged.length > 0 && (
          <fieldset className="wijknet-fieldset">
            <legend>{t("triage.reword.heading")}</legend>
            <Paragraph>{t("triage.reword.intro")}</Paragraph>
            {flagged.includes("summary") && (
              <>
                <TextField
                  name="policeSummary"
                  label={t("triage.reword.summary")}
                  value={police.summary}
                  onChange={(v) => setPolice((p) => ({ ...p, summary: v }))}
                  error={fieldErrors.summary ?? describes("summary")}
                />
                <SituationTextPreview text={police.summary} matches={policeMatches.summary} />
              </>
            )}
            {flagged.includes("details") && (
              <>
                <TextareaField
                  name="policeDetails"
                  label={t("triage.reword.details")}
                  value={police.details}
                  onChange={(v) => setPolice((p) => ({ ...p, details: v }))}
                  maxLength={4000}
                  error={fieldErrors.details ?? describes("details")}
                />
                <SituationTextPreview text={police.details} matches={policeMatches.details} />
              </>
            )}
            {flagged.includes("place") && (
              <>
                <TextField
                  name="policePlace"
                  label={t("triage.reword.place")}
                  value={police.place}
                  onChange={(v) => setPolice((p) => ({ ...p, place: v }))}
                  error={fieldErrors.place ?? describes("place")}
                />
                <SituationTextPreview text={police.place} matches={policeMatches.place} />
              </>
            )}
          </fieldset>
        )}
        <TextareaField
          name="note"
          label={t("triage.note")}
          description={t("triage.noteHelp")}
          value={note}
          onChange={setNote}
          maxLength={2000}
          error={fieldErrors.note ?? noteWarning}
        />
        <SituationTextPreview text={note} matches={noteMatches} />
        <div aria-live="polite">
          {message === "saved" && (
            <Alert type="ok" role="none">
              <Paragraph>{t("triage.saved")}</Paragraph>
            </Alert>
          )}
          {message === "nothing" && (
            <Alert type="info" role="none">
              <Paragraph>{t("triage.nothing")}</Paragraph>
            </Alert>
          )}
          {message === "error" && (
            <Alert type="error" role="none">
              <Paragraph>{t("triage.error")}</Paragraph>
            </Alert>
          )}
        </div>
        <div>
          <Button appearance="primary-action-button" type="submit" disabled={loading} busy={loading}>
            {loading ? t("triage.saving") : t("triage.save")}
          </Button>
          {noteWarning && (
            <Button appearance="secondary-action-button" type="button" disabled={loading} onClick={() => void save(true)}>
              {t("triage.noteAnyway")}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
