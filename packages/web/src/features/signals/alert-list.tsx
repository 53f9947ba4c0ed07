import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { RouteLink } from "../../kit/router";
import { TextareaField } from "../../kit/fields";
import { SituationTextPreview, useSituationFieldError, useSituationText } from "../../kit/situation-text";
import { useFormat } from "../../kit/format";
import { useI18n } from "../../i18n/i18n-provider";
import type { ConsoleAlert } from "./alert-list-state";
import { reasonKey, severityKey } from "./labels";

export interface AlertListProps {
  alerts: readonly ConsoleAlert[];
  /** `acknowledgeWarnings`: the liaison saw that the comment describes people and keeps it. */
  onAcknowledge: (id: string, comment: string, acknowledgeWarnings?: boolean) => Promise<boolean>;
}

/** The console's alerts, newest first; new ones stand out by a badge, a border and the text "Nieuw" (never colour alone). */
export function AlertList({ alerts, onAcknowledge }: AlertListProps) {
  const { t } = useI18n();
  if (alerts.length === 0) return <Paragraph>{t("alerts.empty")}</Paragraph>;
  return (
    <ol className="wijknet-alerts" aria-label={t("alerts.listLabel")}>
      {alerts.map((alert) => (
        <AlertItem key={alert.id} alert={alert} onAcknowledge={onAcknowledge} />
      ))}
    </ol>
  );
}

function AlertItem({ alert, onAcknowledge }: { alert: ConsoleAlert; onAcknowledge: AlertListProps["onAcknowledge"] }) {
  const { t } = useI18n();
  const format = useFormat();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [asked, setAsked] = useState(false);
  // The comment reaches the coordinator and other liaisons: the situation-text guard, at once.
  const matches = useSituationText(comment);
  const warning = useSituationFieldError(matches);
  const acknowledged = alert.acknowledgedAt !== null;
  const severity = alert.signal.severity;

  const send = async (acknowledgeWarnings: boolean) => {
    if (warning && !acknowledgeWarnings) {
      setAsked(true);
      return;
    }
    setBusy(true);
    setFailed(false);
    const ok = acknowledgeWarnings ? await onAcknowledge(alert.id, comment.trim(), true) : await onAcknowledge(alert.id, comment.trim());
    setBusy(false);
    if (!ok) setFailed(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  const classes = [
    "wijknet-alert",
    `wijknet-alert--${severity.toLowerCase()}`,
    alert.isNew ? "wijknet-alert--new" : "",
    acknowledged ? "wijknet-alert--acknowledged" : "",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <li className={classes} data-alert-id={alert.id}>
      <article aria-labelledby={`alert-${alert.id}-title`}>
        <p className="wijknet-alert__title" id={`alert-${alert.id}-title`}>
          {alert.isNew && <span className="wijknet-badge wijknet-badge--new">{t("alerts.new")}</span>}{" "}
          <RouteLink to={{ name: "signal", id: alert.signal.id }} aria-label={t("alerts.openSignal", { summary: alert.signal.summary })}>
            {alert.signal.summary}
          </RouteLink>
        </p>
        <Paragraph className="wijknet-alert__meta">
          {t("alerts.meta", {
            district: alert.signal.district.name,
            severity: t(severityKey(severity)).toLowerCase(),
            time: format.dateTime(alert.createdAt),
          })}
          {alert.signal.place ? ` · ${alert.signal.place}` : ""}
        </Paragraph>
        <Paragraph className="wijknet-alert__meta">
          {t("alerts.reason", { reason: t(reasonKey(alert.reason)) })}
          {alert.escalationLevel > 0 ? ` · ${t("alerts.escalated", { level: alert.escalationLevel })}` : ""}
        </Paragraph>
        {acknowledged ? (
          <Paragraph className="wijknet-alert__ack">
            {t("alerts.acknowledged", { time: format.dateTime(alert.acknowledgedAt!) })}
            {alert.acknowledgedBy ? ` · ${t("alerts.acknowledgedBy", { name: alert.acknowledgedBy })}` : ""}
            {alert.acknowledgeComment ? ` · “${alert.acknowledgeComment}”` : ""}
          </Paragraph>
        ) : (
          <form className="wijknet-form wijknet-alert__form" noValidate onSubmit={submit}>
            {alert.escalatesAt && (
              <Paragraph className="wijknet-alert__meta">{t("alerts.escalatesAt", { time: format.dateTime(alert.escalatesAt) })}</Paragraph>
            )}
            <TextareaField
              name={`comment-${alert.id}`}
              label={t("alerts.comment")}
              description={t("alerts.commentHelp")}
              value={comment}
              onChange={setComment}
              maxLength={1000}
              error={warning}
            />
            <SituationTextPreview text={comment} matches={matches} />
            <div aria-live="polite">
              {asked && warning && (
                <Alert type="warning" role="none">
                  <Paragraph>{t("situation.summary")}</Paragraph>
                </Alert>
              )}
              {failed && (
                <Alert type="error" role="none">
                  <Paragraph>{t("alerts.ackError")}</Paragraph>
                </Alert>
              )}
            </div>
            <div>
              <Button appearance="primary-action-button" type="submit" disabled={busy} busy={busy}>
                {busy ? t("alerts.acknowledging") : t("alerts.acknowledge")}
              </Button>
              {warning && (
                <Button appearance="secondary-action-button" type="button" disabled={busy} onClick={() => void send(true)}>
                  {t("situation.saveAnyway")}
                </Button>
              )}
            </div>
          </form>
        )}
      </article>
    </li>
  );
}
