import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility, expectNoProblems, launchBrowser, login, openApp } from "./support/browser";
import { ACCOUNTS } from "./support/fixtures";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("smoke", () => {
  it("logs in", async () => {
    const app = await openApp(browser);
    try {
      await login(app.page, ACCOUNTS.coordinator.email);
      await checkAccessibility(app.page, "home");
      expect(await app.page.getByRole("heading", { level: 1 }).textContent()).toContain("Noor de Vries");
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});
