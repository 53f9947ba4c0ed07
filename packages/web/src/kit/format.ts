import { useMemo } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { deviceIsElsewhere, deviceTimeZone, TIME_ZONE } from "./time";

/** The plural forms a message needs in Dutch and English (Intl.PluralRules categories). */
export interface PluralForms<T> {
  one: T;
  other: T;
}

/**
 * Dates, times, numbers and plurals in the viewer's language ("12 mrt 2026" / "12 Mar 2026").
 * Dates and times are Amsterdam's (kit/time.ts); when the device's clock is in another zone,
 * every shown time says so: "12 mrt 2026 19:00 (Nederlandse tijd)". `deviceZone` is for tests.
 */
export function useFormat(deviceZone: string = deviceTimeZone()) {
  const { language, t } = useI18n();
  return useMemo(() => {
    const locale = language === "nl" ? "nl-NL" : "en-GB";
    const timeZone = TIME_ZONE;
    const labelled = deviceIsElsewhere(deviceZone);
    const label = (text: string) => (labelled ? t("time.zoneLabel", { time: text }) : text);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
    const longDate = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone });
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    const number = new Intl.NumberFormat(locale);
    const rules = new Intl.PluralRules(locale);
    return {
      /** The Amsterdam calendar date of an instant (a date has no zone label). */
      date: (iso: string) => date.format(new Date(iso)),
      /** "woensdag 2 december 2026" */
      longDate: (iso: string) => longDate.format(new Date(iso)),
      dateTime: (iso: string) => label(dateTime.format(new Date(iso))),
      time: (iso: string) => label(time.format(new Date(iso))),
      /** "12 mrt 2026 19:00–21:00": one date and one label when both ends are on the same day. */
      dateTimeRange: (startIso: string, endIso: string) => label(dateTime.formatRange(new Date(startIso), new Date(endIso))),
      percent: (share: number) => percent.format(share),
      number: (value: number) => number.format(value),
      /** A count of people; the server hides small ones (null) from non-coordinators. */
      count: (value: number | null | undefined) => (value === null || value === undefined ? t("count.hidden") : number.format(value)),
      /** The form for `count` by the language's plural rules: `plural(n, { one: t("x.one"), other: t("x.other", { n }) })`. */
      plural: <T>(count: number, forms: PluralForms<T>): T => (rules.select(count) === "one" ? forms.one : forms.other),
      /** Whether shown times carry the zone label (the device is not on Amsterdam time). */
      zoneLabelled: labelled,
    };
  }, [language, t, deviceZone]);
}
