/**
 * Production runs only the web app's own operations (trusted documents): the manifest
 * written by the web build (`packages/web/dist/trusted-documents.json`) lists the SHA-256
 * of each operation's canonical text (`@wijknet/shared/trusted-documents`). Anything else
 * is refused before it runs, on HTTP and on WebSocket. An attacker with a valid token can
 * then only do what the app's screens do.
 */
import { existsSync, readFileSync } from "node:fs";
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type DocumentNode } from "graphql";
import { documentHash, type TrustedManifest } from "@wijknet/shared/trusted-documents";
import type { Context } from "../kernel/context.js";

export const UNTRUSTED_CODE = "TRUSTED_DOCUMENT_REQUIRED";

export interface TrustedDocuments {
  size: number;
  isTrusted(document: DocumentNode): boolean;
}

export function loadTrustedDocuments(path: string): TrustedDocuments {
  const manifest = JSON.parse(readFileSync(path, "utf8")) as TrustedManifest;
  if (manifest.version !== 1 || typeof manifest.documents !== "object") throw new Error(`${path} is not a trusted-documents manifest`);
  const hashes = new Set(Object.keys(manifest.documents));
  // Apollo and graphql-ws keep parsed documents: remember each verdict per document object.
  const verdicts = new WeakMap<DocumentNode, boolean>();
  return {
    size: hashes.size,
    isTrusted(document) {
      let verdict = verdicts.get(document);
      if (verdict === undefined) {
        verdict = hashes.has(documentHash(document));
        verdicts.set(document, verdict);
      }
      return verdict;
    },
  };
}

/** `auto`: enforce in production when the built web app has a manifest; `off`; or a manifest path. */
export function resolveTrustedDocuments(setting: string, production: boolean, defaultPath: string | undefined): TrustedDocuments | null {
  if (setting === "off") return null;
  if (setting === "auto") return production && defaultPath && existsSync(defaultPath) ? loadTrustedDocuments(defaultPath) : null;
  return loadTrustedDocuments(setting);
}

export function untrustedError(): GraphQLError {
  return new GraphQLError("This operation is not one of the app's own operations.", {
    extensions: { code: UNTRUSTED_CODE, http: { status: 400 } },
  });
}

export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          if (!trusted.isTrusted(document)) throw untrustedError();
        },
      };
    },
  };
}
