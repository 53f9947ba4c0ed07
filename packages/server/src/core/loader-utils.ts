/**
 * What a service needs of a per-request DataLoader: load one row by key. Resolvers pass
 * `ctx.loaders` as is (a DataLoader is one); services stay free of the transport and
 * can be given a plain object in a job or a test.
 */
export interface Lookup<T> {
  load(key: string): Promise<T>;
}

/** Orders rows to match DataLoader keys; missing keys map to null. */
export function byId<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): Array<T | null> {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Groups rows per DataLoader key, keeping the rows' order; keys with no rows get []. */
export function groupBy<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
