import { badInput } from "./errors.js";

/** What a client may send as an idempotency key: a UUID or any 8–100 letters, digits, `-`, `_`. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** The key, or null when none was sent; BAD_USER_INPUT (on `field`) when it is malformed. */
export function cleanIdempotencyKey(value: string | null | undefined, field: string): string | null {
  if (value == null) return null;
  if (!IDEMPOTENCY_KEY.test(value)) throw badInput(field, "8 to 100 letters, digits, - or _.");
  return value;
}
