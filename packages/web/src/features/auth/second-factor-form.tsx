import { Alert, Button, ButtonGroup, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { TextField } from "../../kit/fields";
import { useI18n } from "../../i18n/i18n-provider";
import type { PendingLogin } from "./use-login";
import { type CodeFailure, useVerifySecondFactor } from "./use-second-factor";

/** The login's second step: a 6-digit code from the authenticator app, or a recovery code. */
export function SecondFactorForm({ pending, onCancel }: { pending: PendingLogin; onCancel: () => void }) {
  const { t } = useI18n();
  const { verify, verifying } = useVerifySecondFactor();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<CodeFailure | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => codeRef.current?.focus(), []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (code.trim().length === 0) {
      setError(t("twoFactor.error.required"));
      codeRef.current?.focus();
      return;
    }
    setError(undefined);
    const result = await verify(pending, code);
    if (result === "invalid") {
      setError(t("twoFactor.error.invalid"));
      codeRef.current?.focus();
    } else if (result) setFailure(result);
  };

  return (
    <form className="wijknet-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <div aria-live="polite">
        {failure && (
          <Alert type="error" role="none">
            <Paragraph>{t(failure === "rateLimited" ? "twoFactor.error.rateLimited" : "twoFactor.error.unknown")}</Paragraph>
          </Alert>
        )}
      </div>
      <Paragraph>{t("twoFactor.challenge.intro")}</Paragraph>
      <TextField
        name="code"
        label={t("twoFactor.code")}
        description={t("twoFactor.challenge.help")}
        autoComplete="one-time-code"
        inputRef={codeRef}
        value={code}
        onChange={setCode}
        error={error}
      />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={verifying} busy={verifying}>
          {t("twoFactor.challenge.submit")}
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={onCancel}>
          {t("form.cancel")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
