import { expect } from "vitest";
import type { App } from "../../src/app.js";
import { gql } from "./app.js";
import { createWorld } from "./world.js";
import { graphql } from "../generated/index.js";

/**
 * The search cases of issue 21, shared by PostgreSQL (contact-search.test.ts) and the embedded
 * PGlite (contact-search-embedded.test.ts): the same migration, extensions and SQL on both.
 */
export const SEARCH = graphql(`query ContactSearch($text: String!, $first: Int, $after: String, $sort: ContactSort) {
  contacts(filter: { text: $text }, first: $first, after: $after, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id fullName } }
  } }`);
const RENAME = graphql(
  `mutation ContactSearchRename($id: ID!, $name: String!) { updateContact(id: $id, input: { fullName: $name }) { id } }`,
);

const PEOPLE = [
  "Mehmet Özdemir",
  "Ayşe van Dijk-Özdemir",
  "Oscar Ozinga",
  "Peter Jansen-de Vries",
  "Anna de Vries",
  "Kees Jansen",
  "Fatima El Amrani",
  "Fatma Kaya",
  "Lisa Elfatihi",
  "Tom Lefat",
  "Renée Çelik",
];

export async function runSearchCases(app: App): Promise<void> {
  const w = await createWorld(app);
  const ids = new Map<string, string>();
  for (const fullName of PEOPLE) {
    const c = await app.db.prisma.contact.create({ data: { municipalityId: w.municipality.id, fullName } });
    ids.set(fullName, c.id);
  }
  const token = w.tokens.coordinator!;
  const search = async (text: string, extra: { first?: number; after?: string; sort?: { field: "NAME" } } = {}) => {
    const res = await gql(app, SEARCH, { text, first: extra.first ?? 20, after: extra.after, sort: extra.sort }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.contacts;
  };
  const names = async (text: string) => (await search(text)).edges.map((e) => e.node.fullName);

  // Accent-insensitive both ways: the query without accents finds the name with them, and back.
  expect(await names("ozdemir")).toEqual(["Ayşe van Dijk-Özdemir", "Mehmet Özdemir"]);
  expect(await names("ÖZDEMIR")).toEqual(["Ayşe van Dijk-Özdemir", "Mehmet Özdemir"]);
  expect(await names("ayse")).toEqual(["Ayşe van Dijk-Özdemir"]);
  expect(await names("renee celik")).toEqual(["Renée Çelik"]);
  // A double-barrelled name as typed, with or without the hyphen; neither half alone ranks above it.
  expect((await names("jansen-de vries"))[0]).toBe("Peter Jansen-de Vries");
  expect((await names("jansen de vries"))[0]).toBe("Peter Jansen-de Vries");
  expect(await names("jansen")).toEqual(["Kees Jansen", "Peter Jansen-de Vries"]);
  // Prefix matches before names that only contain the text.
  expect(await names("fat")).toEqual(["Fatima El Amrani", "Fatma Kaya", "Lisa Elfatihi", "Tom Lefat"]);
  // The exact name first, whatever the alphabet says.
  expect((await names("fatma kaya"))[0]).toBe("Fatma Kaya");
  // Two letters still search (words starting with them, by name).
  expect(await names("oz")).toEqual(["Ayşe van Dijk-Özdemir", "Mehmet Özdemir", "Oscar Ozinga"]);
  // LIKE's wildcards are literals.
  expect(await search("%")).toMatchObject({ totalCount: 0, edges: [] });
  expect(await search("_")).toMatchObject({ totalCount: 0, edges: [] });

  // Paging by relevance: one at a time, same order, nothing twice, the total on every page.
  const paged: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await search("fat", { first: 1, after });
    expect(page.totalCount).toBe(4);
    paged.push(...page.edges.map((e) => e.node.fullName));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor!;
  }
  expect(paged).toEqual(["Fatima El Amrani", "Fatma Kaya", "Lisa Elfatihi", "Tom Lefat"]);
  // Another order keeps the same matches.
  expect((await search("fat", { sort: { field: "NAME" } })).edges.map((e) => e.node.fullName)).toEqual([
    "Fatima El Amrani",
    "Fatma Kaya",
    "Lisa Elfatihi",
    "Tom Lefat",
  ]);
  // A name changed through the API is searched under its new form (the folded name follows it).
  const renamed = await gql(app, RENAME, { id: ids.get("Oscar Ozinga")!, name: "Oscar Öztürk" }, token);
  expect(renamed.errors).toBeUndefined();
  expect(await names("ozturk")).toEqual(["Oscar Öztürk"]);
  expect(await names("ozinga")).toEqual([]);
}
