import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkAccessibility, expectNoProblems, launchBrowser, login, openApp, screenshot } from "./support/browser";
import { ACCOUNTS } from "./support/fixtures";

/**
 * Tables never break a word (kit/responsive-table.tsx, app.css): on every page with a table, at
 * 1366×900 and on a 390×844 phone, each word in a table header or cell must sit on one line,
 * measured in the browser with a Range per word (getClientRects: more than one line top = broken,
 * as "Erns t", "Statu s" or a hyphenated "Over-vecht"). The page itself must not scroll sideways
 * (the phone, and 683 px wide: 1366 at 200 % zoom).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SIZES = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
  { name: "zoom200", width: 683, height: 450 },
] as const;

/** Words in table headers and cells that are spread over more than one line. */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of Array.from(document.querySelectorAll("main table th, main table td"))) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        // A word runs between spaces and the places a line may break anyway (after a dash or slash).
        for (const match of node.data.matchAll(/[^\s\-–/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set(
            Array.from(range.getClientRects())
              .filter((r) => r.width > 0)
              .map((r) => Math.round(r.top)),
          );
          if (tops.size > 1) broken.push(`"${match[0]}" in "${(cell.textContent ?? "").trim().slice(0, 60)}"`);
        }
      }
    }
    return broken;
  });
}

function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The page's heading is there and nothing says "Laden…" any more. */
async function settle(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !/laden…/i.test(document.querySelector("main")?.textContent ?? ""));
}

interface Visit {
  name: string;
  open: (page: Page) => Promise<void>;
}

const url = (path: string) => new URL(path, inject("baseUrl")).toString();
const goto = (path: string) => async (page: Page) => {
  await page.goto(url(path));
  await settle(page);
};

const COORDINATOR_PAGES: Visit[] = [
  { name: "home", open: goto("/") },
  {
    name: "dashboard",
    open: async (page) => {
      await goto("/dashboard")(page);
      await page.getByLabel("Wijk", { exact: true }).selectOption({ label: "Overvecht" });
      await page.getByRole("table", { name: "Netwerken in Overvecht" }).waitFor();
    },
  },
  {
    name: "contacts",
    open: async (page) => {
      await goto("/contacten")(page);
      await page.locator("main table").first().waitFor();
    },
  },
  {
    name: "organisations",
    open: async (page) => {
      await goto("/organisaties")(page);
      await page.locator("main table").first().waitFor();
    },
  },
  {
    name: "networks",
    open: async (page) => {
      await goto("/netwerken")(page);
      await page.getByRole("link", { name: inject("fixtures").networkName }).waitFor();
    },
  },
  {
    name: "network",
    open: async (page) => {
      await page.getByRole("link", { name: inject("fixtures").networkName }).click();
      await page.getByRole("heading", { level: 1, name: inject("fixtures").networkName }).waitFor();
      await page.locator("main table").first().waitFor();
      await settle(page);
    },
  },
  {
    name: "sessions-past",
    open: async (page) => {
      await goto("/bijeenkomsten")(page);
      await page.getByRole("button", { name: "Afgelopen bijeenkomsten" }).click();
      await page
        .getByRole("table", { name: "Afgelopen bijeenkomsten" })
        .getByRole("cell", { name: "Afgerond", exact: true })
        .first()
        .waitFor();
    },
  },
  {
    name: "session",
    open: async (page) => {
      await page.getByRole("table", { name: "Afgelopen bijeenkomsten" }).getByRole("link").first().click();
      await page.getByRole("heading", { level: 2, name: "Aanmeldingen en wachtlijst" }).waitFor();
      await settle(page);
    },
  },
  {
    name: "signals",
    open: async (page) => {
      await goto("/signalen")(page);
    },
  },
];

describe("the broken-word check", () => {
  it("finds a header split inside a word, and passes the same table with the app's rules", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      const table = (style: string) =>
        `<main><table style="width: 60px"><thead><tr><th style="${style}">Overvecht</th><th style="${style}">Ernst</th></tr></thead>` +
        `<tbody><tr><td style="${style}">Bondgenoten</td><td style="${style}">Niet actief</td></tr></tbody></table></main>`;
      await page.setContent(table("word-break: break-word"));
      expect((await brokenWords(page)).length).toBeGreaterThan(0);
      await page.setContent(table("word-break: normal; overflow-wrap: normal; hyphens: manual"));
      expect(await brokenWords(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe.each(SIZES)("tables at $name ($width×$height)", ({ name, width, height }) => {
  it("the coordinator's pages break no word in a table and do not scroll sideways", async () => {
    const app = await openApp(browser, { width, height });
    try {
      const { page } = app;
      await login(page, ACCOUNTS.coordinator.email);
      const broken: string[] = [];
      const wide: string[] = [];
      let tables = 0;
      for (const visit of COORDINATOR_PAGES) {
        await visit.open(page);
        tables += await page.locator("main table").count();
        broken.push(...(await brokenWords(page)).map((word) => `${visit.name}: ${word}`));
        const overflow = await sideways(page);
        if (overflow > 0) wide.push(`${visit.name}: ${overflow}px`);
        if (name !== "zoom200") await screenshot(page, `layout-${name}-${visit.name}`);
      }
      // The check must have had something to measure.
      expect(tables).toBeGreaterThanOrEqual(COORDINATOR_PAGES.length - 3);
      expect(broken).toEqual([]);
      expect(wide).toEqual([]);
      await checkAccessibility(page, `last page at ${name}`);
      expectNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});

describe("the ally's and the admin's tables", () => {
  it.each(SIZES.filter((size) => size.name !== "zoom200"))("break no word at $name", async ({ name, width, height }) => {
    for (const [email, path] of [
      [ACCOUNTS.ally.email, "/mijn-profiel"],
      ["admin@wijknet.example", "/beheer/gebruikers"],
    ] as const) {
      const app = await openApp(browser, { width, height });
      try {
        const { page } = app;
        await login(page, email);
        await goto(path)(page);
        await page.locator("main table").first().waitFor();
        expect(await brokenWords(page)).toEqual([]);
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        await checkAccessibility(page, `${path} at ${name}`);
        await screenshot(page, `layout-${name}-${path.replaceAll("/", "-").slice(1)}`);
        expectNoProblems(app.problems);
      } finally {
        await app.close();
      }
    }
  });
});
