import { badInput } from "./errors.js";

/**
 * Opaque cursors, one codec: base64url of `<tag>:<payload>`. The tag says what kind of
 * position it is (and its version), so a cursor of one list is refused by another
 * instead of being misread. Anything that is not one of ours is BAD_USER_INPUT.
 */
const MAX_LENGTH = 512;

function pack(tag: string, payload: string): string {
  return Buffer.from(`${tag}:${payload}`).toString("base64url");
}

function unpack(tag: string, cursor: string, field: string): string {
  if (cursor.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid(field);
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  if (!raw.startsWith(`${tag}:`)) throw invalid(field);
  return raw.slice(tag.length + 1);
}

const invalid = (field: string) => badInput(field, "This cursor is not valid; start again without it.");

type KeysetPart = string | number | null;

/**
 * Keyset pagination: the sort value(s) and id of the last row, so pages stay stable
 * while rows are added.
 */
export const keysetCursor = {
  encode(parts: readonly KeysetPart[]): string {
    return pack("k1", JSON.stringify(parts));
  },
  decode(cursor: string, field = "after"): KeysetPart[] {
    const payload = unpack("k1", cursor, field);
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      throw invalid(field);
    }
    if (!Array.isArray(parsed) || !parsed.every((p) => p === null || typeof p === "string" || typeof p === "number")) {
      throw invalid(field);
    }
    return parsed as KeysetPart[];
  },
};

/** A position in the event outbox (a live feed's resume point). */
export const eventCursor = {
  encode(seq: bigint): string {
    return pack("e1", seq.toString(10));
  },
  decode(cursor: string, field = "after"): bigint {
    const payload = unpack("e1", cursor, field);
    if (!/^(0|[1-9][0-9]{0,18})$/.test(payload)) throw invalid(field);
    return BigInt(payload);
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The last id of a page, for lists ordered by a time-sortable id (UUIDv7). */
export const idCursor = {
  encode(id: string): string {
    return pack("s1", id);
  },
  decode(cursor: string, field = "after"): string {
    const payload = unpack("s1", cursor, field);
    if (!UUID.test(payload)) throw invalid(field);
    return payload;
  },
};

/** A page size between 1 and max; BAD_USER_INPUT otherwise. */
export function pageSize(first: number | null | undefined, max: number, fallback = 25, field = "first"): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput(field, `Must be between 1 and ${max}.`);
  return n;
}
