import { Button, ButtonGroup, Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { useRef, useState, type FormEvent } from "react";
import type { Language, Role } from "../../generated/gql/graphql";
import { CheckboxField, SelectField, TextField } from "../../kit/fields";
import { ErrorSummary } from "../../kit/error-summary";
import { useFocusFirstError } from "../../kit/focus-first-error";
import { useI18n } from "../../i18n/i18n-provider";
import { roleMessageKey } from "../auth/role-label";
import { useDistricts } from "../districts/use-districts";
import type { SaveOutcome } from "./use-users";
import {
  rolesWithDistricts,
  serverUserErrors,
  validateUser,
  type UserField,
  type UserFieldErrors,
  type UserFormValues,
} from "./validate-user";

const ROLES: readonly Role[] = ["COORDINATOR", "POLICE_LIAISON", "ALLY", "ADMIN"];
const LANGUAGES: readonly Language[] = ["NL", "EN"];

export const EMPTY_USER: UserFormValues = { displayName: "", email: "", role: "COORDINATOR", language: "NL", districts: {} };

export interface UserFormProps {
  initial: UserFormValues;
  isNew: boolean;
  submitLabel: string;
  saving: boolean;
  onSave: (values: UserFormValues) => Promise<SaveOutcome>;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

/** Name, email (new accounts), role, language and districts with the backup flag for liaisons. */
export function UserForm({ initial, isNew, submitLabel, saving, onSave, onSaved, onCancel }: UserFormProps) {
  const { t } = useI18n();
  const { districts } = useDistricts();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<UserFieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const { containerRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();
  const summaryRef = useRef<HTMLDivElement>(null);

  const set =
    <K extends keyof UserFormValues>(key: K) =>
    (value: UserFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const toggleDistrict = (id: string, on: boolean) =>
    setValues((v) => {
      const next = { ...v.districts };
      if (on) next[id] = next[id] ?? false;
      else delete next[id];
      return { ...v, districts: next };
    });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = validateUser(values, isNew);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    const outcome = await onSave(values);
    if (outcome.ok) {
      onSaved(outcome.id);
      return;
    }
    const mapped = serverUserErrors(outcome, isNew);
    setErrors(mapped);
    if (Object.keys(mapped).length > 0) focusFirstError();
    else {
      setFailure(
        outcome.reasons.includes("LAST_ADMIN")
          ? t("userForm.error.lastAdmin")
          : outcome.codes.includes("FORBIDDEN")
            ? t("userForm.error.ownRole")
            : t("form.error.unknown"),
      );
      summaryRef.current?.focus();
    }
  };

  const errorText = (field: UserField) => (errors[field] ? t(errors[field]) : undefined);
  const withDistricts = rolesWithDistricts.includes(values.role);

  return (
    <form ref={containerRef} className="wijknet-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <ErrorSummary ref={summaryRef} count={Object.keys(errors).length} failure={failure} />
      <TextField
        name="displayName"
        label={t("userForm.name")}
        required
        value={values.displayName}
        onChange={set("displayName")}
        error={errorText("displayName")}
      />
      {isNew && (
        <TextField
          name="email"
          type="email"
          label={t("userForm.email")}
          description={t("userForm.emailHelp")}
          required
          value={values.email}
          onChange={set("email")}
          error={errorText("email")}
        />
      )}
      <SelectField
        name="role"
        label={t("userForm.role")}
        value={values.role}
        onChange={(value) => set("role")(value as Role)}
        options={ROLES.map((role) => ({ value: role, label: t(roleMessageKey(role)) }))}
      />
      <SelectField
        name="language"
        label={t("userForm.language")}
        value={values.language}
        onChange={(value) => set("language")(value as Language)}
        options={LANGUAGES.map((l) => ({ value: l, label: t(l === "NL" ? "account.language.NL" : "account.language.EN") }))}
      />
      {withDistricts ? (
        <Fieldset invalid={Boolean(errors.districts)}>
          <FieldsetLegend>{t("userForm.districts")}</FieldsetLegend>
          {errors.districts && <Paragraph className="wijknet-field-error">{errorText("districts")}</Paragraph>}
          {districts.map((d) => (
            <div key={d.id}>
              <CheckboxField
                name={`district-${d.id}`}
                label={d.name}
                checked={d.id in values.districts}
                onChange={(on) => toggleDistrict(d.id, on)}
              />
              {values.role === "POLICE_LIAISON" && d.id in values.districts && (
                <CheckboxField
                  name={`backup-${d.id}`}
                  label={t("userForm.backup", { district: d.name })}
                  description={t("userForm.backupHelp")}
                  checked={values.districts[d.id] === true}
                  onChange={(on) => setValues((v) => ({ ...v, districts: { ...v.districts, [d.id]: on } }))}
                />
              )}
            </div>
          ))}
        </Fieldset>
      ) : (
        <Paragraph>{t("userForm.municipalityWide")}</Paragraph>
      )}
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={saving} busy={saving}>
          {saving ? t("form.saving") : submitLabel}
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={onCancel}>
          {t("form.cancel")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
