import { Alert, Paragraph } from "@utrecht/component-library-react";
import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useEffect, useReducer, useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { CheckboxField } from "../../kit/fields";
import { LoadState } from "../../kit/load-state";
import { AcknowledgeAlertDocument, AlertHistoryDocument, MyAlertsDocument, type MyAlertsSubscription } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import type { Viewer } from "../auth/use-viewer";
import { AlertList } from "./alert-list";
import { alertListReducer, EMPTY_ALERTS } from "./alert-list-state";
import { playAlertSound, primeAlertSound } from "./alert-sound";
import { useResumableSubscription } from "./use-resumable-subscription";

const SOUND_KEY = "wijknet.alerts.sound";

function readSoundPreference(): boolean {
  try {
    return window.localStorage.getItem(SOUND_KEY) === "on";
  } catch {
    return false;
  }
}

/** The police liaison's main page: their alerts, live, with acknowledgement. */
export function AlertConsolePage({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const history = useQuery(AlertHistoryDocument, { fetchPolicy: "network-only" });
  const [state, dispatch] = useReducer(alertListReducer, EMPTY_ALERTS);
  const [liveFailed, setLiveFailed] = useState(false);
  const [sound, setSound] = useState(readSoundPreference);
  const [acknowledge] = useMutation(AcknowledgeAlertDocument);

  useEffect(() => {
    if (history.data) dispatch({ type: "history", alerts: history.data.alertHistory });
  }, [history.data]);

  useResumableSubscription<MyAlertsSubscription>({
    document: MyAlertsDocument,
    storageKey: `wijknet.alerts.cursor.${viewer.id}`,
    getCursor: (data) => data.myAlerts.cursor,
    onData: (data) => {
      setLiveFailed(false);
      dispatch({ type: "event", event: data.myAlerts });
    },
    onError: () => setLiveFailed(true),
  });

  const arrival = state.lastArrival;
  useEffect(() => {
    if (arrival && sound) playAlertSound();
  }, [arrival, sound]);

  const toggleSound = (on: boolean) => {
    setSound(on);
    if (on) primeAlertSound();
    try {
      window.localStorage.setItem(SOUND_KEY, on ? "on" : "off");
    } catch {
      // Not remembered; the toggle still works on this page.
    }
  };

  const onAcknowledge = useCallback(
    async (id: string, comment: string, acknowledgeWarnings = false) => {
      try {
        const { data } = await acknowledge({ variables: { id, comment: comment === "" ? null : comment, acknowledgeWarnings } });
        if (!data) return false;
        dispatch({
          type: "acknowledged",
          id,
          acknowledgedAt: data.acknowledgeAlert.acknowledgedAt ?? null,
          acknowledgeComment: data.acknowledgeAlert.acknowledgeComment ?? null,
        });
        return true;
      } catch {
        return false;
      }
    },
    [acknowledge],
  );

  const open = state.alerts.filter((a) => a.acknowledgedAt === null).length;

  return (
    <>
      <PageHeading title={t("alerts.title")}>{t("alerts.title")}</PageHeading>
      <Paragraph>{t("alerts.intro")}</Paragraph>
      <div className="wijknet-console-bar">
        <Paragraph className="wijknet-console-bar__count">{t("alerts.openCount", { count: open })}</Paragraph>
        <CheckboxField name="sound" label={t("alerts.sound")} description={t("alerts.soundHelp")} checked={sound} onChange={toggleSound} />
      </div>
      {/* Announced politely, once per arrival; the list itself is not a live region (it would read everything). */}
      <div aria-live="polite" aria-atomic="true" className="wijknet-visually-hidden">
        {arrival ? t("alerts.announce", { summary: arrival.summary }) : ""}
      </div>
      <div aria-live="polite">
        {liveFailed && (
          <Alert type="error" role="none">
            <Paragraph>{t("alerts.liveError")}</Paragraph>
          </Alert>
        )}
      </div>
      <LoadState
        loading={history.loading && !history.data}
        error={history.error}
        loadingText={t("alerts.loading")}
        errorText={t("alerts.error")}
        onRetry={() => void history.refetch()}
      />
      {(history.data || state.alerts.length > 0) && <AlertList alerts={state.alerts} onAcknowledge={onAcknowledge} />}
    </>
  );
}
