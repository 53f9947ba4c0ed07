import {
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
} from "@utrecht/component-library-react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { SelectField, TextareaField, TextField } from "../../kit/fields";
import { ErrorSummary } from "../../kit/error-summary";
import { SituationTextPreview, useSituationFieldError, useSituationText } from "../../kit/situation-text";
import { useFocusFirstError } from "../../kit/focus-first-error";
import type { CreateContactInput } from "../../generated/gql/graphql";
import { LanguageField } from "../../kit/language-names";
import { useI18n } from "../../i18n/i18n-provider";
import { ConsentFields } from "./consent-fields";
import { AGE_BANDS, ageBandKey, CHANNELS, channelKey } from "./labels";
import { RoleFields, type OrganisationOption } from "./role-fields";
import { EMPTY_CONSENT, needsGuardianConsent } from "./validate-consent";
import { NOTES_MAX, type ContactField } from "./validate-contact";
import {
  errorCount,
  NO_ERRORS,
  serverNewContactErrors,
  toCreateInput,
  validateNewContact,
  type NewContactErrors,
  type NewContactValues,
} from "./validate-new-contact";
import { emptyRole, MAX_ROLES, newRoleKey } from "./validate-roles";

export type CreateOutcome = { ok: true; id: string } | { ok: false; paths: string[]; codes: string[] };

export interface ContactCreateFormProps {
  initial: NewContactValues;
  districts: ReadonlyArray<{ id: string; name: string }>;
  organisations: readonly OrganisationOption[];
  onSave: (input: CreateContactInput) => Promise<CreateOutcome>;
  onSaved: (id: string) => void;
  onCancel: () => void;
  saving: boolean;
}

/**
 * The new-contact form: the person's details, districts, roles with their organisation and
 * the consents given. Checks run before sending (including the guardian rule for under-16s,
 * as the server applies it); the server's BAD_USER_INPUT field is shown at that field or row.
 */
