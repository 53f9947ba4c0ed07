import { useMemo } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { SelectField } from "./fields";

/**
 * Languages people in Utrecht's districts speak, as codes (BCP 47) the server stores; shown
 * by their name in the viewer's language (Intl.DisplayNames), sorted by that name, Dutch and
 * English first. A stored code that is not in this list is offered too, so editing never
 * changes it by accident.
 */
export const COMMON_LANGUAGES = [
  "nl",
  "en",
  "ar",
  "tr",
  "zgh",
  "pl",
  "so",
  "ti",
  "fa",
  "prs",
  "ku",
  "uk",
  "ru",
  "bg",
  "ro",
  "es",
  "pt",
  "fr",
  "de",
  "pap",
  "zh",
  "ur",
  "hi",
  "am",
] as const;

/** `name("tr")` → "Turks" (nl) / "Turkish" (en); an unknown code stays a code. */
export function useLanguageName(): (code: string) => string {
  const { language } = useI18n();
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: "language", fallback: "code" });
    return (code: string) => {
      try {
        const name = names.of(code) ?? code;
        return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
      } catch {
        return code;
      }
    };
  }, [language]);
}

/** A language picked by name; the value is the code. */
export function LanguageField({
  name,
  label,
  description,
  error,
  value,
  onChange,
  inputRef,
}: {
  name: string;
  label: string;
  description?: string;
  error?: string | undefined;
  value: string;
  onChange: (code: string) => void;
  inputRef?: React.Ref<HTMLSelectElement>;
}) {
  const { language } = useI18n();
  const languageName = useLanguageName();
  const options = useMemo(() => {
    const codes: string[] = [...COMMON_LANGUAGES];
    if (value !== "" && !codes.includes(value)) codes.push(value);
    const collator = new Intl.Collator(language);
    const [first, ...rest] = [codes.slice(0, 2), codes.slice(2)];
    const sorted = [...(first ?? []), ...(rest[0] ?? []).sort((a, b) => collator.compare(languageName(a), languageName(b)))];
    return sorted.map((code) => ({ value: code, label: languageName(code) }));
  }, [value, language, languageName]);
  return (
    <SelectField
      name={name}
      label={label}
      description={description}
      error={error}
      value={value}
      onChange={onChange}
      options={options}
      inputRef={inputRef}
    />
  );
}
