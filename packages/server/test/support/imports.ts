import type { App } from "../../src/app.js";

/** Uploads a file's bytes to POST /import/contacts as the web app does. */
export async function uploadImport(
  app: Pick<App, "url">,
  token: string | undefined,
  bytes: Uint8Array | string,
  filename = "contacten.csv",
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.url}/import/contacts?filename=${encodeURIComponent(filename)}`, {
    method: "POST",
    headers: {
      "content-type": "application/octet-stream",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
