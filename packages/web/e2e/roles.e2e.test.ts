import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkAccessibility, expectNoProblems, goTo, launchBrowser, login, openApp, screenshot } from "./support/browser";
import { ACCOUNTS } from "./support/fixtures";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function navLinks(page: import("playwright-core").Page): Promise<string[]> {
  return page
    .getByRole("navigation", { name: /Hoofdmenu|Main menu/ })
    .getByRole("link")
    .allTextContents();
}

describe("district ally", () => {
  it("logs in and sees Mijn profiel with their networks; no coordinator pages", async () => {
    const app = await openApp(browser, { width: 390, height: 844 });
    try {
      const { page } = app;
      await login(page, ACCOUNTS.ally.email);
      expect(await navLinks(page)).toEqual(["Overzicht", "Mijn profiel", "Spanning melden"]);
      await goTo(page, "Mijn profiel");
      await page.getByRole("heading", { level: 1, name: "Mijn profiel", exact: true }).waitFor();
      await page.getByText(ACCOUNTS.ally.name, { exact: true }).waitFor();
      const networks = page.getByRole("table", { name: "Mijn netwerken" });
      await networks.getByRole("rowheader", { name: inject("fixtures").networkName }).waitFor();
      await checkAccessibility(page, "my profile");
      await screenshot(page, "ally-my-profile-phone");
      // Typing a coordinator address says the ally has no access (not "not found"), never the page.
      await page.goto(new URL("/contacten", inject("baseUrl")).toString());
      await page.getByRole("heading", { level: 1, name: "Geen toegang" }).waitFor();
      await checkAccessibility(page, "no access");
      // An address that does not exist is "not found".
      await page.goto(new URL("/bestaat-niet", inject("baseUrl")).toString());
      await page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" }).waitFor();
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});

describe("police liaison", () => {
  it("logs in and sees the networks of their district with counts, without member details", async () => {
    const app = await openApp(browser);
    try {
      const { page } = app;
      await login(page, ACCOUNTS.liaison.email);
      expect(await navLinks(page)).toEqual(["Overzicht", "Dashboard", "Monitoring", "Netwerken", "Live meldingen", "Spanning melden"]);
      await goTo(page, "Netwerken");
      await page.getByRole("heading", { level: 1, name: "Netwerken", exact: true }).waitFor();
      const row = page.getByRole("row", { name: new RegExp(inject("fixtures").networkName) });
      await row.waitFor();
      expect(Number(await row.getByRole("cell").last().textContent())).toBeGreaterThanOrEqual(7);
      // Member lists are for coordinators: the name is not a link.
      await expect(row.getByRole("link").count()).resolves.toBe(0);
      await checkAccessibility(page, "liaison networks");
      await screenshot(page, "liaison-networks");
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});

describe("police liaison's dashboard", () => {
  it("opens the dashboard of their own district: numbers only, no list of people", async () => {
    const app = await openApp(browser);
    try {
      const { page } = app;
      await login(page, ACCOUNTS.liaison.email);
      await goTo(page, "Dashboard");
      await page.getByRole("heading", { level: 2, name: "Netwerken in Overvecht" }).waitFor();
      // Only their own districts are offered.
      const options = await page.getByLabel("Wijk", { exact: true }).locator("option").allTextContents();
      expect(options).toEqual(["Overvecht"]);
      const table = page.getByRole("table", { name: "Netwerken in Overvecht" });
      expect(
        Number(
          await table
            .getByRole("row", { name: /^Bondgenoten/ })
            .getByRole("cell")
            .textContent(),
        ),
      ).toBeGreaterThanOrEqual(7);
      await table.getByRole("row", { name: /^Leden met wie al lang niemand sprak/ }).waitFor();
      await expect(page.getByRole("heading", { name: "Wie bel je als eerste?" }).count()).resolves.toBe(0);
      await expect(page.getByRole("main").getByRole("link").count()).resolves.toBe(0);
      await checkAccessibility(page, "liaison dashboard");
      await screenshot(page, "liaison-dashboard");
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});

describe("everyone", () => {
  it("logs out and is told so", async () => {
    const app = await openApp(browser);
    try {
      const { page } = app;
      await login(page, ACCOUNTS.coordinator.email);
      await page.getByRole("button", { name: "Uitloggen" }).click();
      await page.getByText("Je bent uitgelogd.").waitFor();
      await page.getByRole("heading", { level: 1, name: "Inloggen bij wijknet" }).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem("wijknet.session"))).toBeNull();
      await checkAccessibility(page, "login page after logout");
      await screenshot(page, "login-logged-out");
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  it("switches to English and stays English after login", async () => {
    const app = await openApp(browser);
    try {
      const { page } = app;
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { level: 1, name: "Log in to wijknet" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      await page.getByLabel("Email address").fill(ACCOUNTS.coordinator.email);
      await page.getByLabel("Password").fill("wijknet-demo");
      await page.getByRole("button", { name: "Log in" }).click();
      await page.getByRole("button", { name: "Log out" }).waitFor();
      expect(await navLinks(page)).toEqual([
        "Overview",
        "Dashboard",
        "Monitoring",
        "Contacts",
        "Import contacts",
        "Networks",
        "Organisations",
        "Theme sessions",
        "Live alerts",
        "Signals",
        "Report tension",
        "Word check",
      ]);
      await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Dashboard" }).click();
      await page.getByLabel("District", { exact: true }).selectOption({ label: "Overvecht" });
      await page.getByRole("heading", { level: 2, name: "Networks in Overvecht" }).waitFor();
      await page.getByText("fewer than 5").first().waitFor();
      await checkAccessibility(page, "dashboard in English");
      await screenshot(page, "coordinator-dashboard-en");
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});
