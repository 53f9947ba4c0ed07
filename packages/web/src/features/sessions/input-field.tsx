import { FormField, FormFieldErrorMessage, FormLabel, Paragraph, Textbox } from "@utrecht/component-library-react";
import { useId } from "react";

/**
 * A labelled date-time or number input (the shared TextField covers text types only),
 * with description and error wired for screen readers the same way.
 */
export function InputField({
  label,
  description,
  error,
  name,
  value,
  onChange,
  type,
  required,
  min,
  max,
}: {
  label: string;
  description?: string;
  error?: string | undefined;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type: "datetime-local" | "number";
  required?: boolean;
  min?: number;
  max?: number;
}) {
  const id = useId();
  const describedBy = [description !== undefined && `${id}-description`, Boolean(error) && `${id}-error`].filter(Boolean).join(" ");
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description && <Paragraph id={`${id}-description`} className="wijknet-field-description">{description}</Paragraph>}
      input={
        <Textbox
          id={id}
          name={name}
          type={type}
          required={required}
          min={min}
          max={max}
          inputMode={type === "number" ? "numeric" : undefined}
          invalid={Boolean(error)}
          aria-describedby={describedBy === "" ? undefined : describedBy}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      }
      errorMessage={error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
    />
  );
}
