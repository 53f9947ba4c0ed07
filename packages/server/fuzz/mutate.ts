/**
 * Seeded generators of hostile GraphQL traffic: documents derived from real operations
 * and then broken (truncated, nested, aliased thousands of times, stuffed with huge or
 * invalid strings), request bodies of the wrong JSON shape, and malformed graphql-ws
 * frames. Same seed, same traffic: a failure can be replayed.
 */

export { prng } from "../src/core/prng.js";

export type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, max: number) => Math.floor(rng() * max);

/** Real operations of the API: the starting points for mutation. */
export const CORPUS: ReadonlyArray<{ query: string; variables?: Record<string, unknown> }> = [
  { query: "{ districts { id name municipality { name } } }" },
  { query: "{ viewer { id role districts { name } } }" },
  {
    query:
      "query($first: Int, $after: String) { contacts(first: $first, after: $after) { totalCount edges { cursor node { id fullName roles { title } } } } }",
    variables: { first: 5 },
  },
  {
    query: "query($f: ContactFilter) { contacts(filter: $f) { edges { node { id stale memberships { network { name } } } } } }",
    variables: { f: { text: "a", stale: true } },
  },
  {
    query: "query($id: ID!) { contact(id: $id) { id email consents { purpose } } }",
    variables: { id: "0195f0c0-0000-7000-8000-000000000001" },
  },
  { query: "{ networks { id name kind memberCount members { role contact { fullName } } } }" },
  {
    query: "query($d: ID!) { networkHealth(districtId: $d) { allies { value suppressed } turnout } }",
    variables: { d: "0195f0c0-0000-7000-8000-000000000001" },
  },
  {
    query: "mutation($input: CreateContactInput!) { createContact(input: $input) { id } }",
    variables: { input: { fullName: "Fuzz", email: "fuzz@example.org" } },
  },
  {
    query: "mutation($input: ImportContactsInput!) { importContacts(input: $input) { rowCount errors { line } } }",
    variables: { input: { csv: "naam,email\nA,a@example.org", dryRun: true } },
  },
  {
    query: "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
    variables: { e: "nobody@example.org", p: "x" },
  },
  {
    query: "query($filter: AuditFilter) { auditLog(filter: $filter) { entries { id action } } }",
    variables: { filter: { action: "READ" } },
  },
];

const HUGE = (rng: Rng) => "x".repeat(1 + int(rng, 200_000));
// biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection payload, not a template
const WEIRD_STRINGS = [
  "\u0000",
  "\uD800",
  "\uDFFF",
  "\uFFFF",
  "💥".repeat(50),
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "${jndi:ldap://x}",
  "\\",
  '"',
  "%00",
  "../../etc/passwd",
];
const WRONG_VALUES: unknown[] = [null, 0, -1, 1e308, -0, true, [], {}, [[[]]], "", "NaN", { $ne: null }, Array(50).fill("x"), 2 ** 53 + 1];

function truncate(rng: Rng, s: string) {
  return s.slice(0, int(rng, s.length));
}

function nest(rng: Rng, depth: number) {
  let q = "id";
  for (let i = 0; i < depth; i++) q = `memberships { network { members { contact { ${q} } } } }`;
  return `{ myContact { ${q} } }`.slice(0, rng() < 0.2 ? undefined : 1_000_000);
}

function aliases(rng: Rng, n: number) {
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${pick(rng, ["districts { id }", "viewer { id }", "__typename"])}`).join(" ")} }`;
}

function mutateVariables(rng: Rng, vars: Record<string, unknown> | undefined): unknown {
  const r = rng();
  if (r < 0.15) return pick(rng, WRONG_VALUES);
  const out: Record<string, unknown> = { ...(vars ?? {}) };
  const keys = Object.keys(out);
  const key = keys.length && rng() < 0.8 ? pick(rng, keys) : `extra${int(rng, 5)}`;
  out[key] = rng() < 0.5 ? pick(rng, WRONG_VALUES) : rng() < 0.5 ? pick(rng, WEIRD_STRINGS) : HUGE(rng);
  return out;
}

