import { readFileSync } from "node:fs";
import { join } from "node:path";
import { specialCategoryTerm } from "@wijknet/shared";
import {
  buildSchema as buildSdl,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
} from "graphql";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/platform/config.js";
import { buildSchema } from "../src/graphql/schema.js";

/** Every identifier a schema exposes: types, fields, arguments, input fields, enum values. */
function graphqlIdentifiers(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    out.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push(`${type.name}.${field.name}`);
        for (const arg of field.args) out.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) out.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) out.push(`${type.name}.${value.name}`);
    }
  }
  return out;
}

/** Model, field, enum and enum value names of a Prisma schema. */
function prismaIdentifiers(source: string): string[] {
  const out: string[] = [];
  let block: { kind: string; name: string } | null = null;
  for (const raw of source.split("\n")) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    const open = /^(model|enum|type|view)\s+(\w+)\s*\{/.exec(line);
    if (open) {
      block = { kind: open[1]!, name: open[2]! };
      out.push(block.name);
      continue;
    }
    if (line === "}") {
      block = null;
      continue;
    }
    if (!block || !line || line.startsWith("@@")) continue;
    const name = /^(\w+)/.exec(line)?.[1];
    if (name) out.push(`${block.name}.${name}`);
    // A @map("…") could smuggle a column name past the field name.
    for (const m of line.matchAll(/@map\("([^"]+)"\)/g)) out.push(`${block.name}.${m[1]}`);
  }
  return out;
}

/**
 * Names of *topics*, not traits of persons: the theme of a session about ethnic
 * profiling is the reason this product exists. Every entry needs that argument;
 * a field or type can never be listed here.
 */
const TOPIC_ENUM_VALUES = new Set(["SessionTheme.ETHNIC_PROFILING"]);

/** Each part of a dotted identifier is checked on its own. */
const flagged = (identifiers: string[]) =>
  identifiers.filter((id) => !TOPIC_ENUM_VALUES.has(id) && id.split(/[.()]/).some((part) => part && specialCategoryTerm(part)));

describe("no special-category data anywhere in the schemas", () => {
  it("the Prisma schema has no field for ethnicity, nationality, origin, religion, skin colour or birth date", () => {
    const identifiers = prismaIdentifiers(readFileSync(join(REPO_ROOT, "prisma/schema.prisma"), "utf8"));
    expect(identifiers.length).toBeGreaterThan(100);
    expect(flagged(identifiers)).toEqual([]);
  });

  it("the GraphQL schema has none either", () => {
    const identifiers = graphqlIdentifiers(buildSchema());
    expect(identifiers.length).toBeGreaterThan(20);
    expect(flagged(identifiers)).toEqual([]);
  });

  it("the check does catch such fields (so it can fail)", () => {
    const prisma = `model Contact {\n  id String @id\n  countryOfBirth String\n  skin_colour String\n  name String @map("etniciteit")\n}\nenum Faith {\n  NONE\n}`;
    expect(flagged(prismaIdentifiers(prisma))).toEqual([
      "Contact.countryOfBirth",
      "Contact.skin_colour",
      "Contact.etniciteit",
      "Faith",
      "Faith.NONE",
    ]);
    const sdl = buildSdl(
      `type Query { person(religion: String): Person } type Person { nationality: String originalName: String } enum Kind { HUIDSKLEUR }`,
    );
    expect(flagged(graphqlIdentifiers(sdl))).toEqual(["Query.person(religion)", "Person.nationality", "Kind.HUIDSKLEUR"]);
  });
});

describe("the committed schema.graphql", () => {
  it("is exactly the schema the server builds from its modules (run `pnpm generate` after changing SDL)", () => {
    const committed = buildSdl(readFileSync(join(REPO_ROOT, "packages/server/schema.graphql"), "utf8"));
    expect(printSchema(lexicographicSortSchema(committed))).toBe(printSchema(lexicographicSortSchema(buildSchema())));
  });
});
