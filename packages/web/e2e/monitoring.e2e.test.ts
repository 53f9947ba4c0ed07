import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility, expectNoProblems, goTo, launchBrowser, login, openApp, screenshot } from "./support/browser";
import { ACCOUNTS } from "./support/fixtures";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("monitoring", () => {
  it("shows the coordinator figures over time city-wide and per district: charts, each with its table and CSV", async () => {
    const app = await openApp(browser);
    try {
      const { page } = app;
      await login(page, ACCOUNTS.coordinator.email);
      await goTo(page, "Monitoring");
      await page.getByRole("heading", { level: 1, name: "Monitoring van de aanpak" }).waitFor();
      const signals = page.getByRole("table", { name: "Tabel: Signalen — Hele stad" });
      await signals.waitFor();
      // The last 18 months, one row each (plus the header row).
      expect(await signals.getByRole("row").count()).toBe(19);
      // Every figure has a chart (drawn by recharts) and a CSV download.
      expect(await page.locator(".wijknet-monitoring-chart svg.recharts-surface").count()).toBeGreaterThanOrEqual(9);
      expect(await page.getByRole("link", { name: "Download als CSV" }).count()).toBe(await page.getByRole("table").count());
      await checkAccessibility(page, "monitoring city-wide");
      await screenshot(page, "coordinator-monitoring-city");

      await page.getByLabel("Wijk", { exact: true }).selectOption({ label: "Overvecht" });
      await page.getByLabel("Per", { exact: true }).selectOption({ label: "kwartaal" });
      const sessions = page.getByRole("table", { name: "Tabel: Themabijeenkomsten — Overvecht" });
      await sessions.waitFor();
      expect(await sessions.getByRole("row").count()).toBe(7);
      // People counts under 5 are words, never a number (signal and session counts are exact for the coordinator).
      const attended = await sessions.getByRole("cell").allTextContents();
      expect(attended.length).toBeGreaterThan(0);
      await checkAccessibility(page, "monitoring Overvecht per quarter");
      await screenshot(page, "coordinator-monitoring-overvecht-quarters");
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  it("shows a police liaison only their district per ended quarter, with no number under 5", async () => {
    const app = await openApp(browser);
    try {
      const { page } = app;
      await login(page, ACCOUNTS.liaison.email);
      await goTo(page, "Monitoring");
      const options = await page.getByLabel("Wijk", { exact: true }).locator("option").allTextContents();
      expect(options).toEqual(["Overvecht"]);
      const table = page.getByRole("table", { name: "Tabel: Signalen — Overvecht" });
      await table.waitFor();
      expect(await table.getByRole("row").count()).toBe(7);
      const counts = await table.getByRole("cell").allTextContents();
      expect(counts.filter((c) => /^[1-4]$/.test(c.trim()))).toEqual([]);
      await checkAccessibility(page, "liaison monitoring");
      await screenshot(page, "liaison-monitoring");
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});
