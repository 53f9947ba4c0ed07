import { Alert, Button, ButtonGroup, Paragraph } from "@utrecht/component-library-react";
import { useRef, useState, type FormEvent } from "react";
import { TextField } from "../../kit/fields";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { useI18n } from "../../i18n/i18n-provider";
import { useRequestPasswordReset } from "./use-account";

/** `/wachtwoord-vergeten`: the answer is the same whether or not the address is known. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const { request, sending } = useRequestPasswordReset();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<"sent" | "rateLimited" | "failed" | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const value = email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(value)) {
      setError(t("forgot.error.email"));
      emailRef.current?.focus();
      return;
    }
    setError(undefined);
    const outcome = await request(value);
    if (outcome.ok) setResult("sent");
    else if (outcome.codes.includes("RATE_LIMITED")) setResult("rateLimited");
    else if (outcome.codes.includes("BAD_USER_INPUT")) setError(t("forgot.error.email"));
    else setResult("failed");
  };

  return (
    <>
      <PageHeading title={t("forgot.title")}>{t("forgot.title")}</PageHeading>
      <div aria-live="polite">
        {result && (
          <Alert type={result === "sent" ? "ok" : "error"} role="none">
            <Paragraph>
              {t(result === "sent" ? "forgot.sent" : result === "rateLimited" ? "forgot.rateLimited" : "forgot.failed")}
            </Paragraph>
          </Alert>
        )}
      </div>
      <Paragraph>{t("forgot.intro")}</Paragraph>
      <form className="wijknet-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          name="email"
          type="email"
          label={t("forgot.email")}
          autoComplete="email"
          required
          inputRef={emailRef}
          value={email}
          onChange={setEmail}
          error={error}
        />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" disabled={sending} busy={sending}>
            {t("forgot.send")}
          </Button>
        </ButtonGroup>
      </form>
      <Paragraph>
        <RouteLink to={{ name: "login" }}>{t("forgot.back")}</RouteLink>
      </Paragraph>
    </>
  );
}
