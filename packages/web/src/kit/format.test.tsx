import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n/i18n-provider";
import type { Language } from "../i18n/messages";
import { catalogues } from "../shell/catalogue";
import { useFormat } from "./format";

function formatIn(language: Language, deviceZone: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider catalogues={catalogues} initialLanguage={language}>
      {children}
    </I18nProvider>
  );
  return renderHook(() => useFormat(deviceZone), { wrapper }).result.current;
}

describe("useFormat", () => {
  const sevenPm = "2026-12-01T18:00:00.000Z"; // 19:00 in Utrecht

  it("shows Amsterdam time without a label on a device in Amsterdam", () => {
    const format = formatIn("nl", "Europe/Amsterdam");
    expect(format.dateTime(sevenPm)).toBe("1 dec 2026, 19:00");
    expect(format.zoneLabelled).toBe(false);
  });

  it("shows Amsterdam time, named, on a device elsewhere (never the device's 18:00)", () => {
    expect(formatIn("nl", "UTC").dateTime(sevenPm)).toBe("1 dec 2026, 19:00 (Nederlandse tijd)");
    expect(formatIn("en", "America/New_York").time(sevenPm)).toBe("19:00 (Netherlands time)");
    expect(formatIn("nl", "UTC").dateTimeRange(sevenPm, "2026-12-01T20:00:00.000Z")).toBe("1 dec 2026, 19:00–21:00 (Nederlandse tijd)");
  });

  it("counts dates in Amsterdam: 23:30 UTC is the next day", () => {
    expect(formatIn("nl", "UTC").date("2026-12-01T23:30:00.000Z")).toBe("2 dec 2026");
  });

  it("picks plural forms by the language's rules", () => {
    const nl = formatIn("nl", "Europe/Amsterdam");
    expect(nl.plural(1, { one: "veld", other: "velden" })).toBe("veld");
    expect(nl.plural(0, { one: "veld", other: "velden" })).toBe("velden");
    expect(nl.plural(3, { one: "veld", other: "velden" })).toBe("velden");
  });
});
