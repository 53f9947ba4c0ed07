import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { localizeMessage } from "../../core/error-messages/index.js";
import { AppError } from "../../core/errors.js";
import { requestLanguage, type Language } from "../../core/language.js";
import type { AuthService } from "../auth/auth.service.js";
import type { ContactTransferService } from "./contact-transfer.service.js";

export const UPLOAD_PATH = "/import/contacts";

/** Content types a browser may send cross-site without a preflight (Apollo's CSRF rule). */
const SIMPLE_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"];

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

/** An error as /graphql sends it, its message in `language` (the caller's; see core/language.ts). */
function fail(
  res: ServerResponse,
  language: Language,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  send(res, status, { errors: [{ message: localizeMessage(message, extra["field"], language), extensions: { ...extra, code } }] });
}

/**
 * `POST /import/contacts?filename=<name>`: the body is the file's bytes as they are on
 * disk (CSV in any encoding, or XLSX). Same rules as /graphql: `Authorization: Bearer`,
 * CSRF prevention (a non-simple content type such as application/octet-stream, or an
 * `apollo-require-preflight` header), and a size limit (413 with the limit above it,
 * refused from Content-Length before anything is read). Answers
 * `{ importId, rowCount }`; the rest goes through GraphQL (`contactImport`,
 * `runContactImport`).
 */
export function contactUploadRoute(deps: { auth: AuthService; contactTransfer: ContactTransferService }) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    if (pathname !== UPLOAD_PATH) return false;
    let language = requestLanguage(null, req.headers["accept-language"]);
    const maxBytes = deps.contactTransfer.maxUploadBytes;
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      fail(res, language, 405, "METHOD_NOT_ALLOWED", "Use POST with the file as the body.");
      return true;
    }
    const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    const preflighted = req.headers["apollo-require-preflight"] !== undefined || req.headers["x-apollo-operation-name"] !== undefined;
    if ((type === "" || SIMPLE_TYPES.includes(type)) && !preflighted) {
      fail(res, language, 400, "BAD_REQUEST", "This request has been blocked as a possible Cross-Site Request Forgery (CSRF).");
      return true;
    }
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      tooLarge(res, language, maxBytes);
      return true;
    }
    const header = req.headers.authorization;
    const token = typeof header === "string" ? (/^Bearer\s+(\S{1,200})$/i.exec(header.trim())?.[1] ?? null) : null;
    const viewer = await deps.auth.authenticate(token);
    if (!viewer) {
      fail(res, language, 401, "UNAUTHENTICATED", "You must be logged in.");
      return true;
    }
    language = requestLanguage(viewer.language, req.headers["accept-language"]);
    // Refused before the body is read (the service checks again).
    if (viewer.role !== "COORDINATOR" && viewer.role !== "ADMIN") {
      fail(res, language, 403, "FORBIDDEN", "You may not do this.");
      return true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge(res, language, maxBytes);
        return true;
      }
      chunks.push(chunk);
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    const filename = (url.searchParams.get("filename") ?? "import.csv").replace(/[^\p{L}\p{N} ._()-]/gu, "_");
    try {
      const result = await deps.contactTransfer.upload(viewer, filename, Buffer.concat(chunks, size), randomUUID());
      send(res, 201, result);
    } catch (err) {
      if (!(err instanceof AppError) || !STATUS[err.code]) throw err;
      fail(res, language, STATUS[err.code]!, err.code, err.message, err.extensions);
    }
    return true;
  };
}

function tooLarge(res: ServerResponse, language: Language, maxBytes: number): void {
  // Node discards the unread rest of the body after the answer; the connection is not reused.
  res.setHeader("connection", "close");
  fail(res, language, 413, "PAYLOAD_TOO_LARGE", `The file is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB; split it.`, {
    maxBytes,
  });
}
