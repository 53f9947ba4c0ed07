import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { SelectField, TextField } from "../../kit/fields";
import { ErrorSummary } from "../../kit/error-summary";
import { SituationTextPreview, useSituationFieldError, useSituationText } from "../../kit/situation-text";
import { useFocusFirstError } from "../../kit/focus-first-error";
import type { CreateOrganisationInput } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import { ORGANISATION_KINDS, organisationKindKey } from "../contacts/labels";
import type { SaveOutcome } from "./use-organisations";
import {
  serverOrganisationErrors,
  toOrganisationInput,
  validateOrganisation,
  type OrganisationField,
  type OrganisationFieldErrors,
  type OrganisationFormValues,
} from "./validate-organisation";

export interface OrganisationFormProps {
  initial: OrganisationFormValues;
  submitLabel: string;
  onSave: (input: CreateOrganisationInput) => Promise<SaveOutcome>;
  onSaved: (id: string) => void;
  onCancel: () => void;
  saving: boolean;
}

export const EMPTY_ORGANISATION: OrganisationFormValues = { name: "", kind: "COMMUNITY_ORGANISATION", website: "" };

/** Name, kind and website of an organisation; errors at their field, focus on the first one. */
export function OrganisationForm({ initial, submitLabel, onSave, onSaved, onCancel, saving }: OrganisationFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<OrganisationFieldErrors>({});
  const [failed, setFailed] = useState(false);
  const { containerRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const set =
    <K extends keyof OrganisationFormValues>(key: K) =>
    (value: OrganisationFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  // An organisation's name is a name (the place rule): "Turkse Vereniging" is fine, people are not.
  const nameMatches = useSituationText(values.name, "place");
  const nameWarning = useSituationFieldError(nameMatches);

  const save = async (acknowledgeWarnings: boolean) => {
    setFailed(false);
    const found = validateOrganisation(values);
    setErrors(found);
    if (Object.keys(found).length > 0 || (nameWarning && !acknowledgeWarnings)) {
      focusFirstError();
      return;
    }
    const input = toOrganisationInput(values);
    const outcome = await onSave(acknowledgeWarnings ? { ...input, acknowledgeWarnings } : input);
    if (!mounted.current) return;
    if (outcome.ok) {
      onSaved(outcome.id);
      return;
    }
    const mapped = serverOrganisationErrors(outcome.fields, outcome.codes);
    setErrors(mapped);
    if (Object.keys(mapped).length > 0) focusFirstError();
    else {
      setFailed(true);
      summaryRef.current?.focus();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const errorText = (field: OrganisationField) => (errors[field] ? t(errors[field]) : undefined);
  const errorCount = Object.keys(errors).length;

  return (
    <form ref={containerRef} className="wijknet-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary ref={summaryRef} count={errorCount} failure={failed && t("form.error.unknown")} />
      <TextField
        name="name"
        label={t("organisationForm.name")}
        required
        autoComplete="organization"
        value={values.name}
        onChange={set("name")}
        error={errorText("name") ?? nameWarning}
      />
      <SituationTextPreview text={values.name} matches={nameMatches} />
      <SelectField
        name="kind"
        label={t("organisationForm.kind")}
        value={values.kind}
        onChange={(value) => set("kind")(value as OrganisationFormValues["kind"])}
        options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(organisationKindKey(kind)) }))}
        error={errorText("kind")}
      />
      <TextField
        name="website"
        type="text"
        label={t("organisationForm.website")}
        description={t("organisationForm.websiteHelp")}
        autoComplete="url"
        value={values.website}
        onChange={set("website")}
        error={errorText("website")}
      />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={saving} busy={saving}>
          {saving ? t("form.saving") : submitLabel}
        </Button>
        {nameWarning && (
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
