import type { CodegenConfig } from "@graphql-codegen/cli";

// Types come from the committed contract, never from a running server, so
// codegen works offline and in CI before the server is built.
const config: CodegenConfig = {
  schema: "../server/schema.graphql",
  // One operation per .graphql file, next to the feature that uses it.
  documents: ["src/**/*.graphql"],
  generates: {
    "src/generated/gql/": {
      preset: "client",
      presetConfig: {
        // No fragments yet; masking would only add ceremony. Revisit when
        // components start declaring their own fragments.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // DateTime arrives as an ISO 8601 string over JSON.
        scalars: { DateTime: "string" },
        // Apollo adds __typename to every selection; make the types say so.
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
      },
    },
  },
  ignoreNoDocuments: false,
};

export default config;