export function ContactCreateForm({ initial, districts, organisations, onSave, onSaved, onCancel, saving }: ContactCreateFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<NewContactValues>(initial);
  const [errors, setErrors] = useState<NewContactErrors>(NO_ERRORS);
  const [failed, setFailed] = useState(false);
  const { containerRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const districtsId = useId();
  const rolesId = useId();
  const consentsId = useId();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const set =
    <K extends keyof NewContactValues>(key: K) =>
    (value: NewContactValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const fieldError = (field: ContactField) => (errors.fields[field] ? t(errors.fields[field]) : undefined);
  // Notes about a person: the situation-text guard, at once (the server checks again).
  const notesMatches = useSituationText(values.notes);
  const notesWarning = useSituationFieldError(notesMatches);

  const save = async (acknowledgeWarnings: boolean) => {
    setFailed(false);
    const found = validateNewContact(values);
    setErrors(found);
    if (errorCount(found) > 0 || (notesWarning && !acknowledgeWarnings)) {
      focusFirstError();
      return;
    }
    const outcome = await onSave({ ...toCreateInput(values), acknowledgeWarnings });
    if (!mounted.current) return;
    if (outcome.ok) {
      onSaved(outcome.id);
      return;
    }
    const mapped = serverNewContactErrors(outcome.paths);
    setErrors(mapped);
    if (errorCount(mapped) > 0) focusFirstError();
    else {
      setFailed(true);
      summaryRef.current?.focus();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const count = errorCount(errors);
  const youth = needsGuardianConsent(values.ageBand);

  return (
    <form ref={containerRef} className="wijknet-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary ref={summaryRef} count={count} failure={(failed || errors.other) && t("form.error.unknown")} />
      <TextField
        name="fullName"
        label={t("contactForm.fullName")}
        required
        autoComplete="off"
        value={values.fullName}
        onChange={set("fullName")}
        error={fieldError("fullName")}
      />
      <TextField
        name="email"
        type="email"
        label={t("contactForm.email")}
        autoComplete="off"
        value={values.email}
        onChange={set("email")}
        error={fieldError("email")}
      />
      <TextField
        name="phone"
        type="tel"
        label={t("contactForm.phone")}
        description={t("contactForm.phoneHelp")}
        autoComplete="off"
        value={values.phone}
        onChange={set("phone")}
        error={fieldError("phone")}
      />
      <SelectField
        name="preferredChannel"
        label={t("contactForm.channel")}
        value={values.preferredChannel}
        onChange={(value) => set("preferredChannel")(value as NewContactValues["preferredChannel"])}
        options={CHANNELS.map((c) => ({ value: c, label: t(channelKey(c)) }))}
        error={fieldError("preferredChannel")}
      />
      <LanguageField
        name="preferredLanguage"
        label={t("contactForm.language")}
        description={t("contactForm.languageHelp")}
        value={values.preferredLanguage}
        onChange={set("preferredLanguage")}
        error={fieldError("preferredLanguage")}
      />
      <SelectField
        name="ageBand"
        label={t("contactForm.ageBand")}
        description={youth ? t("contactNew.ageBandYouthHelp") : t("contactForm.ageBandHelp")}
        value={values.ageBand}
        onChange={(value) => set("ageBand")(value as NewContactValues["ageBand"])}
        options={AGE_BANDS.map((band) => ({ value: band, label: t(ageBandKey(band)) }))}
        error={fieldError("ageBand")}
      />
      <Fieldset aria-describedby={errors.fields.districtIds ? `${districtsId}-error` : undefined}>
        <FieldsetLegend>{t("contactForm.districts")}</FieldsetLegend>
        {errors.fields.districtIds && (
          <FormFieldErrorMessage id={`${districtsId}-error`}>{t(errors.fields.districtIds)}</FormFieldErrorMessage>
        )}
        <div className="wijknet-checkbox-grid">
          {districts.map((district) => (
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
                  name="districtIds"
                  value={district.id}
                  invalid={Boolean(errors.fields.districtIds)}
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
        error={fieldError("notes") ?? notesWarning}
        maxLength={NOTES_MAX}
      />
      <SituationTextPreview text={values.notes} matches={notesMatches} />

      <section aria-labelledby={rolesId} className="wijknet-stack">
        <Heading level={2} id={rolesId}>
          {t("contact.roles")}
        </Heading>
        {values.roles.length === 0 && <Paragraph>{t("contactNew.noRoles")}</Paragraph>}
        {values.roles.map((role, index) => (
          <RoleFields
            key={role.key}
            index={index}
            value={role}
            errors={errors.roles[index] ?? {}}
            organisations={organisations}
            onChange={(next) => set("roles")(values.roles.map((r, i) => (i === index ? next : r)))}
            onRemove={() => {
              set("roles")(values.roles.filter((_, i) => i !== index));
              setErrors((e) => ({ ...e, roles: {} }));
            }}
          />
        ))}
        {values.roles.length < MAX_ROLES && (
          <div>
            <Button appearance="secondary-action-button" type="button" onClick={() => set("roles")([...values.roles, emptyRole()])}>
              {t("roleForm.add")}
            </Button>
          </div>
        )}
      </section>

      <section aria-labelledby={consentsId} className="wijknet-stack">
        <Heading level={2} id={consentsId}>
          {t("contact.consents")}
        </Heading>
        <Paragraph>{youth ? t("contactNew.consentsYouthIntro") : t("contactNew.consentsIntro")}</Paragraph>
        {values.consents.map((consent, index) => (
          <ConsentFields
            key={consent.key}
            legend={t("consentForm.legend", { number: index + 1 })}
            namePrefix={`consents.${index}`}
            ageBand={values.ageBand}
            value={consent}
            errors={errors.consents[index] ?? {}}
            onChange={(next) => set("consents")(values.consents.map((c, i) => (i === index ? { ...next, key: c.key } : c)))}
            actions={
              <div>
                <Button
                  appearance="secondary-action-button"
                  type="button"
                  onClick={() => {
                    set("consents")(values.consents.filter((_, i) => i !== index));
                    setErrors((e) => ({ ...e, consents: {} }));
                  }}
                >
                  {t("consentForm.remove", { number: index + 1 })}
                </Button>
              </div>
            }
          />
        ))}
        {values.consents.length < MAX_ROLES && (
          <div>
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() => set("consents")([...values.consents, { ...EMPTY_CONSENT, byGuardian: youth, key: newRoleKey() }])}
            >
              {t("consentForm.add")}
            </Button>
          </div>
        )}
      </section>

      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={saving} busy={saving}>
          {saving ? t("form.saving") : t("contactNew.save")}
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
