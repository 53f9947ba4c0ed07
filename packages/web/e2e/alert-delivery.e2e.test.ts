import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { PushServiceStandIn, type PushSubscriptionStub } from "../../server/test/support/push-service";
import { expectNoProblems, launchBrowser, login, openApp, screenshot, type AppPage } from "./support/browser";
import { ACCOUNTS, E2E_VAPID_PUBLIC_KEY, loginToken, reportSignal, shareSignalWithPolice } from "./support/fixtures";

/*
 * Headless Chromium has no push service to subscribe at (PushManager.subscribe fails without
 * one), so this test replaces only PushManager's subscribe/getSubscription with a subscription
 * at the push service stand-in. Everything else is real: the service worker /sw.js is
 * registered, notification permission is granted, the device is registered through the
 * account page, the server encrypts and POSTs the push to the stand-in (which checks VAPID
 * and decrypts it), and the liaison opens the push's link as a click on it would.
 */
let browser: Browser;
let liaison: AppPage;
let pushService: PushServiceStandIn;
let sub: PushSubscriptionStub;

beforeAll(async () => {
  pushService = await new PushServiceStandIn(E2E_VAPID_PUBLIC_KEY).start();
  sub = pushService.subscribe();
  browser = await launchBrowser();
  liaison = await openApp(browser);
  await liaison.page.context().grantPermissions(["notifications"], { origin: inject("baseUrl") });
  await liaison.page.addInitScript((s: PushSubscriptionStub) => {
    const fake = {
      endpoint: s.endpoint,
      toJSON: () => ({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }),
      unsubscribe: async () => true,
    };
    let subscribed = false;
    PushManager.prototype.subscribe = async () => {
      subscribed = true;
      return fake as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async () => (subscribed ? (fake as unknown as PushSubscription) : null);
  }, sub);
  await liaison.page.reload();
});
afterEach(async (context) => {
  if (context.task.result?.state === "fail")
    await screenshot(liaison.page, `failed-alert-delivery-${context.task.name.slice(0, 30).replace(/\W+/g, "-")}`);
});
afterAll(async () => {
  await liaison?.close();
  await browser?.close();
  await pushService?.stop();
});

describe("alert notifications on a device", () => {
  it("the liaison turns on notifications, gets a push for a shared signal and sees the receipts on the signal page", async () => {
    const page = liaison.page;
    await login(page, ACCOUNTS.liaison.email);
    await page.goto(`${inject("baseUrl")}/mijn-account`);
    await page.getByRole("heading", { name: "Meldingen op dit apparaat" }).waitFor();
    await page.getByRole("button", { name: "Meldingen aanzetten op dit apparaat" }).click();
    await page.getByText("Meldingen staan aan op dit apparaat.").waitFor();
    const item = page.getByRole("listitem").filter({ hasText: "Via 127.0.0.1" });
    await expect.poll(() => item.textContent()).toContain("(dit apparaat)");
    expect(await page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration("/sw.js")))).toBe(true);
    await page.getByRole("button", { name: "Meldingen uitzetten op dit apparaat" }).waitFor();

    const baseUrl = inject("baseUrl");
    const token = await loginToken(baseUrl, ACCOUNTS.coordinator.email);
    const signalId = await reportSignal(baseUrl, token, inject("fixtures").overvechtId, "Spanning rond het buurthuis na een ruzie");
    await shareSignalWithPolice(baseUrl, token, signalId);
    await expect
      .poll(() => pushService.delivered(sub).find((p) => String(p.payload?.["url"]).includes(signalId)), { timeout: 10_000 })
      .toBeTruthy();
    const push = pushService.delivered(sub).find((p) => String(p.payload?.["url"]).includes(signalId))!;
    expect(push.payload).toMatchObject({ district: "Overvecht", kind: "TENSION", severity: "HIGH", title: "open wijknet" });
    expect(JSON.stringify(push.payload)).not.toContain("buurthuis");

    // What the service worker's notificationclick opens.
    const link = new URL(String(push.payload!["url"]));
    link.searchParams.set("seen", String(push.payload!["deliveryId"]));
    await page.goto(`${baseUrl}${link.pathname}${link.search}`);
    const receipt = page.locator('li[data-channel="PUSH"]').first();
    await receipt.waitFor();
    await expect
      .poll(
        async () => {
          await page.reload();
          return receipt.textContent();
        },
        { timeout: 10_000 },
      )
      .toMatch(/bezorgd .*gezien/);
    expect(await receipt.textContent()).toContain("melding op apparaat (127.0.0.1)");
    expectNoProblems(liaison.problems);
  });
});
