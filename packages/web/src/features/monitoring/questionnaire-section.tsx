import { Alert, Button, Fieldset, FieldsetLegend, Heading, Paragraph, RadioButton } from "@utrecht/component-library-react";
import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useState, type FormEvent } from "react";
import { TextField } from "../../kit/fields";
import { useI18n } from "../../i18n/i18n-provider";
import { AnswerQuestionnaireDocument, QuestionnaireStatusDocument } from "../../generated/gql/graphql";
import { ReferralLink } from "./referral-link";

const QUESTIONS = ["feltHeard", "trustChange", "wouldRecommend"] as const;
type Question = (typeof QUESTIONS)[number];

/**
 * After the session, on the invitee's own page: a short anonymous questionnaire (Likert 1–5 and
 * an optional comment), and the referral link to the independent anti-discrimination service.
 */
export function QuestionnaireSection({ token, districtId }: { token: string; districtId: string | null }) {
  const { t } = useI18n();
  const headingId = useId();
  const formId = useId();
  const status = useQuery(QuestionnaireStatusDocument, { variables: { token } });
  const [answer, { loading, error }] = useMutation(AnswerQuestionnaireDocument);
  const [values, setValues] = useState<Partial<Record<Question, number>>>({});
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState(false);
  const open = status.data?.invitation.questionnaireOpen ?? false;
  const answered = done || (status.data?.invitation.questionnaireAnswered ?? false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (QUESTIONS.some((q) => values[q] === undefined)) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const res = await answer({
      variables: {
        token,
        input: {
          feltHeard: values.feltHeard!,
          trustChange: values.trustChange!,
          wouldRecommend: values.wouldRecommend!,
          comment: comment || null,
        },
      },
    }).catch(() => null);
    if (res?.data?.answerQuestionnaire) setDone(true);
  };

  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {t("questionnaire.heading")}
      </Heading>
      {answered && (
        <Alert type="ok" role="status">
          <Paragraph>{t("questionnaire.thanks")}</Paragraph>
        </Alert>
      )}
      {open && !answered && (
        <form onSubmit={submit} noValidate className="wijknet-stack">
          <Paragraph>{t("questionnaire.intro")}</Paragraph>
          {QUESTIONS.map((q) => (
            <Fieldset key={q}>
              <FieldsetLegend>{t(`questionnaire.${q}`)}</FieldsetLegend>
              <div className="wijknet-likert">
                {[1, 2, 3, 4, 5].map((n) => (
                  <span key={n} className="wijknet-likert__option">
                    <RadioButton
                      id={`${formId}-${q}-${n}`}
                      name={q}
                      value={String(n)}
                      checked={values[q] === n}
                      onChange={() => setValues((v) => ({ ...v, [q]: n }))}
                    />{" "}
                    <label htmlFor={`${formId}-${q}-${n}`}>{t(`questionnaire.${q}.${n}` as "questionnaire.feltHeard.1")}</label>
                  </span>
                ))}
              </div>
            </Fieldset>
          ))}
          <TextField
            name="comment"
            label={t("questionnaire.comment")}
            description={t("questionnaire.commentHint")}
            value={comment}
            onChange={setComment}
          />
          {missing && (
            <Alert type="error" role="alert">
              <Paragraph>{t("questionnaire.missing")}</Paragraph>
            </Alert>
          )}
          {error && (
            <Alert type="error" role="alert">
              <Paragraph>{error.message}</Paragraph>
            </Alert>
          )}
          <Button type="submit" appearance="primary-action-button" disabled={loading}>
            {t("questionnaire.submit")}
          </Button>
        </form>
      )}
      <ReferralLink districtId={districtId} />
    </section>
  );
}