/** One hostile HTTP body (a string, possibly not JSON, possibly not UTF-8) and its content type. */
export function hostileHttpBody(rng: Rng): { body: string | Buffer; contentType: string } {
  const base = pick(rng, CORPUS);
  const r = rng();
  const json = (query: unknown, variables: unknown = base.variables) => JSON.stringify({ query, variables });
  if (r < 0.12) return { body: json(truncate(rng, base.query)), contentType: "application/json" };
  if (r < 0.2) return { body: json(nest(rng, 2 + int(rng, 60))), contentType: "application/json" };
  if (r < 0.28) return { body: json(aliases(rng, 1 + int(rng, 3000))), contentType: "application/json" };
  if (r < 0.4) return { body: json(base.query, mutateVariables(rng, base.variables)), contentType: "application/json" };
  if (r < 0.48) return { body: json(pick(rng, WRONG_VALUES)), contentType: "application/json" };
  if (r < 0.55) return { body: JSON.stringify(pick(rng, WRONG_VALUES)), contentType: "application/json" };
  if (r < 0.62) return { body: truncate(rng, json(base.query)), contentType: "application/json" };
  if (r < 0.7) {
    // Invalid UTF-8 inside the JSON string.
    const raw = Buffer.from(json(`{ districts { id } } # XX`));
    const at = raw.indexOf("XX");
    raw[at] = 0xc3;
    raw[at + 1] = 0x28;
    return { body: raw, contentType: "application/json" };
  }
  if (r < 0.76) return { body: json(base.query.replace(/\w+/, pick(rng, WEIRD_STRINGS))), contentType: "application/json" };
  if (r < 0.82) return { body: json(`${base.query} ${base.query}`), contentType: "application/json" };
  if (r < 0.86)
    return {
      body: json(base.query),
      contentType: pick(rng, ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""]),
    };
  if (r < 0.9) return { body: json(`query { ${"districts { id } ".repeat(1 + int(rng, 5000))}}`), contentType: "application/json" };
  if (r < 0.95)
    return {
      body: JSON.stringify({
        query: base.query,
        variables: base.variables,
        operationName: pick(rng, WRONG_VALUES),
        extensions: pick(rng, WRONG_VALUES),
      }),
      contentType: "application/json",
    };
  return {
    body: json(`{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }`),
    contentType: "application/json",
  };
}

/** One hostile graphql-ws frame (after a proper connection_init), or a raw frame. */
export function hostileWsFrame(rng: Rng, seq: number): string | Buffer {
  const base = pick(rng, CORPUS);
  const id = `f${seq}`;
  const r = rng();
  const subscribe = (payload: unknown) => JSON.stringify({ id, type: "subscribe", payload });
  if (r < 0.15) return subscribe({ query: truncate(rng, base.query), variables: base.variables });
  if (r < 0.25) return subscribe({ query: nest(rng, 2 + int(rng, 40)) });
  if (r < 0.33) return subscribe({ query: aliases(rng, 1 + int(rng, 1500)) });
  if (r < 0.45) return subscribe({ query: base.query, variables: mutateVariables(rng, base.variables) });
  if (r < 0.52) return subscribe(pick(rng, WRONG_VALUES));
  if (r < 0.58) return JSON.stringify({ id: pick(rng, WRONG_VALUES), type: "subscribe", payload: { query: base.query } });
  if (r < 0.64)
    return JSON.stringify({
      type: pick(rng, ["next", "error", "complete", "connection_ack", "nonsense", "ping", "pong"]),
      id,
      payload: pick(rng, WRONG_VALUES),
    });
  if (r < 0.7) return truncate(rng, subscribe({ query: base.query }));
  if (r < 0.75) return Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]);
  if (r < 0.8) return JSON.stringify({ type: "connection_init", payload: {} });
  if (r < 0.85) return JSON.stringify(pick(rng, WRONG_VALUES));
  return subscribe({ query: base.query, variables: base.variables });
}
