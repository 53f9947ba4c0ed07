import type { Browser, WebSocketRoute } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { checkAccessibility, expectNoProblems, goTo, launchBrowser, login, openApp, screenshot, type AppPage } from "./support/browser";
import { ACCOUNTS, loginToken, reportSignal, shareSignalWithPolice } from "./support/fixtures";

let browser: Browser;
let liaison: AppPage;
let coordinator: AppPage;
let coordinatorToken: string;

/** The liaison's WebSockets go through this route, so the test can cut them (and refuse new ones) at will. */
const live = { blocked: false, sockets: [] as WebSocketRoute[], subscribes: 0 };

beforeAll(async () => {
  browser = await launchBrowser();
  // The liaison on a phone: the console must work there.
  liaison = await openApp(browser, { width: 390, height: 844 });
  await liaison.page.context().routeWebSocket(/\/graphql$/, (ws) => {
    if (live.blocked) {
      // 1012 "service restart": graphql-ws retries, as after a real network drop.
      void ws.close({ code: 1012, reason: "offline (test)" });
      return;
    }
    const server = ws.connectToServer();
    live.sockets.push(ws);
    ws.onMessage((message) => {
      if (typeof message === "string" && message.includes('"subscribe"') && message.includes("myAlerts")) live.subscribes += 1;
      server.send(message);
    });
  });
  // Playwright routes WebSockets through a script it adds to new documents: load the page again.
  await liaison.page.reload();
  coordinator = await openApp(browser);
  coordinatorToken = await loginToken(inject("baseUrl"), ACCOUNTS.coordinator.email);
});
afterEach(async (context) => {
  if (context.task.result?.state === "fail") {
    const name = context.task.name.slice(0, 30).replace(/\W+/g, "-");
    await screenshot(liaison.page, `failed-signals-liaison-${name}`);
    await screenshot(coordinator.page, `failed-signals-coordinator-${name}`);
  }
});
afterAll(async () => {
  await liaison?.close();
  await coordinator?.close();
  await browser?.close();
});

