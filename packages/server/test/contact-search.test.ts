import { afterAll, beforeAll, describe, it } from "vitest";
import type { App } from "../src/app.js";
import { startTestApp } from "./support/app.js";
import { runSearchCases } from "./support/contact-search-cases.js";

let app: App;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("contact search on PostgreSQL (pg_trgm + unaccent)", () => {
  it("finds what people type: accents, hyphens, exact and prefix matches first, paged by relevance", { timeout: 60_000 }, async () => {
    await runSearchCases(app);
  });
});
