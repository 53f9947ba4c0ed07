import { createHmac } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkAccessibility, expectNoProblems, goTo, launchBrowser, login, openApp, screenshot } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ADMIN_EMAIL = "admin@wijknet.example";
const run = Date.now().toString(36);
const COORDINATOR = { name: "Coördinator Inge Smit", email: `inge.smit.${run}@gemeente.example`, password: "de dom staat in het midden" };
const LIAISON = { name: "Wijkagent Tim Visser", email: `tim.visser.${run}@politie.example`, password: "fietsen langs de vecht in mei" };

/** The set-password link of the newest invitation email to `to` in the server's mailbox (waits up to 15 s). */
async function invitationLink(to: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const dir = inject("mailboxDir");
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".json")).sort();
    const mails = await Promise.all(
      names.map(async (n) => JSON.parse(await readFile(join(dir, n), "utf8")) as { to: string; kind: string; text: string }),
    );
    const mail = mails.filter((m) => m.to === to && m.kind === "ACCOUNT_INVITATION").at(-1);
    const path = mail && /\/wachtwoord\/wkn_[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    if (path) return new URL(path, inject("baseUrl")).toString();
    if (Date.now() > deadline) throw new Error(`no invitation email to ${to} within 15 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) of `secret` (base32) at `steps` periods from now: what an authenticator app shows. */
function totp(secret: string, steps = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + steps));
  const hmac = createHmac("sha1", key).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0xf;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

async function inviteUser(page: Page, user: { name: string; email: string }, role: string, district?: string): Promise<void> {
  await page.getByRole("link", { name: "Nieuwe gebruiker uitnodigen" }).click();
  await page.getByRole("heading", { level: 1, name: "Nieuwe gebruiker" }).waitFor();
  await page.getByLabel("Naam", { exact: true }).fill(user.name);
  await page.getByLabel("E-mailadres", { exact: true }).fill(user.email);
  await page.getByLabel("Rol", { exact: true }).selectOption({ label: role });
  if (district) await page.getByLabel(district, { exact: true }).check();
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await page.getByRole("heading", { level: 1, name: user.name }).waitFor();
  await page.getByRole("link", { name: "Terug naar gebruikers" }).click();
  await page.getByRole("heading", { level: 1, name: "Gebruikers" }).waitFor();
}

async function setPasswordAndLogin(
  user: { name: string; email: string; password: string },
  label: string,
  enrolTwoFactor = false,
): Promise<void> {
  const app = await openApp(browser, { width: 390, height: 844 });
  try {
    const { page } = app;
    await page.goto(await invitationLink(user.email));
    await page.getByRole("heading", { level: 1, name: "Wachtwoord kiezen" }).waitFor();
    await checkAccessibility(page, `${label} set password`);
    // A common password is refused with the reason at the field.
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("passwordpassword");
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("passwordpassword");
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await page.getByText("Dit wachtwoord wordt veel gebruikt").waitFor();
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(user.password);
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(user.password);
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await page.getByText("Je wachtwoord is opgeslagen.").waitFor();
    await screenshot(page, `${label}-password-set`);
    await page.getByRole("link", { name: "Naar inloggen" }).click();
    await page.getByLabel("E-mailadres").fill(user.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("button", { name: "Uitloggen", exact: true }).waitFor();
    await page.getByText(`Ingelogd als ${user.name}`).waitFor();
    if (enrolTwoFactor) {
      // Two-step verification from the own account page: QR code, first code, recovery codes once.
      await page.getByRole("link", { name: "Mijn account" }).click();
      await page.getByRole("heading", { level: 1, name: "Mijn account" }).waitFor();
      await page.getByRole("button", { name: "Tweestapsverificatie instellen" }).click();
      await page.getByRole("img", { name: "QR-code voor je app voor tweestapsverificatie" }).waitFor();
      await checkAccessibility(page, `${label} two-factor enrolment`);
      const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
      await page.getByLabel("Code", { exact: true }).fill(totp(secret));
      await page.getByRole("button", { name: "Code controleren en aanzetten" }).click();
      await page.getByText("Tweestapsverificatie staat aan.").waitFor();
      const codes = await page.locator("li code").allTextContents();
      expect(codes).toHaveLength(10);
      expect(codes.every((c) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(c))).toBe(true);
      await screenshot(page, `${label}-two-factor-codes`);
      await page.getByRole("button", { name: "Ik heb de codes bewaard" }).click();
      await page.getByText("Je hebt nog 10 herstelcodes.").waitFor();
      // The next login asks for the code.
      await page.getByRole("button", { name: "Uitloggen", exact: true }).click();
      await page.getByLabel("E-mailadres").fill(user.email);
      await page.getByLabel("Wachtwoord", { exact: true }).fill(user.password);
      await page.getByRole("button", { name: "Inloggen" }).click();
      // The code of the next period: the one used at enrolment is never accepted twice.
      await page.getByLabel("Code", { exact: true }).fill(totp(secret, 1));
      await page.getByRole("button", { name: "Controleren" }).click();
      await page.getByRole("button", { name: "Uitloggen", exact: true }).waitFor();
      await page.getByText(`Ingelogd als ${user.name}`).waitFor();
    }
    expectNoProblems(app.problems);
  } finally {
    await app.close();
  }
}

describe("accounts", () => {
  it("the admin invites a coordinator and a liaison by email; both set a password through their link and log in; the liaison enrols 2FA", async () => {
    const app = await openApp(browser);
    try {
      const { page } = app;
      await login(page, ADMIN_EMAIL);
      await goTo(page, "Gebruikers");
      await page.getByRole("heading", { level: 1, name: "Gebruikers" }).waitFor();
      await checkAccessibility(page, "users list");
      await inviteUser(page, COORDINATOR, "Netwerkcoördinator");
      await inviteUser(page, LIAISON, "Wijkagent", "Overvecht");
      await page.getByLabel("Zoek op naam of e-mailadres").fill(run);
      await page.getByRole("button", { name: "Zoeken" }).click();
      const table = page.getByRole("table");
      await table
        .getByRole("row", { name: new RegExp(LIAISON.name) })
        .getByText("Uitgenodigd")
        .waitFor();
      await table.getByRole("row", { name: new RegExp(COORDINATOR.name) }).waitFor();
      await screenshot(page, "admin-users-invited");
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
    await setPasswordAndLogin(COORDINATOR, "coordinator");
    await setPasswordAndLogin(LIAISON, "liaison", true);
  });

  it("'wachtwoord vergeten' answers the same for an unknown address", async () => {
    const app = await openApp(browser);
    try {
      const { page } = app;
      await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
      await page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" }).waitFor();
      await page.getByLabel("E-mailadres").fill(`niemand.${run}@example.org`);
      await page.getByRole("button", { name: "Stuur mij een link" }).click();
      await page.getByText("Als dit adres bij ons bekend is").waitFor();
      await checkAccessibility(page, "forgot password");
      expect(await page.getByRole("link", { name: "Terug naar inloggen" }).count()).toBe(1);
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});
