/**
 * Precompresses the built web app: next to every text asset in dist/ it writes `.br`
 * (brotli, highest quality) and `.gz` (gzip -9) when they are smaller, so the server sends
 * them without compressing per request (packages/server/src/http/static-files.ts).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = fileURLToPath(new URL("../dist", import.meta.url));
const TEXT = new Set([".html", ".js", ".css", ".svg", ".json", ".txt", ".map"]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

let raw = 0;
let brotli = 0;
for (const file of files(dist)) {
  if (!TEXT.has(extname(file)) || statSync(file).size < 512) continue;
  const body = readFileSync(file);
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  const gz = gzipSync(body, { level: 9 });
  if (br.length < body.length) writeFileSync(`${file}.br`, br);
  if (gz.length < body.length) writeFileSync(`${file}.gz`, gz);
  if (extname(file) !== ".map") {
    raw += body.length;
    brotli += Math.min(br.length, body.length);
  }
}
console.log(`precompressed dist/: ${(raw / 1024).toFixed(0)} KiB → ${(brotli / 1024).toFixed(0)} KiB brotli (without source maps)`);
