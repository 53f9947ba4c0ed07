import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { useRef, useState, type FormEvent } from "react";
import { SelectField, TextareaField } from "../../kit/fields";
import { SituationTextPreview, useSituationFieldError, useSituationText } from "../../kit/situation-text";
import type { InteractionKind } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import { INTERACTION_KINDS, interactionKindKey } from "./labels";
import { useLogInteraction } from "./use-log-interaction";

export const NOTE_MAX = 500;

/** "Contactmoment vastleggen": kind and a short factual note. */
export function InteractionForm({ contactId }: { contactId: string }) {
  const { t } = useI18n();
  const { logInteraction, saving } = useLogInteraction(contactId);
  const [kind, setKind] = useState<InteractionKind>("CALL");
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>();
  const [status, setStatus] = useState<"saved" | "failed" | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  // The note is about a person: the situation-text guard, at once (the server checks again).
  const matches = useSituationText(note);
  const warning = useSituationFieldError(matches);

  const save = async (acknowledgeWarnings: boolean) => {
    setStatus(null);
    if (note.length > NOTE_MAX) {
      setNoteError(t("interaction.error.noteTooLong", { max: NOTE_MAX }));
      noteRef.current?.focus();
      return;
    }
    if (warning && !acknowledgeWarnings) {
      setNoteError(warning);
      noteRef.current?.focus();
      return;
    }
    setNoteError(undefined);
    const outcome = await logInteraction({ kind, note, acknowledgeWarnings });
    if (outcome.ok) {
      setNote("");
      setStatus("saved");
    } else if (outcome.fields.includes("note")) {
      setNoteError(t("interaction.error.note"));
      noteRef.current?.focus();
    } else setStatus("failed");
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <form className="wijknet-form" noValidate onSubmit={onSubmit}>
      <SelectField
        name="kind"
        label={t("interaction.kind")}
        value={kind}
        onChange={(value) => setKind(value as InteractionKind)}
        options={INTERACTION_KINDS.map((k) => ({ value: k, label: t(interactionKindKey(k)) }))}
      />
      <TextareaField
        name="note"
        label={t("interaction.note")}
        description={t("interaction.noteHelp", { max: NOTE_MAX })}
        value={note}
        onChange={setNote}
        error={noteError ?? warning}
        inputRef={noteRef}
      />
      <SituationTextPreview text={note} matches={matches} />
      <div>
        <Button appearance="primary-action-button" type="submit" disabled={saving} busy={saving}>
          {saving ? t("interaction.saving") : t("interaction.save")}
        </Button>
        {warning && (
          <Button appearance="secondary-action-button" type="button" disabled={saving} onClick={() => void save(true)}>
            {t("situation.saveAnyway")}
          </Button>
        )}
      </div>
      <div aria-live="polite">
        {status === "saved" && (
          <Alert type="ok" role="none">
            <Paragraph>{t("interaction.saved")}</Paragraph>
          </Alert>
        )}
        {status === "failed" && (
          <Alert type="error" role="none">
            <Paragraph>{t("interaction.failed")}</Paragraph>
          </Alert>
        )}
      </div>
    </form>
  );
}
