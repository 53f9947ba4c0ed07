import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility, expectNoProblems, goTo, launchBrowser, login, openApp, screenshot } from "./support/browser";
import { ACCOUNTS } from "./support/fixtures";

/** The register's default values: the e2e server runs with the defaults, so the page must show these. */
const register = JSON.parse(readFileSync(new URL("../../../docs/algorithms/register.json", import.meta.url), "utf8")) as {
  algorithms: Array<{ settings: Array<{ key: string; value: string }> }>;
};
const setting = (key: string) => register.algorithms.flatMap((a) => a.settings).find((s) => s.key === key)!.value;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("Hoe werkt wijknet? (public page)", () => {
  it("opens from the login page without an account, shows the running settings, in Dutch and English, axe clean", async () => {
    const app = await openApp(browser, { width: 390, height: 844 });
    try {
      const { page } = app;
      await page.getByRole("link", { name: /Hoe werkt wijknet\? Lees hoe/ }).click();
      await page.getByRole("heading", { level: 1, name: "Hoe werkt wijknet?" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/hoe-werkt-wijknet");
      // Not logged in: no login form on this page, and no menu.
      await expect(page.getByRole("button", { name: "Inloggen" }).count()).resolves.toBe(0);

      const retention = page.getByRole("table", { name: /ruimt gegevens vanzelf op/ });
      await expect(retention.locator('[data-setting="retention.signalAnonymise"]').textContent()).resolves.toBe(
        `${setting("retention.signalAnonymise")} dagen`,
      );
      const escalation = page.getByRole("table", { name: /Hoe lang wijknet wacht/ });
      await expect(escalation.locator('[data-setting="escalation.after.CRITICAL"]').textContent()).resolves.toBe(
        `${setting("escalation.after.CRITICAL")} minuten`,
      );
      await page.getByText(`minder dan ${setting("disclosure.suppressionThreshold")} mensen`).waitFor();
      await page.getByRole("heading", { level: 2, name: "Een mens beslist altijd" }).waitFor();
      await expect(page.getByRole("link", { name: "Art.1 Midden-Nederland" }).getAttribute("href")).resolves.toBe("https://www.art1mn.nl");
      // Every screen links the page in its footer.
      await page.getByRole("navigation", { name: "Over wijknet" }).getByRole("link", { name: "Hoe werkt wijknet?" }).waitFor();
      await checkAccessibility(page, "how it works (nl)");
      await screenshot(page, "how-it-works-nl-phone");

      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { level: 1, name: "How does wijknet work?" }).waitFor();
      const retentionEn = page.getByRole("table", { name: /clears data by itself/ });
      await expect(retentionEn.locator('[data-setting="retention.signalDelete"]').textContent()).resolves.toBe(
        `${setting("retention.signalDelete")} days`,
      );
      await page.getByRole("heading", { level: 2, name: "A person always decides" }).waitFor();
      await checkAccessibility(page, "how it works (en)");
      await screenshot(page, "how-it-works-en-phone");
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});

describe("guard feedback", () => {
  it("an ally marks a warning 'Klopt niet'; the coordinator sees only the flagged word and adds a corpus sentence", async () => {
    const ally = await openApp(browser, { width: 390, height: 844 });
    try {
      const { page } = ally;
      await login(page, ACCOUNTS.ally.email);
      await goTo(page, "Spanning melden");
      await page.getByLabel("Wat is er aan de hand?").fill("Marokkaanse jongens bij Fietsen Zonnebloem");
      await page.getByRole("button", { name: "Klopt niet" }).click();
      await page.getByText(/alleen de gemarkeerde woorden doorgegeven/).waitFor();
      await checkAccessibility(page, "report form after 'Klopt niet'");
      expectNoProblems(ally.problems);
    } finally {
      await ally.close();
    }
    const coord = await openApp(browser);
    try {
      const { page } = coord;
      await login(page, ACCOUNTS.coordinator.email);
      await goTo(page, "Woordcontrole");
      await page.getByRole("heading", { level: 1, name: "Woordcontrole: feedback" }).waitFor();
      const item = page.getByRole("region", { name: "Waarschuwing klopt niet: Marokkaanse" }).first();
      await item.waitFor();
      // Nothing else of the ally's text reached the queue.
      await expect(page.getByText(/Zonnebloem/).count()).resolves.toBe(0);
      await checkAccessibility(page, "guard review queue");
      await screenshot(page, "guard-review-queue");
      await item.getByLabel("Zin voor de testset").fill("Ruzie bij de bakker over de prijs van brood");
      await item.getByRole("button", { name: "Toevoegen aan testset" }).click();
      await page.getByRole("region", { name: "Waarschuwing klopt niet: Marokkaanse" }).waitFor({ state: "detached" });
      expectNoProblems(coord.problems);
    } finally {
      await coord.close();
    }
  });
});
