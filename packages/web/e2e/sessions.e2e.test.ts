import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkAccessibility, expectNoProblems, goTo, launchBrowser, login, openApp, screenshot, type AppPage } from "./support/browser";
import { ACCOUNTS, E2E_PHONE_ONLY, inviteWithExpiringLink } from "./support/fixtures";

let browser: Browser;
let coordinator: AppPage;
beforeAll(async () => {
  browser = await launchBrowser();
  coordinator = await openApp(browser);
});
afterAll(async () => {
  await coordinator?.close();
  await browser?.close();
});

const TITLE = "Themabijeenkomst E2E: samen tegen discriminatie";
const INVITEE = "Karim Oudshoorn";

/** A datetime-local value `days` from now at 19:00 local time. */
function localDateTime(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

async function failShot(page: Page, name: string, run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    await screenshot(page, `failed-${name}`).catch(() => undefined);
    throw error;
  }
}

let sessionPath = "";
let invitationPath = "";

describe("theme sessions (coordinator and invitee)", () => {
  it("coordinator creates a session: wrong fields are shown at the field, then it is saved and published", async () => {
    const { page } = coordinator;
    await failShot(page, "session-create", async () => {
      await login(page, ACCOUNTS.coordinator.email);
      await goTo(page, "Themabijeenkomsten");
      await page.getByRole("heading", { level: 1, name: "Themabijeenkomsten" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Komende bijeenkomsten" }).waitFor();
      await checkAccessibility(page, "sessions list");
      await screenshot(page, "sessions-list");

      await page.getByRole("link", { name: "Nieuwe bijeenkomst maken" }).click();
      await page.getByRole("heading", { level: 1, name: "Nieuwe themabijeenkomst" }).waitFor();
      await page.getByRole("button", { name: "Bijeenkomst opslaan" }).click();
      await page.getByText("Vul een titel in.").waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("title");
      await checkAccessibility(page, "session form with errors");

      await page.getByLabel("Titel").fill(TITLE);
      await page.getByLabel("Wijk", { exact: true }).selectOption({ label: "Overvecht" });
      await page.getByLabel("Plaats", { exact: true }).fill("Buurthuis De Zwaluw, Zwaluwstraat 1");
      await page.getByLabel("Begint op").fill(localDateTime(10, 19));
      await page.getByLabel("Eindigt op").fill(localDateTime(10, 21));
      await page.getByLabel("Aantal plaatsen", { exact: true }).fill("10");
      await screenshot(page, "session-new");
      await page.getByRole("button", { name: "Bijeenkomst opslaan" }).click();

      await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      sessionPath = new URL(page.url()).pathname;
      expect(sessionPath).toMatch(/^\/bijeenkomsten\/[0-9a-f-]+$/);
      await page.getByText("Publiceer de bijeenkomst voordat je mensen uitnodigt.").waitFor();
      await page.getByRole("button", { name: "Publiceren" }).click();
      await page.getByText("De bijeenkomst is gepubliceerd.", { exact: false }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Mensen uitnodigen" }).waitFor();
      await expect(page.getByTestId("count-confirmed").textContent()).resolves.toBe("0 van 10");
    });
  });

  it("invites a contact and shows the new link to copy", async () => {
    const { page } = coordinator;
    await failShot(page, "session-invite", async () => {
      await page.getByLabel("Contact zoeken").fill("Oudshoorn");
      await page.getByRole("button", { name: `${INVITEE} toevoegen` }).click();
      await page.getByRole("button", { name: "Uitnodigen", exact: true }).click();
      const link = page.getByLabel(`Link voor ${INVITEE}`);
      await link.waitFor();
      const url = await link.inputValue();
      expect(url).toMatch(/\/rsvp\/wki_[A-Za-z0-9_-]+$/);
      invitationPath = new URL(url).pathname;
      await page
        .getByRole("table", { name: /Uitnodigingen \(1\)/ })
        .getByRole("rowheader", { name: INVITEE })
        .waitFor();
      await checkAccessibility(page, "session detail");
      await screenshot(page, "session-detail-invited");
    });
  });

  it("someone without an email address is flagged when invited and listed to call until marked as called", async () => {
    const { page } = coordinator;
    await failShot(page, "session-to-call", async () => {
      await page.getByLabel("Contact zoeken").fill("Verbrugge");
      await page.getByRole("button", { name: `${E2E_PHONE_ONLY.fullName} toevoegen` }).click();
      await page.getByRole("button", { name: "Uitnodigen", exact: true }).click();
      await page.getByText(`Zonder e-mailadres, dus niet per e-mail bereikbaar: ${E2E_PHONE_ONLY.fullName}.`).waitFor();
      const list = page.getByRole("region", { name: "Te bellen (1)" });
      await list.getByText("Geen e-mailadres.").waitFor();
      await list.getByRole("link", { name: "06 34567890" }).waitFor();
      await checkAccessibility(page, "session with people to call");
      await screenshot(page, "session-to-call");
      await list.getByRole("button", { name: `${E2E_PHONE_ONLY.fullName} is gebeld` }).click();
      await expect.poll(() => page.getByRole("region", { name: /Te bellen/ }).count()).toBe(0);
    });
  });

  it("the invitee opens the link logged out on a phone, answers YES with a guest; the coordinator's counts follow live", async () => {
    const invitee = await openApp(browser, { width: 390, height: 844 });
    try {
      const { page } = invitee;
      await failShot(page, "rsvp", async () => {
        await page.goto(new URL(invitationPath, inject("baseUrl")).toString());
        await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
        // No account: no logout button, no menu.
        await expect(page.getByRole("button", { name: "Uitloggen" }).count()).resolves.toBe(0);
        await page.getByText("Je hebt nog niet geantwoord.").waitFor();
        await checkAccessibility(page, "rsvp page");
        await screenshot(page, "rsvp-phone");

        await page.getByLabel("Ja, ik kom").check();
        await page.getByRole("button", { name: "Jongere toevoegen" }).click();
        await page.getByLabel("Voornaam of voorletters").fill("S.");
        await page.getByLabel("Leeftijd").selectOption("AGE_12_15");
        await page.getByRole("button", { name: "Antwoord versturen" }).click();
        // Under 16: a parent's or guardian's consent is needed first.
        await page.getByText(/moet een ouder of voogd het goed vinden/).waitFor();
        await checkAccessibility(page, "rsvp page with errors");
        await page.getByLabel("Een ouder of voogd vindt het goed").check();
        await page.getByRole("button", { name: "Antwoord versturen" }).click();
        await page.getByText("Bedankt! Je plaats is zeker.", { exact: false }).waitFor();
        await page.getByText("Je antwoord nu: Ja, ik kom.").waitFor();
        const seats = page.getByRole("list", { name: "Jouw plaatsen" });
        await expect(seats.getByRole("listitem").count()).resolves.toBe(2);
        await screenshot(page, "rsvp-phone-answered");

        // The calendar link is the server's .ics route for this token.
        const href = await page.getByRole("link", { name: "Zet in je agenda (.ics)" }).getAttribute("href");
        const ics = await page.request.get(new URL(href ?? "", inject("baseUrl")).toString());
        expect(ics.status()).toBe(200);
        expect(await ics.text()).toContain("BEGIN:VCALENDAR");
        expectNoProblems(invitee.problems);
      });
    } finally {
      await invitee.close();
    }

    // The coordinator's page was open all along: the subscription brings the new counts.
    const { page } = coordinator;
    await failShot(page, "session-live-counts", async () => {
      await expect.poll(() => page.getByTestId("count-confirmed").textContent(), { timeout: 15_000 }).toBe("2 van 10");
      await screenshot(page, "session-detail-live-counts");
      expectNoProblems(coordinator.problems);
    });
  });

  it("the dashboard lists the upcoming session", async () => {
    const { page } = coordinator;
    await failShot(page, "dashboard-sessions", async () => {
      await goTo(page, "Dashboard");
      const section = page.getByRole("region", { name: "Komende themabijeenkomsten" });
      await section.getByRole("link", { name: TITLE }).click();
      await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    });
  });

  it("edits the session: more seats, and the counts say so", async () => {
    const { page } = coordinator;
    await failShot(page, "session-edit", async () => {
      await page.getByRole("link", { name: "Bijeenkomst wijzigen" }).click();
      await page.getByRole("heading", { level: 1, name: `${TITLE} wijzigen` }).waitFor();
      await checkAccessibility(page, "session edit");
      await page.getByLabel("Aantal plaatsen", { exact: true }).fill("12");
      await page.getByRole("button", { name: "Opslaan", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      await expect.poll(() => page.getByTestId("count-confirmed").textContent()).toBe("2 van 12");
    });
  });

  it("checks people in on a held session from the past list", async () => {
    const { page } = coordinator;
    await failShot(page, "session-check-in", async () => {
      await goTo(page, "Themabijeenkomsten");
      await page.getByRole("button", { name: "Afgelopen bijeenkomsten" }).click();
      await page.getByRole("heading", { level: 2, name: "Afgelopen bijeenkomsten" }).waitFor();
      await page.getByRole("link", { name: "Staande gehouden: ervaringen delen" }).click();
      await page.getByRole("heading", { level: 1, name: "Staande gehouden: ervaringen delen" }).waitFor();
      const table = page.getByRole("table", { name: "Aanmeldingen en wachtlijst" });
      const open = table.getByRole("button", { name: / was aanwezig$/, disabled: false });
      const before = await open.count();
      expect(before).toBeGreaterThan(0);
      await open.first().click();
      await expect.poll(() => open.count()).toBe(before - 1);
      await checkAccessibility(page, "held session detail");
      await screenshot(page, "session-held-check-in");
      expectNoProblems(coordinator.problems);
    });
  });

  it("a forged link and an expired link each say so clearly", async () => {
    const visitor = await openApp(browser, { width: 390, height: 844 });
    try {
      const { page } = visitor;
      await failShot(page, "rsvp-bad-links", async () => {
        await page.goto(new URL("/rsvp/wki_ditisgeenechtelinkditisgeenechtelink1234", inject("baseUrl")).toString());
        await page.getByRole("heading", { level: 2, name: "Deze link werkt niet" }).waitFor();
        await checkAccessibility(page, "rsvp forged link");
        await screenshot(page, "rsvp-forged");

        const sessionId = sessionPath.split("/").pop() ?? "";
        const expiring = await inviteWithExpiringLink(inject("baseUrl"), sessionId, "Mirjam Terpstra", new Date(Date.now() + 2_000));
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        await page.goto(new URL(expiring, inject("baseUrl")).toString());
        await page.getByRole("heading", { level: 2, name: "Deze link is verlopen" }).waitFor();
        await checkAccessibility(page, "rsvp expired link");
        await screenshot(page, "rsvp-expired");
        expectNoProblems(visitor.problems);
      });
    } finally {
      await visitor.close();
    }
  });
});
