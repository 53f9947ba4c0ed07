import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, ButtonGroup, Heading, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import {
  AddGuardCorpusCandidateDocument,
  DismissGuardFeedbackDocument,
  type GuardCorpusLabel,
  GuardFeedbackQueueDocument,
  type GuardFeedbackQueueQuery,
} from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import { CheckboxField, SelectField, TextareaField } from "../../kit/fields";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { SituationTextPreview, useSituationText } from "../../kit/situation-text";

type Item = GuardFeedbackQueueQuery["guardFeedbackQueue"][number];

/**
 * The coordinator's review queue of the situation-text guard: warnings marked "klopt niet"
 * (only the flagged words) and reports marked as slipped through. From each, the coordinator
 * writes an anonymised sentence for the guard's test corpus, or closes it.
 */
export function GuardReviewPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(GuardFeedbackQueueDocument, { fetchPolicy: "cache-and-network" });
  const items = data?.guardFeedbackQueue ?? [];
  return (
    <div className="wijknet-stack">
      <PageHeading title={t("guardReview.title")}>{t("guardReview.title")}</PageHeading>
      <Paragraph>{t("guardReview.intro")}</Paragraph>
      <LoadState
        loading={loading && !data}
        error={error}
        loadingText={t("guardReview.loading")}
        errorText={t("guardReview.error")}
        onRetry={() => void refetch()}
      />
      {data && items.length === 0 && <Paragraph>{t("guardReview.empty")}</Paragraph>}
      {items.map((item) => (
        <ReviewItem key={item.id} item={item} onDone={() => void refetch()} />
      ))}
    </div>
  );
}

function ReviewItem({ item, onDone }: { item: Item; onDone: () => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const [sentence, setSentence] = useState("");
  const [label, setLabel] = useState<GuardCorpusLabel>(item.kind === "WARNING_WRONG" ? "SITUATION" : "DESCRIBES_PEOPLE");
  const [placeField, setPlaceField] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const [failed, setFailed] = useState(false);
  const [sentenceError, setSentenceError] = useState<string | undefined>();
  const matches = useSituationText(sentence, placeField ? "place" : "text");
  const [add, adding] = useMutation(AddGuardCorpusCandidateDocument);
  const [dismiss, dismissing] = useMutation(DismissGuardFeedbackDocument);
  const headingId = `guard-item-${item.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailed(false);
    const text = sentence.trim();
    if (text.length < 5) {
      setSentenceError(t("guardReview.sentence.tooShort"));
      return;
    }
    setSentenceError(undefined);
    try {
      await add({ variables: { input: { feedbackId: item.id, sentence: text, label, placeField, acknowledgeWarnings: acknowledged } } });
      onDone();
    } catch {
      setFailed(true);
    }
  };
  const close = async () => {
    setFailed(false);
    try {
      await dismiss({ variables: { id: item.id } });
      onDone();
    } catch {
      setFailed(true);
    }
  };

  return (
    <section aria-labelledby={headingId} className="wijknet-panel">
      <Heading level={2} id={headingId}>
        {item.kind === "WARNING_WRONG" ? t("guardReview.kind.wrong", { words: item.words.join(", ") }) : t("guardReview.kind.slipped")}
      </Heading>
      <Paragraph>
        {t("guardReview.when", { when: format.dateTime(item.createdAt) })}
        {item.field ? ` · ${t("guardReview.field", { field: item.field.replace(/^input\./, "") })}` : ""}
      </Paragraph>
      {item.signalId && (
        <Paragraph>
          <RouteLink to={{ name: "signal", id: item.signalId }}>{t("guardReview.openSignal")}</RouteLink>
        </Paragraph>
      )}
      <form className="wijknet-form" noValidate onSubmit={(e) => void submit(e)}>
        <TextareaField
          name={`sentence-${item.id}`}
          label={t("guardReview.sentence.label")}
          description={t("guardReview.sentence.help")}
          value={sentence}
          onChange={setSentence}
          error={sentenceError}
          maxLength={500}
        />
        <SituationTextPreview text={sentence} matches={matches} />
        <SelectField
          name={`label-${item.id}`}
          label={t("guardReview.label.label")}
          value={label}
          onChange={(v) => setLabel(v as GuardCorpusLabel)}
          options={[
            { value: "SITUATION", label: t("guardReview.label.situation") },
            { value: "DESCRIBES_PEOPLE", label: t("guardReview.label.people") },
          ]}
        />
        <CheckboxField name={`place-${item.id}`} label={t("guardReview.placeField")} checked={placeField} onChange={setPlaceField} />
        {matches.length > 0 && (
          <CheckboxField name={`ack-${item.id}`} label={t("guardReview.acknowledge")} checked={acknowledged} onChange={setAcknowledged} />
        )}
        <div aria-live="polite">
          {failed && (
            <Alert type="error" role="none">
              <Paragraph>{t("guardReview.failed")}</Paragraph>
            </Alert>
          )}
        </div>
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" disabled={adding.loading} busy={adding.loading}>
            {t("guardReview.add")}
          </Button>
          <Button appearance="secondary-action-button" type="button" disabled={dismissing.loading} onClick={() => void close()}>
            {t("guardReview.dismiss")}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
