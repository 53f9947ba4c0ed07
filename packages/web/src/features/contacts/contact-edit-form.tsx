import {
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
} from "@utrecht/component-library-react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { SelectField, TextareaField, TextField } from "../../kit/fields";
import { ErrorSummary } from "../../kit/error-summary";
import { SituationTextPreview, useSituationFieldError, useSituationText } from "../../kit/situation-text";
import { LanguageField } from "../../kit/language-names";
import { useI18n } from "../../i18n/i18n-provider";
import { AGE_BANDS, ageBandKey, CHANNELS, channelKey, CONTACT_STATUSES, contactStatusKey } from "./labels";
import {
  CONTACT_FIELDS,
  NOTES_MAX,
  serverFieldErrors,
  toUpdateInput,
  validateContact,
  type ContactField,
  type ContactFieldErrors,
  type ContactFormValues,
} from "./validate-contact";
import type { UpdateOutcome } from "./use-update-contact";

export interface ContactEditFormProps {
  initial: ContactFormValues;
  districts: ReadonlyArray<{ id: string; name: string }>;
  onSave: (input: ReturnType<typeof toUpdateInput>) => Promise<UpdateOutcome>;
  onSaved: () => void;
  onCancel: () => void;
  saving: boolean;
}

type FocusTarget = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;

/**
 * The contact edit form. Errors (from the checks here or from the server's
 * BAD_USER_INPUT `extensions.field`) are shown at their field, summarised at the
 * top, and focus moves to the first wrong field.
 */
