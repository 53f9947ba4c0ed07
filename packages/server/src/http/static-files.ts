import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Precompressed variants, best first. */
const ENCODINGS: ReadonlyArray<readonly [string, string]> = [
  ["br", ".br"],
  ["gzip", ".gz"],
];

/** Whether an Accept-Encoding header allows `encoding` (present and not `;q=0`). */
export function accepts(header: string | string[] | undefined, encoding: string): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (name !== encoding && name !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Serves the built web app. Unknown paths without an extension get index.html
 * (client-side routes); paths can never escape the dist folder.
 */
export function createStaticHandler(root: string) {
  const rootWithSep = normalize(root + sep);
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    let file = normalize(join(root, decoded));
    if (!file.startsWith(rootWithSep) && file !== normalize(root)) return false;
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, "index.html");
      info = await stat(file).catch(() => null);
    }
    if (!info && extname(decoded) === "") {
      file = join(root, "index.html");
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return false;
    // Hashed names (assets/) never change: cached for a year. Everything else is revalidated.
    const immutable = file.includes(`${sep}assets${sep}`);
    const headers: Record<string, string | number> = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      vary: "accept-encoding",
    };
    // The build precompresses text assets (packages/web/scripts/compress.ts): send the
    // smallest one the client accepts, never compressing per request.
    let body = file;
    let size = info.size;
    for (const [encoding, suffix] of ENCODINGS) {
      if (!accepts(req.headers["accept-encoding"], encoding)) continue;
      const compressed = await stat(`${file}${suffix}`).catch(() => null);
      if (!compressed?.isFile()) continue;
      body = `${file}${suffix}`;
      size = compressed.size;
      headers["content-encoding"] = encoding;
      break;
    }
    headers["content-length"] = size;
    res.writeHead(200, headers);
    if (req.method === "HEAD") res.end();
    else createReadStream(body).pipe(res);
    return true;
  };
}
