import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { useRef, useState, type FormEvent } from "react";
import { SelectField, TextareaField } from "../../kit/fields";
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

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    if (note.length > NOTE_MAX) {
      setNoteError(t("interaction.error.noteTooLong", { max: NOTE_MAX }));
      noteRef.current?.focus();
      return;
    }
    setNoteError(undefined);
    const outcome = await logInteraction({ kind, note });
    if (outcome.ok) {
      setNote("");
      setStatus("saved");
    } else if (outcome.fields.includes("note")) {
      setNoteError(t("interaction.error.note"));
      noteRef.current?.focus();
    } else setStatus("failed");
  };

  return (
    <form className="wijknet-form" noValidate onSubmit={(event) => void onSubmit(event)}>
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
        error={noteError}
        inputRef={noteRef}
      />
      <div>
        <Button appearance="primary-action-button" type="submit" disabled={saving} busy={saving}>
          {saving ? t("interaction.saving") : t("interaction.save")}
        </Button>
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
