/**
 * Writes dist/trusted-documents.json: the operations this build of the web app sends
 * (every `.graphql` file under src/), hashed as the server hashes incoming documents
 * (@wijknet/shared/trusted-documents). In production the server runs only these.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildManifest } from "@wijknet/shared/trusted-documents";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : graphqlFiles(path);
    return entry.name.endsWith(".graphql") ? [path] : [];
  });
}

const files = graphqlFiles(join(root, "src")).sort();
const manifest = buildManifest(files.map((f) => readFileSync(f, "utf8")));
writeFileSync(join(root, "dist", "trusted-documents.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `trusted documents: ${Object.keys(manifest.documents).length} operations from ${files.length} files → dist/trusted-documents.json`,
);
