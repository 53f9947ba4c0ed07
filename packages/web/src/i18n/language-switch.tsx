import { Button } from "@utrecht/component-library-react";
import { useI18n } from "./i18n-provider";

/**
 * One button that switches to the other language. Its text is in the target
 * language and marked with `lang`, so screen readers pronounce it correctly.
 */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const other = language === "nl" ? "en" : "nl";
  return (
    <Button appearance="subtle-button" type="button" lang={other} onClick={() => setLanguage(other)}>
      {t("language.switchTo")}
    </Button>
  );
}
