import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { buildManifest, canonicalDocument, documentHash } from "./trusted-documents.js";

describe("trusted documents", () => {
  it("hashes what Apollo Client sends the same as the source (typename added, spacing, order)", () => {
    const source =
      "query Contacts($first: Int) { contacts(first: $first) { edges { node { ...Card } } } }\nfragment Card on Contact { id fullName }";
    const sent = `fragment Card on Contact { id fullName __typename }
      query Contacts($first: Int) { contacts(first: $first) { __typename edges { __typename node { __typename ...Card } } } }`;
    expect(documentHash(parse(sent))).toBe(documentHash(parse(source)));
    expect(Object.keys(buildManifest([source]).documents)).toEqual([documentHash(parse(source))]);
  });

  it("a changed selection or argument is another document", () => {
    const a = documentHash(parse("{ contacts(first: 5) { totalCount } }"));
    expect(documentHash(parse("{ contacts(first: 6) { totalCount } }"))).not.toBe(a);
    expect(documentHash(parse("{ contacts(first: 5) { totalCount edges { cursor } } }"))).not.toBe(a);
    expect(documentHash(parse("{ contacts(first: 5) { t: totalCount } }"))).not.toBe(a);
  });

  it("includes the fragments an operation uses across files, and only those", () => {
    const manifest = buildManifest([
      "query A { viewer { ...Me } }",
      "fragment Me on User { id ...Role }\nfragment Role on User { role }\nfragment Unused on User { email }",
    ]);
    const [text] = Object.values(manifest.documents);
    expect(text).toContain("fragment Me on User");
    expect(text).toContain("fragment Role on User");
    expect(text).not.toContain("Unused");
    expect(() => buildManifest(["query B { viewer { ...Missing } }"])).toThrow(/Missing/);
    expect(canonicalDocument(parse('query Q @connection(key: "x") { viewer { id } }'))).not.toContain("connection");
  });
});
