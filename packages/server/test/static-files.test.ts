/**
 * The built web app as a browser gets it: precompressed variants by Accept-Encoding, a year of
 * caching for hashed assets and revalidation for the rest, client routes answered with
 * index.html, security headers (HSTS when PUBLIC_URL is https), nothing outside the folder.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { accepts } from "../src/http/static-files.js";
import { newTestDataDir, startTestApp } from "./support/app.js";

const JS = `console.log(${JSON.stringify("wijknet ".repeat(500))});`;
let app: App;

beforeAll(async () => {
  const dist = join(newTestDataDir(), "dist");
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>wijknet</title>");
  writeFileSync(join(dist, "assets", "index-abc123.js"), JS);
  writeFileSync(join(dist, "assets", "index-abc123.js.br"), brotliCompressSync(JS));
  writeFileSync(join(dist, "assets", "index-abc123.js.gz"), gzipSync(JS));
  app = await startTestApp({ WEB_DIST: dist, PUBLIC_URL: "https://wijknet.utrecht.example" });
});
afterAll(async () => {
  await app?.stop();
});

/** A raw GET (fetch would decompress and hide the encoding). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${app.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("static files", () => {
  it("send the precompressed variant the client accepts, with the right length", async () => {
    const br = await get("/assets/index-abc123.js", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(JS);
    expect(br.headers["vary"]).toBe("accept-encoding");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    const gz = await get("/assets/index-abc123.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(JS);

    const refused = await get("/assets/index-abc123.js", { "accept-encoding": "br;q=0, gzip;q=0" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.body.toString()).toBe(JS);
  });

  it("answer client routes with index.html (revalidated), and nothing outside the folder", async () => {
    const page = await get("/bijeenkomsten/123");
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain("<title>wijknet</title>");
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect((await get("/../../package.json")).status).toBe(404);
    expect((await get("/%2e%2e/%2e%2e/package.json")).status).toBe(404);
  });

  it("carry the security headers, HSTS because PUBLIC_URL is https", async () => {
    const res = await get("/");
    expect(res.headers).toMatchObject({
      "strict-transport-security": "max-age=31536000; includeSubDomains",
      "cross-origin-opener-policy": "same-origin",
      "x-content-type-options": "nosniff",
    });
    expect(res.headers["permissions-policy"]).toContain("geolocation=()");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
  });

  it("read Accept-Encoding as the standard says", () => {
    expect(accepts("gzip, br", "br")).toBe(true);
    expect(accepts("gzip;q=1.0, br;q=0", "br")).toBe(false);
    expect(accepts("*", "br")).toBe(true);
    expect(accepts(undefined, "gzip")).toBe(false);
    expect(accepts("identity", "gzip")).toBe(false);
  });
});
