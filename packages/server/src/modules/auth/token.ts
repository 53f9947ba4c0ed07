import { createHash, randomBytes } from "node:crypto";

const PREFIX = "wkn_";

/**
 * Opaque bearer tokens: 256 random bits. Only the SHA-256 is stored, so a leaked
 * database does not leak usable tokens. (A slow hash is not needed: the input is
 * random, not a password.) The prefix lets secret scanners recognise a leaked token.
 */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Extracts the token from an `Authorization: Bearer …` value; null when absent or malformed. */
export function parseBearer(header: unknown): string | null {
  if (typeof header !== "string") return null;
  const match = /^Bearer\s+(\S{1,200})$/i.exec(header.trim());
  const token = match?.[1];
  return token?.startsWith(PREFIX) ? token : null;
}
