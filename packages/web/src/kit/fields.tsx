import {
  Checkbox,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from "@utrecht/component-library-react";
import { useId, type ReactNode, type Ref } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useFormat } from "./format";

interface BaseProps {
  label: ReactNode;
  /** Shown under the label, linked with aria-describedby. */
  description?: ReactNode;
  error?: string | undefined;
  name: string;
}

function describedBy(...ids: Array<string | false | undefined>) {
  const list = ids.filter(Boolean).join(" ");
  return list === "" ? undefined : list;
}

/** A labelled input (text, email, phone, search, date-time, number) with its description and error message wired for screen readers. */
export function TextField({
  label,
  description,
  error,
  name,
  value,
  onChange,
  type = "text",
  inputRef,
  required,
  autoComplete,
  min,
  max,
}: BaseProps & {
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "email" | "tel" | "search" | "datetime-local" | "number" | "password";
  min?: number;
  max?: number;
  inputRef?: Ref<HTMLInputElement>;
  required?: boolean;
  autoComplete?: string;
}) {
  const id = useId();
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={
        description && (
          <Paragraph id={`${id}-description`} className="wijknet-field-description">
            {description}
          </Paragraph>
        )
      }
      input={
        <Textbox
          ref={inputRef}
          id={id}
          name={name}
          type={type}
          required={required}
          autoComplete={autoComplete}
          min={min}
          max={max}
          inputMode={type === "number" ? "numeric" : undefined}
          invalid={Boolean(error)}
          aria-describedby={describedBy(description !== undefined && `${id}-description`, Boolean(error) && `${id}-error`)}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      }
      errorMessage={error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
    />
  );
}

/**
 * A labelled text area. With `maxLength` the limit is shown before the user reaches it and a
 * counter follows the typing ("Nog 120 tekens over (van de 2000)", "5 tekens te veel"). Text is
 * never cut off silently (no HTML maxlength): too long stays visible and the form says so.
 */
export function TextareaField({
  label,
  description,
  error,
  name,
  value,
  onChange,
  inputRef,
  maxLength,
}: BaseProps & { value: string; onChange: (value: string) => void; inputRef?: Ref<HTMLTextAreaElement>; maxLength?: number }) {
  const id = useId();
  const over = maxLength !== undefined && value.length > maxLength;
  return (
    <FormField
      invalid={Boolean(error) || over}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={
        description && (
          <Paragraph id={`${id}-description`} className="wijknet-field-description">
            {description}
          </Paragraph>
        )
      }
      input={
        <>
          <Textarea
            ref={inputRef}
            id={id}
            name={name}
            invalid={Boolean(error) || over}
            aria-describedby={describedBy(
              description !== undefined && `${id}-description`,
              maxLength !== undefined && `${id}-count`,
              Boolean(error) && `${id}-error`,
            )}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          {maxLength !== undefined && <CharacterCount id={`${id}-count`} length={value.length} max={maxLength} />}
        </>
      }
      errorMessage={error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
    />
  );
}

/** The limit of a text field and how much is left (linked to the field with aria-describedby). */
function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const { t } = useI18n();
  const format = useFormat();
  const left = max - length;
  const text =
    length === 0
      ? t("field.maxLength", { max: format.number(max) })
      : left >= 0
        ? format.plural(left, {
            one: t("field.charactersLeft.one"),
            other: t("field.charactersLeft.other", { count: format.number(left), max: format.number(max) }),
          })
        : format.plural(-left, {
            one: t("field.charactersOver.one"),
            other: t("field.charactersOver.other", { count: format.number(-left) }),
          });
  return (
    <Paragraph id={id} className={left < 0 ? "wijknet-field-count wijknet-field-count--over" : "wijknet-field-count"}>
      {text}
    </Paragraph>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  description,
  error,
  name,
  value,
  onChange,
  options,
  inputRef,
}: BaseProps & { value: string; onChange: (value: string) => void; options: readonly Option[]; inputRef?: Ref<HTMLSelectElement> }) {
  const id = useId();
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={
        description && (
          <Paragraph id={`${id}-description`} className="wijknet-field-description">
            {description}
          </Paragraph>
        )
      }
      input={
        <Select
          ref={inputRef}
          id={id}
          name={name}
          invalid={Boolean(error)}
          aria-describedby={describedBy(description !== undefined && `${id}-description`, Boolean(error) && `${id}-error`)}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      }
      errorMessage={error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
    />
  );
}

/** One labelled checkbox with its description and error message wired for screen readers. */
export function CheckboxField({
  label,
  description,
  error,
  name,
  checked,
  onChange,
  inputRef,
}: BaseProps & { checked: boolean; onChange: (checked: boolean) => void; inputRef?: Ref<HTMLInputElement> }) {
  const id = useId();
  return (
    <FormField
      type="checkbox"
      invalid={Boolean(error)}
      label={
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      }
      description={
        description && (
          <Paragraph id={`${id}-description`} className="wijknet-field-description">
            {description}
          </Paragraph>
        )
      }
      input={
        <Checkbox
          ref={inputRef}
          id={id}
          name={name}
          invalid={Boolean(error)}
          aria-describedby={describedBy(description !== undefined && `${id}-description`, Boolean(error) && `${id}-error`)}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
      }
      errorMessage={error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
    />
  );
}
