import { Alert, Button, ButtonGroup, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { ConfirmDialog } from "../../kit/confirm-dialog";
import { TextField } from "../../kit/fields";
import { useI18n } from "../../i18n/i18n-provider";
import { useContactDataExport, useEraseContact } from "./use-contact-actions";
import type { ContactDetail } from "./use-contact";

/** Typed confirmation: the name as shown, ignoring surrounding spaces and letter case only. */
export function nameMatches(typed: string, name: string): boolean {
  return typed.trim().toLocaleLowerCase("nl") === name.trim().toLocaleLowerCase("nl") && name.trim() !== "";
}

export interface EraseDialogProps {
  open: boolean;
  name: string;
  erasing: boolean;
  onErase: () => void;
  onCancel: () => void;
}

/** The GDPR erasure's strong confirmation: says what goes and what stays; the name must be typed. */
export function EraseDialog({ open, name, erasing, onErase, onCancel }: EraseDialogProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState("");
  const close = () => {
    setTyped("");
    onCancel();
  };
  return (
    <ConfirmDialog
      open={open}
      type="error"
      initialFocus="first"
      title={t("erase.title", { name })}
      confirmLabel={t("erase.confirmYes")}
      cancelLabel={t("contact.archiveNo")}
      confirmDisabled={!nameMatches(typed, name)}
      busy={erasing}
      onConfirm={onErase}
      onCancel={close}
    >
      <Paragraph>{t("erase.what")}</Paragraph>
      <Paragraph>{t("erase.stays")}</Paragraph>
      <Paragraph>{t("erase.final")}</Paragraph>
      <TextField name="eraseName" label={t("erase.typeName", { name })} autoComplete="off" value={typed} onChange={setTyped} />
    </ConfirmDialog>
  );
}

/** "Privacy (AVG)": download everything held about the person; erase the person. */
export function PrivacySection({ contact, erasable }: { contact: ContactDetail; erasable: boolean }) {
  const { t } = useI18n();
  const exporter = useContactDataExport(contact.id);
  const { erase, erasing } = useEraseContact(contact.id);
  const [confirming, setConfirming] = useState(false);
  const [eraseFailed, setEraseFailed] = useState(false);

  const onErase = async () => {
    const outcome = await erase();
    setEraseFailed(!outcome.ok);
    setConfirming(false);
  };

  return (
    <>
      <Paragraph>{t("privacy.exportIntro")}</Paragraph>
      <ButtonGroup>
        <Button
          appearance="secondary-action-button"
          type="button"
          disabled={exporter.exporting}
          busy={exporter.exporting}
          onClick={() => void exporter.download()}
        >
          {exporter.exporting ? t("privacy.exporting") : t("privacy.export")}
        </Button>
        {erasable && (
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => {
              setEraseFailed(false);
              setConfirming(true);
            }}
          >
            {t("erase.open")}
          </Button>
        )}
      </ButtonGroup>
      <div aria-live="polite">
        {exporter.status === "done" && <Paragraph>{t("privacy.exported")}</Paragraph>}
        {exporter.status === "failed" && (
          <Alert type="error" role="none">
            <Paragraph>{t("privacy.exportFailed")}</Paragraph>
          </Alert>
        )}
        {eraseFailed && (
          <Alert type="error" role="none">
            <Paragraph>{t("erase.failed")}</Paragraph>
          </Alert>
        )}
      </div>
      <EraseDialog
        open={confirming}
        name={contact.fullName}
        erasing={erasing}
        onErase={() => void onErase()}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
