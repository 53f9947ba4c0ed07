import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { SituationTextPreview, useSituationFieldError, useSituationText } from "../../kit/situation-text";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { SelectField, TextareaField, TextField } from "../../kit/fields";
import { ErrorSummary } from "../../kit/error-summary";
import { useFocusFirstError } from "../../kit/focus-first-error";
import { useFormat } from "../../kit/format";
import { useI18n } from "../../i18n/i18n-provider";
import { themeKey } from "./labels";
import type { SaveOutcome } from "./use-sessions";
import {
  serverSessionErrors,
  THEMES,
  validateSession,
  type SessionField,
  type SessionFieldErrors,
  type SessionFormValues,
} from "./validate-session";

export interface SessionFormProps {
  initial: SessionFormValues;
  /** Editing: theme and district are fixed once created (the server's update has no such fields). */
  mode: "create" | "edit";
  districts: ReadonlyArray<{ id: string; name: string }>;
  submitLabel: string;
  /** `acknowledgeWarnings`: the author saw that the text describes people and keeps it. */
  onSave: (values: SessionFormValues, acknowledgeWarnings: boolean) => Promise<SaveOutcome>;
  onSaved: (id: string) => void;
  onCancel: () => void;
  saving: boolean;
  /** For tests: the moment "in the future" is measured from. */
  now?: () => Date;
}

/** Create or edit a theme session; errors at their field (ours and the server's), focus on the first. */
export function SessionForm({
  initial,
  mode,
  districts,
  submitLabel,
  onSave,
  onSaved,
  onCancel,
  saving,
  now = () => new Date(),
}: SessionFormProps) {
  const { t } = useI18n();
  const format = useFormat();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<SessionFieldErrors>({});
  const [failed, setFailed] = useState<string | null>(null);
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
    <K extends keyof SessionFormValues>(key: K) =>
    (value: SessionFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  // Title, description and place: the situation-text guard, at once (the server checks again).
  const matches = {
    title: useSituationText(values.title),
    description: useSituationText(values.description),
    place: useSituationText(values.place, "place"),
  };
  const warnings = {
    title: useSituationFieldError(matches.title),
    description: useSituationFieldError(matches.description),
    place: useSituationFieldError(matches.place),
  };
  const warned = Boolean(warnings.title || warnings.description || warnings.place);

  const save = async (acknowledgeWarnings: boolean) => {
    setFailed(null);
    // A session that already started may keep its start; only a changed start must be in the future.
    const checkFuture = mode === "create" || values.startsAt !== initial.startsAt;
    const found = validateSession(values, now(), checkFuture);
    setErrors(found);
    if (Object.keys(found).length > 0 || (warned && !acknowledgeWarnings)) {
      focusFirstError();
      return;
    }
    const outcome = await onSave(values, acknowledgeWarnings);
    if (!mounted.current) return;
    if (outcome.ok) {
      onSaved(outcome.id);
      return;
    }
    const mapped = serverSessionErrors(outcome.fields);
    setErrors(mapped);
    if (Object.keys(mapped).length > 0) focusFirstError();
    else {
      setFailed(outcome.codes.includes("CONFLICT") ? t("sessionForm.error.conflict") : t("form.error.unknown"));
      summaryRef.current?.focus();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const errorText = (field: SessionField) => (errors[field] ? t(errors[field]) : undefined);
  const errorCount = Object.keys(errors).length;

  return (
    <form ref={containerRef} className="wijknet-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary ref={summaryRef} count={errorCount} failure={failed} />
      <TextField
        name="title"
        label={t("sessionForm.title")}
        required
        value={values.title}
        onChange={set("title")}
        error={errorText("title") ?? warnings.title}
      />
      <SituationTextPreview text={values.title} matches={matches.title} />
      {mode === "create" && (
        <>
          <SelectField
            name="theme"
            label={t("sessionForm.theme")}
            value={values.theme}
            onChange={(value) => set("theme")(value as SessionFormValues["theme"])}
            options={THEMES.map((theme) => ({ value: theme, label: t(themeKey(theme)) }))}
            error={errorText("theme")}
          />
          <SelectField
            name="districtId"
            label={t("sessionForm.district")}
            value={values.districtId}
            onChange={set("districtId")}
            options={[{ value: "", label: t("sessionForm.citywide") }, ...districts.map((d) => ({ value: d.id, label: d.name }))]}
            error={errorText("districtId")}
          />
        </>
      )}
      <TextareaField
        name="description"
        label={t("sessionForm.description")}
        description={t("sessionForm.descriptionHelp")}
        maxLength={4000}
        value={values.description}
        onChange={set("description")}
        error={errorText("description") ?? warnings.description}
      />
      <SituationTextPreview text={values.description} matches={matches.description} />
      <TextField
        name="place"
        label={t("sessionForm.place")}
        description={t("sessionForm.placeHelp")}
        required
        value={values.place}
        onChange={set("place")}
        error={errorText("place") ?? warnings.place}
      />
      <SituationTextPreview text={values.place} matches={matches.place} />
      <TextField
        type="datetime-local"
        name="startsAt"
        label={t("sessionForm.startsAt")}
        description={format.zoneLabelled ? t("sessionForm.timesInZone") : undefined}
        required
        value={values.startsAt}
        onChange={set("startsAt")}
        error={errorText("startsAt")}
      />
      <TextField
        type="datetime-local"
        name="endsAt"
        label={t("sessionForm.endsAt")}
        description={t("sessionForm.endsAtHelp")}
        required
        value={values.endsAt}
        onChange={set("endsAt")}
        error={errorText("endsAt")}
      />
      <TextField
        type="datetime-local"
        name="rsvpDeadline"
        label={t("sessionForm.rsvpDeadline")}
        description={t("sessionForm.rsvpDeadlineHelp")}
        value={values.rsvpDeadline}
        onChange={set("rsvpDeadline")}
        error={errorText("rsvpDeadline")}
      />
      <TextField
        type="number"
        name="capacity"
        label={t("sessionForm.capacity")}
        description={t("sessionForm.capacityHelp")}
        required
        min={1}
        max={2000}
        value={values.capacity}
        onChange={set("capacity")}
        error={errorText("capacity")}
      />
      <TextField
        type="number"
        name="youthReservedSeats"
        label={t("sessionForm.youthReservedSeats")}
        description={t("sessionForm.youthReservedSeatsHelp")}
        min={0}
        value={values.youthReservedSeats}
        onChange={set("youthReservedSeats")}
        error={errorText("youthReservedSeats")}
      />
      <TextField
        type="number"
        name="reminderHours"
        label={t("sessionForm.reminderHours")}
        description={t("sessionForm.reminderHoursHelp")}
        min={1}
        max={336}
        value={values.reminderHours}
        onChange={set("reminderHours")}
        error={errorText("reminderMinutesBefore")}
      />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={saving} busy={saving}>
          {saving ? t("form.saving") : submitLabel}
        </Button>
        {warned && (
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
