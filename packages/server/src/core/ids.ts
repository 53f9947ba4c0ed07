import { badInput } from "./errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is shaped like one of our ids (a UUID). */
export function isId(value: string): boolean {
  return UUID.test(value);
}

/** Every id is a UUID: anything else is the caller's mistake, not a database error. */
export function requireId(value: string, field: string): string {
  if (!UUID.test(value)) throw badInput(field, "Not a valid id.");
  return value.toLowerCase();
}

export function requireIds(values: readonly string[], field: string, max = 100): string[] {
  if (values.length > max) throw badInput(field, `At most ${max} ids.`);
  return [...new Set(values.map((v) => requireId(v, field)))];
}
