import { Alert, Button, ButtonGroup, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { TextField } from "../../kit/fields";
import { useI18n } from "../../i18n/i18n-provider";
import { useTwoFactorEnrolment } from "./use-second-factor";

type Step = { name: "start" } | { name: "scan"; secret: string; qrCodeDataUrl: string } | { name: "codes"; codes: string[] };

/**
 * Setting up two-factor authentication: a QR code (and the secret to type in by hand), a first
 * code from the app, then the recovery codes, shown only this once.
 */
export function TwoFactorEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { begin, confirm, busy } = useTwoFactorEnrolment();
  const [step, setStep] = useState<Step>({ name: "start" });
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);

  const onBegin = async () => {
    setFailed(false);
    const started = await begin();
    if (started) setStep({ name: "scan", secret: started.secret, qrCodeDataUrl: started.qrCodeDataUrl });
    else setFailed(true);
  };

  const onConfirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ""))) {
      setError(t("twoFactor.error.sixDigits"));
      return;
    }
    const result = await confirm(code.replace(/\s/g, ""));
    if ("codes" in result) {
      setError(undefined);
      setStep({ name: "codes", codes: result.codes });
    } else setError(t(result.failure === "rateLimited" ? "twoFactor.error.rateLimited" : "twoFactor.error.invalid"));
  };

  return (
    <div className="wijknet-two-factor">
      <div aria-live="polite">
        {failed && (
          <Alert type="error" role="none">
            <Paragraph>{t("twoFactor.error.unknown")}</Paragraph>
          </Alert>
        )}
      </div>
      {step.name === "start" && (
        <>
          <Paragraph>{t("twoFactor.enrol.intro")}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" type="button" disabled={busy} onClick={() => void onBegin()}>
              {t("twoFactor.enrol.start")}
            </Button>
          </ButtonGroup>
        </>
      )}
      {step.name === "scan" && (
        <form className="wijknet-form" noValidate onSubmit={(event) => void onConfirm(event)}>
          <Paragraph>{t("twoFactor.enrol.scan")}</Paragraph>
          <img src={step.qrCodeDataUrl} alt={t("twoFactor.enrol.qrAlt")} width={240} height={240} />
          <Paragraph>
            {t("twoFactor.enrol.secret")} <code data-testid="totp-secret">{step.secret}</code>
          </Paragraph>
          <TextField
            name="code"
            label={t("twoFactor.code")}
            description={t("twoFactor.enrol.codeHelp")}
            autoComplete="one-time-code"
            value={code}
            onChange={setCode}
            error={error}
          />
          <ButtonGroup>
            <Button appearance="primary-action-button" type="submit" disabled={busy} busy={busy}>
              {t("twoFactor.enrol.confirm")}
            </Button>
          </ButtonGroup>
        </form>
      )}
      {step.name === "codes" && (
        <>
          <Alert type="ok" role="none">
            <Paragraph>{t("twoFactor.enrol.done")}</Paragraph>
          </Alert>
          <Paragraph>{t("twoFactor.enrol.codes")}</Paragraph>
          <UnorderedList aria-label={t("twoFactor.enrol.codesLabel")}>
            {step.codes.map((c) => (
              <UnorderedListItem key={c}>
                <code>{c}</code>
              </UnorderedListItem>
            ))}
          </UnorderedList>
          <ButtonGroup>
            <Button appearance="primary-action-button" type="button" onClick={onDone}>
              {t("twoFactor.enrol.saved")}
            </Button>
          </ButtonGroup>
        </>
      )}
    </div>
  );
}
