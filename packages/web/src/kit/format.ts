import { useMemo } from "react";
import { useI18n } from "../i18n/i18n-provider";

/** Dates, times and shares in the viewer's language ("12 mrt 2026" / "12 Mar 2026"). */
export function useFormat() {
  const { language, t } = useI18n();
  return useMemo(() => {
    const locale = language === "nl" ? "nl-NL" : "en-GB";
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    const number = new Intl.NumberFormat(locale);
    return {
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      percent: (share: number) => percent.format(share),
      number: (value: number) => number.format(value),
      /** A count of people; the server hides small ones (null) from non-coordinators. */
      count: (value: number | null | undefined) => (value === null || value === undefined ? t("count.hidden") : number.format(value)),
    };
  }, [language, t]);
}
