import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Each module says what its GraphQL types resolve from in `<module>.mappers.ts`
 * (`export type <Type>Mapper = …`), so resolvers receive rows, not GraphQL shapes,
 * and a new module needs no line here.
 */
function moduleMappers(): Record<string, string> {
  const mappers: Record<string, string> = {};
  for (const dir of readdirSync("src/modules", { withFileTypes: true })) {
    const file = `src/modules/${dir.name}/${dir.name}.mappers.ts`;
    if (!dir.isDirectory() || !existsSync(file)) continue;
    for (const [, type] of readFileSync(file, "utf8").matchAll(/^export type (\w+)Mapper\b/gm)) {
      mappers[type!] = `../modules/${dir.name}/${dir.name}.mappers.js#${type}Mapper`;
    }
  }
  return mappers;
}

// Types come from the repository's SDL files, never from a running server.
const config: CodegenConfig = {
  schema: ["src/graphql/base.graphql", "src/modules/**/*.graphql"],
  generates: {
    // The merged contract reviewers read; committed, and CI fails when it drifts.
    "schema.graphql": { plugins: ["schema-ast"], config: { includeDirectives: true } },
    "src/generated/graphql.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        contextType: "../kernel/context.js#Context",
        enumsAsTypes: true,
        scalars: { DateTime: "Date" },
        mappers: moduleMappers(),
      },
    },
    // Typed documents for the integration tests: `graphql(\`query Name …\`)` in test/ gives a
    // TypedDocumentString, so a selection the schema lacks or a wrong variable fails typecheck.
    // Operation names are unique across test files. Plain strings only for deliberately invalid documents.
    "test/generated/": {
      documents: ["test/**/*.ts", "!test/generated/**"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        // Sent as text, exactly as before; the String subclass carries the types.
        documentMode: "string",
        // NodeNext resolution: relative imports need their .js extension.
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        // DateTime arrives as an ISO 8601 string over JSON.
        scalars: { DateTime: "string" },
      },
    },
  },
};
export default config;
