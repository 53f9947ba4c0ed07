/**
 * Trusted documents: in production the server runs only the operations the web app was
 * built with. Both sides compute the same canonical text of a document — `__typename`
 * selections (Apollo Client adds them) and client-only directives removed, definitions
 * sorted — and its SHA-256. The web build writes the manifest; the server loads it.
 *
 * Node only (node:crypto): imported as "@wijknet/shared/trusted-documents", never from
 * browser code.
 */
import { createHash } from "node:crypto";
import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from "graphql";

/** Directives Apollo Client uses itself and does not send (or that do not change the operation). */
const CLIENT_DIRECTIVES = new Set(["client", "connection", "nonreactive", "unmask"]);

export function canonicalDocument(doc: DocumentNode): string {
  const stripped = visit(doc, {
    Field(node) {
      if (node.name.value === "__typename" && !node.alias) return null;
      if (node.directives?.some((d) => d.name.value === "client")) return null;
      return undefined;
    },
    Directive(node) {
      return CLIENT_DIRECTIVES.has(node.name.value) ? null : undefined;
    },
  });
  const rank = (d: DefinitionNode) => (d.kind === Kind.OPERATION_DEFINITION ? 0 : 1);
  const name = (d: DefinitionNode) => ("name" in d && d.name ? d.name.value : "");
  const definitions = [...stripped.definitions].sort((a, b) => rank(a) - rank(b) || name(a).localeCompare(name(b)));
  return print({ ...stripped, definitions });
}

export function documentHash(doc: DocumentNode): string {
  return createHash("sha256").update(canonicalDocument(doc)).digest("hex");
}

export interface TrustedManifest {
  version: 1;
  /** SHA-256 of the canonical text → the canonical text (for review). */
  documents: Record<string, string>;
}

/**
 * Builds the manifest from the web app's `.graphql` sources: each operation together with
 * the fragments it uses (transitively), as Apollo Client sends it.
 */
export function buildManifest(sources: readonly string[]): TrustedManifest {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const source of sources) {
    for (const def of parse(source).definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
      else if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
  }
  const documents: Record<string, string> = {};
  for (const op of operations) {
    const used = new Map<string, FragmentDefinitionNode>();
    const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const frag = fragments.get(spread.name.value);
          if (!frag) throw new Error(`Fragment ${spread.name.value} is used but not defined`);
          if (!used.has(frag.name.value)) {
            used.set(frag.name.value, frag);
            collect(frag);
          }
        },
      });
    collect(op);
    const doc: DocumentNode = { kind: Kind.DOCUMENT, definitions: [op, ...used.values()] };
    documents[documentHash(doc)] = canonicalDocument(doc);
  }
  return { version: 1, documents };
}
