import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { DEMO_PASSWORD } from "./fixtures";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SCREENSHOTS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../artifacts/screenshots");

/** Debian's Chromium; a browser download cannot work on the build machine. */
const CHROMIUM = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  // Playwright launches with a fresh temporary profile (user-data dir) each time.
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 30_000 });
}

export interface AppPage {
  page: Page;
  /** Console errors and CSP violations seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export interface OpenAppOptions {
  width?: number;
  height?: number;
  /** The browser's language (navigator.languages); Dutch unless a test says otherwise. */
  locale?: string;
  /** The device's time zone; the machine's own (UTC here) unless a test says otherwise. */
  timezoneId?: string;
}

/** A fresh browser context (no shared storage) with a page on the app. */
export async function openApp(
  browser: Browser,
  { width = 1280, height = 900, locale = "nl-NL", timezoneId }: OpenAppOptions = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale,
    acceptDownloads: true,
    ...(timezoneId ? { timezoneId } : {}),
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(inject("baseUrl"));
  return { page, problems, close: () => context.close() };
}

export async function login(page: Page, email: string): Promise<void> {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("button", { name: "Uitloggen" }).waitFor();
}

/** Navigate through the app's main navigation. */
export async function goTo(page: Page, linkName: string): Promise<void> {
  await page
    .getByRole("navigation", { name: /Hoofdmenu|Main menu/ })
    .getByRole("link", { name: linkName, exact: true })
    .click();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now. Evaluated
 * through the DevTools protocol, which the page's CSP does not govern (a script
 * tag would be refused, rightly).
 */
export async function checkAccessibility(page: Page, label: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((n) => ({ target: n.target })),
    }));
  });
  const severe = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(severe, `${label}: ${JSON.stringify(severe, null, 2)}`).toEqual([]);
  return violations;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** No CSP violations, no uncaught errors. (Expected 4xx answers are not console errors.) */
export function expectNoProblems(problems: string[]): void {
  expect(problems.filter((p) => /Content Security Policy|pageerror/i.test(p))).toEqual([]);
}
