import { Alert, Button, FormField, FormFieldErrorMessage, FormLabel, Paragraph, Textbox } from "@utrecht/component-library-react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/i18n-provider";
import { SecondFactorForm } from "./second-factor-form";
import { useLogin, type LoginFailure, type PendingLogin } from "./use-login";
import { validateLogin, type LoginFieldErrors } from "./validate-login";

/**
 * Email + password form. Validation runs on submit (not while typing, which
 * interrupts screen-reader users); each error names its field, is linked to
 * the input with aria-describedby, and focus goes to the first invalid field.
 */
export function LoginForm() {
  const { t } = useI18n();
  const { login, submitting } = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<LoginFieldErrors>({});
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  const [pending, setPending] = useState<PendingLogin | null>(null);

  const id = useId();
  const emailId = `${id}-email`;
  const passwordId = `${id}-password`;
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  // The submit button is disabled while the request runs, which drops focus;
  // put it on the message so the user hears what went wrong and can go on.
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const errors = validateLogin({ email, password });
    setFieldErrors(errors);
    setFailure(null);
    if (errors.email || errors.password) {
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }

    const outcome = await login({ email, password });
    if (outcome.ok) return;
    if (outcome.failure === "secondFactor") {
      setPending(outcome.pending);
      return;
    }
    if (outcome.invalidEmail) {
      // The server's rule is stricter than ours: show it on the field itself.
      setFieldErrors({ email: "login.error.emailInvalid" });
      emailRef.current?.focus();
      return;
    }
    setFailure(outcome.failure);
  }

  const emailError = fieldErrors.email && t(fieldErrors.email);
  const passwordError = fieldErrors.password && t(fieldErrors.password);

  if (pending) return <SecondFactorForm pending={pending} onCancel={() => setPending(null)} />;

  return (
    // noValidate: our Dutch/English messages instead of the browser's own.
    <form className="wijknet-form" noValidate onSubmit={handleSubmit} aria-busy={submitting || undefined}>
      {failure && (
        // role="none" on the Alert: focus already makes screen readers read
        // it; an extra role="alert" would read it twice.
        <div ref={failureRef} tabIndex={-1} className="wijknet-focus-target">
          <Alert type="error" role="none">
            <Paragraph>{t(`login.error.${failure}`)}</Paragraph>
          </Alert>
        </div>
      )}

      <FormField
        invalid={Boolean(emailError)}
        label={<FormLabel htmlFor={emailId}>{t("login.email")}</FormLabel>}
        input={
          <Textbox
            ref={emailRef}
            id={emailId}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            required
            invalid={Boolean(emailError)}
            aria-describedby={emailError ? `${emailId}-error` : undefined}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        }
        errorMessage={emailError && <FormFieldErrorMessage id={`${emailId}-error`}>{emailError}</FormFieldErrorMessage>}
      />

      <FormField
        invalid={Boolean(passwordError)}
        label={<FormLabel htmlFor={passwordId}>{t("login.password")}</FormLabel>}
        input={
          <Textbox
            ref={passwordRef}
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            invalid={Boolean(passwordError)}
            aria-describedby={passwordError ? `${passwordId}-error` : undefined}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        }
        errorMessage={passwordError && <FormFieldErrorMessage id={`${passwordId}-error`}>{passwordError}</FormFieldErrorMessage>}
      />

      <div>
        <Button appearance="primary-action-button" type="submit" disabled={submitting} busy={submitting}>
          {submitting ? t("login.submitting") : t("login.submit")}
        </Button>
      </div>
    </form>
  );
}
