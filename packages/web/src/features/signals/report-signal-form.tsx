import { Alert, Button, ButtonGroup, Heading, Link, Paragraph } from "@utrecht/component-library-react";
import { newIdempotencyKey } from "../../kit/idempotency-key";
import { useRef, useState, type FormEvent } from "react";
import { CheckboxField, SelectField, TextareaField, TextField } from "../../kit/fields";
import { useFocusFirstError } from "../../kit/focus-first-error";
import type { ReportSignalInput, Role, Severity, SignalKind } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import { KINDS, kindKey, SEVERITIES, severityKey } from "./labels";
import type { ReportOutcome, SituationWarning } from "./use-report-signal";
import { SituationTextPreview, useSituationText } from "../../kit/situation-text";
import { useMarkWarningWrong } from "../guard-feedback/use-mark-warning-wrong";

/**
 * The independent anti-discrimination service for the Utrecht region, reached through the
 * server's referral counter (`GET /referral`, module referral/), which counts one per district
 * and month and stores nothing else before sending the browser on.
 */
export const referralHref = (districtId: string) => `/referral?district=${encodeURIComponent(districtId)}`;

type TextFieldName = "summary" | "place" | "details";

export interface ReportFormValues {
  summary: string;
  kind: SignalKind;
  severity: Severity;
  districtId: string;
  place: string;
  details: string;
  identitySharable: boolean;
  share: boolean;
}

export interface ReportSignalFormProps {
  role: Role;
  districts: ReadonlyArray<{ id: string; name: string }>;
  onSubmit: (input: ReportSignalInput) => Promise<ReportOutcome>;
  onSent: (id: string) => void;
  sending: boolean;
}

/**
 * Report a tension: guides the reporter to describe the situation, not people.
 * Words about persons are found while typing (the shared situation-text guard)
 * and underlined under the field; the server checks again (DESCRIBES_PERSONS).
 * The reporter rephrases, or explicitly sends as written (acknowledgeWarnings).
 */