async function waitUntil(check: () => boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("live alerts", () => {
  it("(a) the coordinator shares a signal with police; it appears in the liaison's console within two seconds", async () => {
    const summary = "Opstootje bij de ingang van het winkelcentrum";
    const lp = liaison.page;
    await login(lp, ACCOUNTS.liaison.email);
    // The console is the liaison's main page.
    await lp.getByRole("heading", { level: 1, name: "Live meldingen" }).waitFor();
    await waitUntil(() => live.subscribes > 0, 15_000, "the myAlerts subscription");

    const cp = coordinator.page;
    await login(cp, ACCOUNTS.coordinator.email);
    await reportSignal(inject("baseUrl"), coordinatorToken, inject("fixtures").overvechtId, summary);
    await goTo(cp, "Signalen");
    await cp.getByRole("heading", { level: 1, name: "Signalen" }).waitFor();
    await cp.getByRole("link", { name: summary }).click();
    await cp.getByRole("heading", { level: 1, name: summary }).waitFor();
    await cp.getByRole("heading", { level: 2, name: "Tijdlijn" }).waitFor();
    await cp.getByLabel("Delen met de politie (wijkagent van de wijk)").check();
    await cp.getByLabel("Opmerking voor de tijdlijn").fill("Graag even langsgaan.");
    await cp.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    const sharedAt = Date.now();

    const item = lp.getByRole("list", { name: "Meldingen, nieuwste eerst" }).getByRole("listitem").filter({ hasText: summary });
    await item.waitFor({ timeout: 2_000 });
    const elapsed = Date.now() - sharedAt;
    console.log(`live path: shared → visible in the console in ${elapsed} ms`);
    expect(elapsed).toBeLessThan(2_000);
    await item.getByText("Nieuw", { exact: true }).waitFor();
    await checkAccessibility(lp, "liaison alert console");
    await screenshot(lp, "liaison-alert-console-new-alert-phone");

    await cp.getByText("Opgeslagen.").waitFor();
    await checkAccessibility(cp, "coordinator signal detail");
    await screenshot(cp, "coordinator-signal-detail");

    // Acknowledge with a comment.
    await item.getByLabel("Opmerking bij bevestigen").fill("Ik ga erheen.");
    await item.getByRole("button", { name: "Bevestigen" }).click();
    await item.getByText(/Bevestigd op/).waitFor();

    // The coordinator sees who was alerted and who acknowledged, with the comment.
    await cp.reload();
    const alerts = cp.getByRole("table", { name: "Wie kreeg een melding" });
    await alerts
      .getByRole("row", { name: new RegExp(ACCOUNTS.liaison.name) })
      .getByText(/Ik ga erheen\./)
      .waitFor();
    await cp.getByRole("listitem").filter({ hasText: "Delen gewijzigd" }).first().waitFor();

    // The liaison opens the signal: detail with timeline, no triage form.
    await item.getByRole("link", { name: `Bekijk signaal: ${summary}` }).click();
    await lp.getByRole("heading", { level: 1, name: summary }).waitFor();
    await lp.getByRole("heading", { level: 2, name: "Tijdlijn" }).waitFor();
    await expect(lp.getByRole("button", { name: "Wijzigingen opslaan" }).count()).resolves.toBe(0);
    await checkAccessibility(lp, "liaison signal detail");
    await screenshot(lp, "liaison-signal-detail-phone");
    await goTo(lp, "Live meldingen");
    await lp.getByRole("heading", { level: 1, name: "Live meldingen" }).waitFor();
    expectNoProblems(liaison.problems);
    expectNoProblems(coordinator.problems);
  });

  it("(b) after the liaison's connection drops, two alerts shared meanwhile appear in order on reconnect", async () => {
    const lp = liaison.page;
    const first = "Spanning op het plein na de wedstrijd";
    const second = "Groepje scheldt voorbijgangers uit bij de tramhalte";
    const subscribesBefore = live.subscribes;

    live.blocked = true;
    for (const socket of live.sockets.splice(0)) await socket.close({ code: 1012, reason: "offline (test)" });
    await lp.getByText("Live verbinding verbroken — we proberen opnieuw…").waitFor();

    const baseUrl = inject("baseUrl");
    const overvecht = inject("fixtures").overvechtId;
    const firstId = await reportSignal(baseUrl, coordinatorToken, overvecht, first);
    await shareSignalWithPolice(baseUrl, coordinatorToken, firstId);
    const secondId = await reportSignal(baseUrl, coordinatorToken, overvecht, second);
    await shareSignalWithPolice(baseUrl, coordinatorToken, secondId);
    await new Promise((r) => setTimeout(r, 500));
    const list = lp.getByRole("list", { name: "Meldingen, nieuwste eerst" });
    await expect(list.getByRole("listitem").filter({ hasText: first }).count()).resolves.toBe(0);
    await screenshot(lp, "liaison-alert-console-offline-phone");

    live.blocked = false;
    await list.getByRole("listitem").filter({ hasText: second }).waitFor({ timeout: 15_000 });
    await list.getByRole("listitem").filter({ hasText: first }).waitFor();
    await lp.getByText("Weer verbonden").waitFor();
    expect(live.subscribes).toBeGreaterThan(subscribesBefore);
    // Newest first: the second above the first, each once.
    const texts = await list.getByRole("listitem").allTextContents();
    const firstIndex = texts.findIndex((t) => t.includes(first));
    const secondIndex = texts.findIndex((t) => t.includes(second));
    expect(secondIndex).toBeGreaterThanOrEqual(0);
    expect(secondIndex).toBeLessThan(firstIndex);
    expect(texts.filter((t) => t.includes(first))).toHaveLength(1);
    await checkAccessibility(lp, "liaison console after reconnect");
    await screenshot(lp, "liaison-alert-console-reconnected-phone");
    expectNoProblems(liaison.problems);
  });
});

describe("report a tension", () => {
  it("(c) an ally sees the warning for a text naming a nationality, rephrases and sends", async () => {
    const app = await openApp(browser, { width: 390, height: 844 });
    try {
      const { page } = app;
      await login(page, ACCOUNTS.ally.email);
      await goTo(page, "Spanning melden");
      await page.getByRole("heading", { level: 1, name: "Spanning melden" }).waitFor();
      await page.getByText(/Beschrijf de situatie, niet de mensen/).waitFor();
      const referral = page.getByRole("link", { name: /Art\.1 Middennederland/ });
      // Through the counter (only a count per district and month is kept), then on to discriminatie.nl.
      expect(await referral.getAttribute("href")).toMatch(/^\/referral\?district=[0-9a-f-]{36}$/);
      await checkAccessibility(page, "report form");

      const summary = page.getByLabel("Wat is er aan de hand?");
      await summary.fill("Turkse jongens maken ruzie bij het winkelcentrum");
      await page.getByRole("button", { name: "Melding versturen" }).click();
      await page.getByText(/In je tekst staat "Turkse"/).waitFor();
      expect(await summary.getAttribute("aria-invalid")).toBe("true");
      await page.getByRole("button", { name: "Toch versturen zoals het er staat" }).waitFor();
      await checkAccessibility(page, "report form with warning");
      await screenshot(page, "ally-report-warning-phone");

      await summary.fill("Jongeren maken ruzie bij het winkelcentrum");
      await page.getByRole("button", { name: "Melding versturen" }).click();
      await page.getByText("Dank je. Je melding is verstuurd naar de coördinator.").waitFor();
      await screenshot(page, "ally-report-sent-phone");
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  it("the coordinator's inbox shows the ally's report", async () => {
    const cp = coordinator.page;
    await goTo(cp, "Signalen");
    await cp.getByRole("link", { name: "Jongeren maken ruzie bij het winkelcentrum" }).waitFor();
    await checkAccessibility(cp, "coordinator signals inbox");
    await screenshot(cp, "coordinator-signals-inbox");
  });
});

describe("an overridden warning never reaches police as written", () => {
  it("(d) an ally sends past the warning; the coordinator sees the flag, rewords for police and shares; the liaison's console shows only the rewording", async () => {
    const original = "Marokkaanse jongeren hangen rond bij het winkelcentrum";
    const reworded = "Groep jongeren hangt rond bij het winkelcentrum Overvecht";
    const ally = await openApp(browser, { width: 390, height: 844 });
    try {
      const ap = ally.page;
      await login(ap, ACCOUNTS.ally.email);
      await goTo(ap, "Spanning melden");
      const summary = ap.getByLabel("Wat is er aan de hand?");
      await summary.fill(original);
      // At once, while typing: the word underlined.
      await ap.locator(".wijknet-situation-preview mark", { hasText: "Marokkaanse" }).waitFor();
      await ap.getByRole("button", { name: "Toch versturen zoals het er staat" }).click();
      await ap.getByText("Dank je. Je melding is verstuurd naar de coördinator.").waitFor();
      expectNoProblems(ally.problems);
    } finally {
      await ally.close();
    }

    const cp = coordinator.page;
    await goTo(cp, "Signalen");
    const row = cp.getByRole("row").filter({ hasText: original });
    await row.getByText("waarschuwing genegeerd").waitFor();
    await row.getByRole("link", { name: original }).click();
    await cp.getByRole("heading", { level: 2, name: "Waarschuwing genegeerd bij het melden" }).waitFor();
    await cp
      .getByText(/"Marokkaanse"/)
      .first()
      .waitFor();
    await cp.getByLabel("Delen met de politie (wijkagent van de wijk)").check();
    await cp.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await cp.getByText("Nodig om te delen met de politie.").waitFor();
    await cp.getByLabel("Wat is er aan de hand? (voor de politie)").fill(reworded);
    await cp.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await cp.getByText("Opgeslagen.").waitFor();
    await cp.getByRole("listitem").filter({ hasText: "Tekst voor de politie herschreven" }).first().waitFor();
    await checkAccessibility(cp, "coordinator rewords a flagged signal");
    await screenshot(cp, "coordinator-flagged-signal-reworded");

    const lp = liaison.page;
    await goTo(lp, "Live meldingen");
    const list = lp.getByRole("list", { name: "Meldingen, nieuwste eerst" });
    const item = list.getByRole("listitem").filter({ hasText: reworded });
    await item.waitFor({ timeout: 5_000 });
    await item.getByRole("link", { name: `Bekijk signaal: ${reworded}` }).click();
    await lp.getByRole("heading", { level: 1, name: reworded }).waitFor();
    expect(await lp.content()).not.toContain("Marokkaanse");
    await goTo(lp, "Live meldingen");
    await list.getByRole("listitem").filter({ hasText: reworded }).waitFor();
    expect(await lp.content()).not.toContain("Marokkaanse");
    await screenshot(lp, "liaison-console-reworded-phone");
    expectNoProblems(liaison.problems);
    expectNoProblems(coordinator.problems);
  });
});
