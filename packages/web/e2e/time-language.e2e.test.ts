import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkAccessibility, expectNoProblems, goTo, launchBrowser, login, openApp, screenshot } from "./support/browser";
import { ACCOUNTS } from "./support/fixtures";

/**
 * Time and language follow Utrecht, not the device: the same dashboard period and session
 * times in a Dutch browser (Europe/Amsterdam) and in a browser set to UTC, where every time
 * is labelled "(Nederlandse tijd)"; a first visit in an English browser is in English.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const LABEL = " (Nederlandse tijd)";

/** Today's date in Utrecht as the dashboard writes it ("2 dec 2026"). */
function todayInUtrecht(): string {
  return new Intl.DateTimeFormat("nl-NL", { dateStyle: "medium", timeZone: "Europe/Amsterdam" }).format(new Date());
}

async function dashboardPeriod(page: Page): Promise<string> {
  await goTo(page, "Dashboard");
  await page.getByLabel("Wijk", { exact: true }).selectOption({ label: "Overvecht" });
  await page.getByRole("heading", { level: 2, name: "Netwerken in Overvecht" }).waitFor();
  const period = page.getByText(/^Van .* tot en met .*\.$/);
  await period.waitFor();
  return (await period.textContent()) ?? "";
}

async function sessionTimes(page: Page): Promise<string[]> {
  await goTo(page, "Themabijeenkomsten");
  await page.getByRole("heading", { level: 1, name: "Themabijeenkomsten" }).waitFor();
  await page.getByRole("button", { name: "Afgelopen bijeenkomsten" }).click();
  const table = page.getByRole("table", { name: "Afgelopen bijeenkomsten" });
  // The demo data has a held session: wait for the past list, not the upcoming one it replaces.
  await table.getByRole("cell", { name: "Afgerond", exact: true }).first().waitFor();
  const rows = table.locator("tbody tr");
  const count = await rows.count();
  const times: string[] = [];
  for (let i = 0; i < count; i++) times.push(((await rows.nth(i).getByRole("cell").first().textContent()) ?? "").trim());
  return times;
}

describe("dates and times in Utrecht's zone", () => {
  it("shows the same 'tot en met' date and session times in a Dutch and a UTC browser; the UTC one names the zone", async () => {
    const results: Record<string, { period: string; times: string[] }> = {};
    for (const timezoneId of ["Europe/Amsterdam", "UTC"]) {
      const app = await openApp(browser, { width: 1366, height: 900, timezoneId });
      try {
        const { page } = app;
        expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
        await login(page, ACCOUNTS.coordinator.email);
        const period = await dashboardPeriod(page);
        await checkAccessibility(page, `dashboard (${timezoneId})`);
        const times = await sessionTimes(page);
        await checkAccessibility(page, `sessions (${timezoneId})`);
        await screenshot(page, `sessions-past-${timezoneId.replace("/", "-")}`);
        results[timezoneId] = { period, times };
        expectNoProblems(app.problems);
      } finally {
        await app.close();
      }
    }
    const dutch = results["Europe/Amsterdam"]!;
    const utc = results.UTC!;
    // "tot en met" is today in Utrecht (it was tomorrow in a Dutch browser: UTC days shown as local).
    expect(dutch.period).toMatch(new RegExp(`tot en met ${todayInUtrecht()}\\.$`));
    expect(utc.period).toBe(dutch.period);
    // The demo data has held sessions; their times are Utrecht's in both browsers.
    expect(dutch.times.length).toBeGreaterThan(0);
    for (const time of dutch.times) expect(time).not.toContain(LABEL);
    expect(utc.times).toEqual(dutch.times.map((time) => `${time}${LABEL}`));
  });
});

describe("language on a first visit", () => {
  it("follows an English browser, and the choice is kept after switching to Dutch", async () => {
    const app = await openApp(browser, { width: 390, height: 844, locale: "en-GB" });
    try {
      const { page } = app;
      await page.getByRole("heading", { level: 1, name: "Log in" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      await checkAccessibility(page, "login in English");
      await page.getByRole("button", { name: "Nederlands" }).click();
      await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});

describe("a contact's language", () => {
  it("is shown and picked by its name", async () => {
    const app = await openApp(browser, { width: 1366, height: 900 });
    try {
      const { page } = app;
      await login(page, ACCOUNTS.coordinator.email);
      await page.goto(new URL("/contacten/nieuw", inject("baseUrl")).toString());
      const language = page.getByLabel("Taal", { exact: true });
      await language.waitFor();
      expect(await language.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe("Nederlands");
      const names = await language.locator("option").allTextContents();
      expect(names).toContain("Turks");
      expect(names).toContain("Arabisch");
      expect(names.every((name) => !/^[a-z]{2,3}$/.test(name))).toBe(true);
      await checkAccessibility(page, "new contact, language by name");
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});
