import { badInput } from "../graphql/errors.js";

/**
 * Opaque keyset cursors: base64url of a small JSON array. They carry the sort value
 * and the id of the last row, so pages stay stable while rows are added.
 */
export function encodeCursor(parts: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

export function decodeCursor(cursor: string, field = "after"): Array<string | number | null> {
  try {
    if (cursor.length > 512) throw new Error("too long");
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || !parsed.every((p) => p === null || typeof p === "string" || typeof p === "number")) {
      throw new Error("shape");
    }
    return parsed as Array<string | number | null>;
  } catch {
    throw badInput(field, "This cursor is not valid; start again without it.");
  }
}

/** A page size between 1 and max; BAD_USER_INPUT otherwise. */
export function pageSize(first: number | null | undefined, max: number, fallback = 25, field = "first"): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput(field, `Must be between 1 and ${max}.`);
  return n;
}
