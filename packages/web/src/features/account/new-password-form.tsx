import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { TextField } from "../../kit/fields";
import { ErrorSummary } from "../../kit/error-summary";
import { useFocusFirstError } from "../../kit/focus-first-error";
import { useI18n } from "../../i18n/i18n-provider";
import { checkNewPassword, serverPasswordError, type PasswordError } from "./password-rules";
import type { Outcome } from "./use-account";

export interface NewPasswordFormProps {
  /** Asks for the current password first (the own account page); links from an email do not. */
  withCurrent?: boolean;
  submitLabel: string;
  saving: boolean;
  onSave: (password: string, current: string) => Promise<Outcome>;
  onSaved: () => void;
  /** A failure that belongs to no field (e.g. an expired link): what to say. */
  describeFailure: (outcome: Extract<Outcome, { ok: false }>) => ReactNode;
}

type Field = "current" | "password" | "repeat";
type Errors = Partial<Record<Field, PasswordError | "password.error.wrongCurrent">>;

/**
 * A new password, twice. Only the length is checked here (the rule people can see); the
 * server checks the common-password list and names the reason, shown at the field.
 */
export function NewPasswordForm({ withCurrent = false, submitLabel, saving, onSave, onSaved, describeFailure }: NewPasswordFormProps) {
  const { t } = useI18n();
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ReactNode>(null);
  const { containerRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();
  const summaryRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Errors = { ...checkNewPassword(password, repeat) };
    if (withCurrent && current.length === 0) found.current = "password.error.required";
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    const outcome = await onSave(password, current);
    if (outcome.ok) {
      onSaved();
      return;
    }
    const reason = serverPasswordError(outcome.reasons);
    const mapped: Errors = reason
      ? { password: reason }
      : outcome.reasons.includes("WRONG_PASSWORD")
        ? { current: "password.error.wrongCurrent" }
        : {};
    setErrors(mapped);
    if (Object.keys(mapped).length > 0) focusFirstError();
    else {
      setFailure(describeFailure(outcome));
      summaryRef.current?.focus();
    }
  };

  const errorText = (field: Field) => (errors[field] ? t(errors[field]) : undefined);

  return (
    <form ref={containerRef} className="wijknet-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <ErrorSummary ref={summaryRef} count={Object.keys(errors).length} failure={failure} />
      {withCurrent && (
        <TextField
          name="currentPassword"
          type="password"
          label={t("password.current")}
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={errorText("current")}
        />
      )}
      <TextField
        name="newPassword"
        type="password"
        label={t("password.new")}
        description={t("password.help")}
        autoComplete="new-password"
        required
        value={password}
        onChange={setPassword}
        error={errorText("password")}
      />
      <TextField
        name="repeatPassword"
        type="password"
        label={t("password.repeat")}
        autoComplete="new-password"
        required
        value={repeat}
        onChange={setRepeat}
        error={errorText("repeat")}
      />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={saving} busy={saving}>
          {saving ? t("form.saving") : submitLabel}
        </Button>
      </ButtonGroup>
    </form>
  );
}