export function ReportSignalForm({ role, districts, onSubmit, onSent, sending }: ReportSignalFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<ReportFormValues>({
    summary: "",
    kind: "TENSION",
    severity: "MEDIUM",
    districtId: districts[0]?.id ?? "",
    place: "",
    details: "",
    identitySharable: false,
    share: false,
  });
  const [warnings, setWarnings] = useState<SituationWarning[]>([]);
  // One key per report: a retry after a lost answer sends it again and gets the first report back.
  const idempotencyKey = useRef(newIdempotencyKey());
  const [errors, setErrors] = useState<Partial<Record<TextFieldName | "district", string>>>({});
  const [failed, setFailed] = useState(false);
  const { containerRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();

  const set =
    <K extends keyof ReportFormValues>(key: K) =>
    (value: ReportFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const districtId = values.districtId || districts[0]?.id || "";
  const matches = {
    summary: useSituationText(values.summary),
    details: useSituationText(values.details),
    // A place or shop name: "bij de Turkse bakker" is a place (the server's softer rule).
    place: useSituationText(values.place, "place"),
  };
  const localWarnings: SituationWarning[] = (["summary", "place", "details"] as const).flatMap((field) =>
    matches[field].map((m) => ({ field, term: m.found })),
  );
  const shownWarnings = localWarnings.length > 0 ? localWarnings : warnings;
  // The form showed a warning at some point (counted in the guard's figures, words not sent).
  const warningsShown = useRef(false);
  if (shownWarnings.length > 0) warningsShown.current = true;
  const { markWrong, loading: markingWrong } = useMarkWarningWrong();
  const [feedback, setFeedback] = useState<"sent" | "failed" | null>(null);
  const onMarkWrong = async () => setFeedback((await markWrong(shownWarnings)) ? "sent" : "failed");

  const toInput = (acknowledgeWarnings: boolean): ReportSignalInput => ({
    summary: values.summary.trim(),
    kind: values.kind,
    severity: values.severity,
    districtId,
    place: values.place.trim() === "" ? null : values.place.trim(),
    details: values.details.trim() === "" ? null : values.details.trim(),
    reporterIdentitySharable: values.identitySharable,
    // Allies' reports always go to the coordinator only (the server insists too).
    visibility: role === "COORDINATOR" && values.share ? "SHARED_WITH_POLICE" : "COORDINATION_ONLY",
    acknowledgeWarnings,
    warningsShown: warningsShown.current,
    idempotencyKey: idempotencyKey.current,
  });

  const send = async (acknowledgeWarnings: boolean) => {
    setFailed(false);
    const summary = values.summary.trim();
    if (summary.length < 3 || summary.length > 200) {
      setErrors({ summary: t("report.error.summary") });
      focusFirstError();
      return;
    }
    setErrors({});
    if (localWarnings.length > 0 && !acknowledgeWarnings) {
      setWarnings(localWarnings);
      focusFirstError();
      return;
    }
    const outcome = await onSubmit(toInput(acknowledgeWarnings));
    if (outcome.ok) {
      setWarnings([]);
      warningsShown.current = false;
      setFeedback(null);
      idempotencyKey.current = newIdempotencyKey();
      onSent(outcome.id);
      return;
    }
    if (outcome.kind === "warnings") {
      setWarnings(outcome.warnings);
      focusFirstError();
    } else if (outcome.kind === "fields") {
      const mapped: typeof errors = {};
      for (const field of outcome.fields) {
        if (field === "summary" || field === "place" || field === "details") mapped[field] = t("report.error.server");
        if (field === "districtId") mapped.district = t("report.error.server");
      }
      setErrors(mapped);
      if (Object.keys(mapped).length > 0) focusFirstError();
      else setFailed(true);
    } else setFailed(true);
  };

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  const fieldError = (field: TextFieldName) => {
    const terms = shownWarnings.filter((w) => w.field === field).map((w) => w.term);
    if (terms.length > 0) return t("report.warning.field", { term: [...new Set(terms)].join('", "') });
    return errors[field];
  };

  return (
    <form ref={containerRef} className="wijknet-form wijknet-form--wide" noValidate onSubmit={onFormSubmit}>
      <Alert type="info">
        <Paragraph>{t("report.guide")}</Paragraph>
      </Alert>
      <div aria-live="polite">
        {shownWarnings.length > 0 && (
          <Alert type="warning" role="none">
            <Paragraph>{t("report.warning.summary")}</Paragraph>
            {role === "COORDINATOR" && values.share && <Paragraph>{t("report.warning.notShared")}</Paragraph>}
          </Alert>
        )}
        {failed && (
          <Alert type="error" role="none">
            <Paragraph>{t("report.error.unknown")}</Paragraph>
          </Alert>
        )}
      </div>
      <TextField
        name="summary"
        label={t("report.summary")}
        description={t("report.summaryHelp")}
        required
        value={values.summary}
        onChange={set("summary")}
        error={fieldError("summary")}
      />
      <SituationTextPreview text={values.summary} matches={matches.summary} />
      <SelectField
        name="kind"
        label={t("report.kind")}
        value={values.kind}
        onChange={(v) => set("kind")(v as SignalKind)}
        options={KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
      />
      <SelectField
        name="severity"
        label={t("report.severity")}
        value={values.severity}
        onChange={(v) => set("severity")(v as Severity)}
        options={SEVERITIES.map((s) => ({ value: s, label: t(severityKey(s)) }))}
      />
      <SelectField
        name="district"
        label={t("report.district")}
        value={districtId}
        onChange={set("districtId")}
        options={districts.map((d) => ({ value: d.id, label: d.name }))}
        error={errors.district}
      />
      <TextField name="place" label={t("report.place")} value={values.place} onChange={set("place")} error={fieldError("place")} />
      <SituationTextPreview text={values.place} matches={matches.place} />
      <TextareaField
        name="details"
        label={t("report.details")}
        description={t("report.detailsHelp")}
        value={values.details}
        onChange={set("details")}
        maxLength={4000}
        error={fieldError("details")}
      />
      <SituationTextPreview text={values.details} matches={matches.details} />
      {role !== "COORDINATOR" && (
        <CheckboxField
          name="identitySharable"
          label={t("report.identity")}
          description={t("report.identityHelp")}
          checked={values.identitySharable}
          onChange={set("identitySharable")}
        />
      )}
      {role === "COORDINATOR" && <CheckboxField name="share" label={t("report.share")} checked={values.share} onChange={set("share")} />}
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={sending} busy={sending}>
          {sending ? t("report.sending") : t("report.send")}
        </Button>
        {shownWarnings.length > 0 && (
          <Button appearance="secondary-action-button" type="button" disabled={sending} onClick={() => void send(true)}>
            {t("report.warning.sendAnyway")}
          </Button>
        )}
        {shownWarnings.length > 0 && feedback !== "sent" && (
          <Button appearance="subtle-button" type="button" disabled={markingWrong} onClick={() => void onMarkWrong()}>
            {t("guardFeedback.wrong")}
          </Button>
        )}
      </ButtonGroup>
      <div aria-live="polite">
        {feedback === "sent" && <Paragraph>{t("guardFeedback.thanks")}</Paragraph>}
        {feedback === "failed" && <Paragraph>{t("guardFeedback.failed")}</Paragraph>}
      </div>
      <section aria-labelledby="referral-heading" className="wijknet-panel">
        <Heading level={2} id="referral-heading">
          {t("report.referral.heading")}
        </Heading>
        <Paragraph>{t("report.referral.text")}</Paragraph>
        <Paragraph>
          <Link href={referralHref(districtId)} rel="noopener noreferrer" target="_blank" external>
            {t("report.referral.link")}
          </Link>{" "}
          <span className="wijknet-muted">{t("referral.counted")}</span>
        </Paragraph>
      </section>
    </form>
  );
}
