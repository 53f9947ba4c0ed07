import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility, expectNoProblems, goTo, launchBrowser, login, openApp, screenshot, type AppPage } from "./support/browser";
import { ACCOUNTS, E2E_DUPLICATE } from "./support/fixtures";

let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser);
});
afterEach(async (context) => {
  if (context.task.result?.state === "fail") await screenshot(app.page, `failed-${context.task.name.slice(0, 40).replace(/\W+/g, "-")}`);
});
afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const ORGANISATION = "Sportclub Noordster";
const PERSON = E2E_DUPLICATE.fullName;

// The coordinator's record keeping, step by step (the steps build on each other).
describe("coordinator keeps records", () => {
  it("creates an organisation: a wrong web address is shown at its field, then it is saved and edited", async () => {
    const { page } = app;
    await login(page, ACCOUNTS.coordinator.email);
    await goTo(page, "Organisaties");
    await page.getByRole("heading", { level: 1, name: "Organisaties", exact: true }).waitFor();
    await page.getByRole("rowheader", { name: "Buurthuis De Zwaluw" }).waitFor();
    await checkAccessibility(page, "organisations");
    await page.getByRole("link", { name: "Nieuwe organisatie toevoegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Nieuwe organisatie" }).waitFor();
    await page.getByLabel("Naam", { exact: true }).fill(ORGANISATION);
    await page.getByLabel("Soort organisatie").selectOption({ label: "Sportclub" });
    await page.getByLabel("Website").fill("noordster");
    await page.getByRole("button", { name: "Organisatie opslaan" }).click();
    await page.getByText("Dit is geen webadres.", { exact: false }).first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("website");
    await checkAccessibility(page, "new organisation with an error");
    await screenshot(page, "coordinator-organisation-new-error");
    await page.getByLabel("Website").fill("https://noordster.example");
    await page.getByRole("button", { name: "Organisatie opslaan" }).click();
    const row = page.getByRole("row", { name: new RegExp(ORGANISATION) });
    await row.waitFor();
    expect(await row.getByRole("cell").nth(1).textContent()).toBe("0");

    await page.getByRole("link", { name: `Wijzigen: ${ORGANISATION}` }).click();
    await page.getByRole("heading", { level: 1, name: `${ORGANISATION} wijzigen` }).waitFor();
    await checkAccessibility(page, "edit organisation");
    await page.getByLabel("Website").fill("https://www.noordster.example");
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await page.getByRole("link", { name: "www.noordster.example" }).waitFor();
    await screenshot(page, "coordinator-organisations");
  });

  it("creates a contact under 16: guardian consent with the guardian's name is required, a role at the organisation", async () => {
    const { page } = app;
    await goTo(page, "Contacten");
    await page.getByRole("link", { name: "Nieuw contact toevoegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Nieuw contact" }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel("Naam", { exact: true }).fill(PERSON);
    await page.getByLabel("E-mailadres").fill("fleur.hoogendijk@voorbeeld.nl");
    await page.getByRole("checkbox", { name: "Overvecht" }).check();
    await page.getByRole("button", { name: "Toestemming toevoegen" }).click();
    await page.getByLabel(/^Leeftijdsgroep/).selectOption({ label: "12 tot en met 15" });
    await page.getByRole("button", { name: "Rol toevoegen" }).click();
    const role = page.getByRole("group", { name: "Rol 1" });
    await role.getByLabel(/^Functie of rol/).fill("Teamlid");
    await role.getByLabel("Bij organisatie").selectOption({ label: ORGANISATION });

    await page.getByRole("button", { name: "Contact opslaan" }).click();
    const consent = page.getByRole("group", { name: "Toestemming 1" });
    await consent.getByText(/Vink aan dat een ouder of voogd de toestemming gaf/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("consents.0.byGuardian");
    await checkAccessibility(page, "new contact with the guardian error");
    await screenshot(page, "coordinator-contact-new-guardian-error-phone");
    await page.setViewportSize({ width: 1280, height: 900 });

    await consent.getByLabel("Gegeven door een ouder of voogd").check();
    await page.getByRole("button", { name: "Contact opslaan" }).click();
    await consent.getByText("Vul de naam in van de ouder of voogd die toestemming gaf.").waitFor();
    await consent.getByLabel("Naam van de ouder of voogd").fill("Marco Hoogendijk");
    await page.getByRole("button", { name: "Contact opslaan" }).click();

    await page.getByRole("heading", { level: 1, name: PERSON, exact: true }).waitFor();
    await page.getByText(`Teamlid bij ${ORGANISATION}`).waitFor();
    await page.getByRole("cell", { name: /door ouder of voogd: Marco Hoogendijk/ }).waitFor();
    await checkAccessibility(page, "new contact's detail page");
  });

  it("counts the contact at the organisation, archives the organisation and shows it among the archived", async () => {
    const { page } = app;
    await goTo(page, "Organisaties");
    const row = page.getByRole("row", { name: new RegExp(ORGANISATION) });
    await expect.poll(() => row.getByRole("cell").nth(1).textContent()).toBe("1");
    await page.getByRole("button", { name: `Archiveren: ${ORGANISATION}` }).click();
    const dialog = page.getByRole("dialog", { name: "Organisatie archiveren?" });
    await dialog.getByText(/Het contact met een rol daar houdt die rol/).waitFor();
    await checkAccessibility(page, "archive organisation dialog");
    await screenshot(page, "coordinator-organisation-archive-dialog");
    await dialog.getByRole("button", { name: "Ja, archiveren" }).click();
    await page.getByText(`${ORGANISATION} is gearchiveerd.`).waitFor();
    await expect.poll(() => page.getByRole("rowheader", { name: ORGANISATION }).count()).toBe(0);
    await page.getByLabel("Toon ook gearchiveerde organisaties").check();
    await page.getByRole("row", { name: new RegExp(`${ORGANISATION}.*Gearchiveerd op`) }).waitFor();
  });

  it("records a consent and withdraws it; the withdrawn consent stays with its date", async () => {
    const { page } = app;
    await goTo(page, "Contacten");
    await page.getByRole("searchbox", { name: /Zoek op naam/ }).fill("fleur.hoogendijk@voorbeeld.nl");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.getByRole("link", { name: PERSON }).click();
    await page.getByRole("heading", { level: 1, name: PERSON, exact: true }).waitFor();

    const form = page.getByRole("group", { name: "Nieuwe toestemming" });
    await form.getByLabel("Waarvoor").selectOption({ label: "Nieuwsbrief" });
    // Under 16: the guardian box starts ticked; the name is still needed.
    await page.getByRole("button", { name: "Toestemming opslaan" }).click();
    await form.getByText("Vul de naam in van de ouder of voogd die toestemming gaf.").waitFor();
    await form.getByLabel("Naam van de ouder of voogd").fill("Marco Hoogendijk");
    await page.getByRole("button", { name: "Toestemming opslaan" }).click();
    await page.getByText("De toestemming is opgeslagen.").waitFor();
    const newsletter = page.getByRole("row", { name: /^Nieuwsbrief/ });
    await newsletter.getByText("Niet ingetrokken").waitFor();

    await page.getByRole("button", { name: "Toestemming intrekken: Nieuwsbrief" }).click();
    const dialog = page.getByRole("dialog", { name: "Toestemming intrekken?" });
    await dialog.getByText(/blijft in de geschiedenis staan/).waitFor();
    await checkAccessibility(page, "withdraw consent dialog");
    await dialog.getByRole("button", { name: "Ja, intrekken" }).click();
    await page.getByText("De toestemming voor “Nieuwsbrief” is ingetrokken.").waitFor();
    await expect.poll(() => newsletter.getByText("Niet ingetrokken").count()).toBe(0);
    await expect(page.getByRole("button", { name: "Toestemming intrekken: Nieuwsbrief" }).count()).resolves.toBe(0);
    await checkAccessibility(page, "contact with a withdrawn consent");
    await screenshot(page, "coordinator-consents");
  });

  it("merges the older duplicate into this contact after a confirmation that says what happens", async () => {
    const { page } = app;
    await page.getByLabel("Zoek het dubbele contact").fill("Hoogendijk");
    const pick = page.getByRole("button", { name: `Samenvoegen met dit contact: ${PERSON}` });
    // Only the other record is offered, never the contact itself.
    await expect.poll(() => pick.count()).toBe(1);
    await page.getByText(`(${E2E_DUPLICATE.phoneDisplay}`, { exact: false }).waitFor();
    await pick.click();
    const dialog = page.getByRole("dialog", { name: "Contacten samenvoegen?" });
    await dialog.getByText("Je kunt dit niet ongedaan maken.").waitFor();
    await checkAccessibility(page, "merge dialog");
    await screenshot(page, "coordinator-merge-dialog");
    await dialog.getByRole("button", { name: "Ja, samenvoegen" }).click();
    await page.getByText(`${PERSON} is samengevoegd met ${PERSON}.`).waitFor();
    // The empty phone number was filled from the duplicate.
    await page.getByText(E2E_DUPLICATE.phoneDisplay, { exact: true }).waitFor();
  });

  it("downloads the person's data as a JSON file", async () => {
    const { page } = app;
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 15_000 }),
      page.getByRole("button", { name: "Gegevens downloaden (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^wijknet-gegevens-.*\.json$/);
    const document = JSON.parse(await readFile(await download.path(), "utf8")) as unknown;
    const text = JSON.stringify(document);
    expect(text).toContain(PERSON);
    expect(text).toContain("Marco Hoogendijk");
    await page.getByText("De gegevens zijn gedownload.", { exact: false }).waitFor();
  });

  it("erases the person only after their name is typed", async () => {
    const { page } = app;
    await page.getByRole("button", { name: "Persoonsgegevens wissen" }).click();
    const dialog = page.getByRole("dialog", { name: `Persoonsgegevens van ${PERSON} wissen?` });
    const erase = dialog.getByRole("button", { name: "Ja, definitief wissen" });
    await dialog.getByLabel(`Typ de naam ${PERSON} om te bevestigen`).fill("Fleur");
    expect(await erase.isDisabled()).toBe(true);
    await checkAccessibility(page, "erase dialog");
    await screenshot(page, "coordinator-erase-dialog");
    await dialog.getByLabel(`Typ de naam ${PERSON} om te bevestigen`).fill(PERSON);
    await erase.click();
    await page.getByText(/De persoonsgegevens van dit contact zijn gewist op/).waitFor();
    await expect.poll(() => page.getByText(PERSON).count()).toBe(0);
    await expect(page.getByRole("button", { name: "Persoonsgegevens wissen" }).count()).resolves.toBe(0);
    await checkAccessibility(page, "erased contact");
    await screenshot(page, "coordinator-contact-erased");
    expectNoProblems(app.problems);
  });
});