export function ContactEditForm({ initial, districts, onSave, onSaved, onCancel, saving }: ContactEditFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<ContactFormValues>(initial);
  const [errors, setErrors] = useState<ContactFieldErrors>({});
  const [failure, setFailure] = useState<"unknown" | "conflict" | null>(null);
  const refs = useRef<Partial<Record<ContactField, FocusTarget>>>({});
  const districtsId = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  // The user may leave the page while a save is under way; then the answer must not navigate or set state.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const set =
    <K extends keyof ContactFormValues>(key: K) =>
    (value: ContactFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const register = (field: ContactField) => (element: FocusTarget) => {
    refs.current[field] = element;
  };
  const focusFirst = (found: ContactFieldErrors) => {
    const first = CONTACT_FIELDS.find((field) => found[field]);
    if (first) refs.current[first]?.focus();
  };

  // Notes about a person: the situation-text guard, at once (the server checks again).
  const notesMatches = useSituationText(values.notes);
  const notesWarning = useSituationFieldError(notesMatches);

  const save = async (acknowledgeWarnings: boolean) => {
    setFailure(null);
    const found = validateContact(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    if (notesWarning && !acknowledgeWarnings) {
      refs.current.notes?.focus();
      return;
    }
    const outcome = await onSave({ ...toUpdateInput(values), acknowledgeWarnings });
    if (!mounted.current) return;
    if (outcome.ok) {
      onSaved();
      return;
    }
    const mapped = serverFieldErrors(outcome.fields);
    setErrors(mapped.errors);
    if (Object.keys(mapped.errors).length > 0) focusFirst(mapped.errors);
    else {
      setFailure(outcome.codes.includes("CONFLICT") ? "conflict" : "unknown");
      summaryRef.current?.focus();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const errorText = (field: ContactField) => (errors[field] ? t(errors[field]) : undefined);
  const errorCount = Object.keys(errors).length;

  return (
    <form className="wijknet-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary
        ref={summaryRef}
        count={errorCount}
        failure={failure && t(failure === "conflict" ? "contactForm.error.conflict" : "form.error.unknown")}
      />
      <TextField
        name="fullName"
        label={t("contactForm.fullName")}
        required
        autoComplete="off"
        value={values.fullName}
        onChange={set("fullName")}
        error={errorText("fullName")}
        inputRef={register("fullName")}
      />
      <TextField
        name="email"
        type="email"
        label={t("contactForm.email")}
        autoComplete="off"
        value={values.email}
        onChange={set("email")}
        error={errorText("email")}
        inputRef={register("email")}
      />
      <TextField
        name="phone"
        type="tel"
        label={t("contactForm.phone")}
        description={t("contactForm.phoneHelp")}
        autoComplete="off"
        value={values.phone}
        onChange={set("phone")}
        error={errorText("phone")}
        inputRef={register("phone")}
      />
      <SelectField
        name="preferredChannel"
        label={t("contactForm.channel")}
        value={values.preferredChannel}
        onChange={(value) => set("preferredChannel")(value as ContactFormValues["preferredChannel"])}
        options={CHANNELS.map((c) => ({ value: c, label: t(channelKey(c)) }))}
        error={errorText("preferredChannel")}
        inputRef={register("preferredChannel")}
      />
      <LanguageField
        name="preferredLanguage"
        label={t("contactForm.language")}
        description={t("contactForm.languageHelp")}
        value={values.preferredLanguage}
        onChange={set("preferredLanguage")}
        error={errorText("preferredLanguage")}
        inputRef={register("preferredLanguage")}
      />
      <SelectField
        name="ageBand"
        label={t("contactForm.ageBand")}
        description={t("contactForm.ageBandHelp")}
        value={values.ageBand}
        onChange={(value) => set("ageBand")(value as ContactFormValues["ageBand"])}
        options={AGE_BANDS.map((band) => ({ value: band, label: t(ageBandKey(band)) }))}
        error={errorText("ageBand")}
        inputRef={register("ageBand")}
      />
      <SelectField
        name="status"
        label={t("contactForm.status")}
        value={values.status}
        onChange={(value) => set("status")(value as ContactFormValues["status"])}
        options={CONTACT_STATUSES.map((s) => ({ value: s, label: t(contactStatusKey(s)) }))}
        error={errorText("status")}
        inputRef={register("status")}
      />
      <Fieldset aria-describedby={errors.districtIds ? `${districtsId}-error` : undefined}>
        <FieldsetLegend>{t("contactForm.districts")}</FieldsetLegend>
        {errors.districtIds && <FormFieldErrorMessage id={`${districtsId}-error`}>{t(errors.districtIds)}</FormFieldErrorMessage>}
        <div className="wijknet-checkbox-grid">
          {districts.map((district, index) => (
            <FormField
              key={district.id}
              type="checkbox"
              label={
                <FormLabel htmlFor={`${districtsId}-${district.id}`} type="checkbox">
                  {district.name}
                </FormLabel>
              }
              input={
                <Checkbox
                  id={`${districtsId}-${district.id}`}
                  ref={index === 0 ? register("districtIds") : undefined}
                  name="districtIds"
                  value={district.id}
                  checked={values.districtIds.includes(district.id)}
                  onChange={(event) =>
                    set("districtIds")(
                      event.target.checked ? [...values.districtIds, district.id] : values.districtIds.filter((id) => id !== district.id),
                    )
                  }
                />
              }
            />
          ))}
        </div>
      </Fieldset>
      <TextareaField
        name="notes"
        label={t("contactForm.notes")}
        description={t("contactForm.notesHelp")}
        value={values.notes}
        onChange={set("notes")}
        error={errorText("notes") ?? notesWarning}
        inputRef={register("notes")}
        maxLength={NOTES_MAX}
      />
      <SituationTextPreview text={values.notes} matches={notesMatches} />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={saving} busy={saving}>
          {saving ? t("form.saving") : t("form.save")}
        </Button>
        {notesWarning && (
          <Button appearance="secondary-action-button" type="button" disabled={saving} onClick={() => void save(true)}>
            {t("situation.saveAnyway")}
          </Button>
        )}
        <Button appearance="secondary-action-button" type="button" onClick={onCancel}>
          {t("form.cancel")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
