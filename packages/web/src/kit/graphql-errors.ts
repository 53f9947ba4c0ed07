import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";

/** The `extensions.code` values the wijknet server uses. */
export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "BAD_USER_INPUT" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED";

function codesIn(errors: ReadonlyArray<{ extensions?: Record<string, unknown> | undefined }>): string[] {
  return errors.flatMap((error) => (typeof error.extensions?.code === "string" ? [error.extensions.code] : []));
}

/**
 * All `extensions.code` values in an Apollo Client 4 error.
 *
 * GraphQL errors normally arrive as CombinedGraphQLErrors. But when the server
 * answers with a non-2xx status and plain `application/json`, Apollo raises a
 * ServerError instead and the GraphQL errors are only in its body text, so we
 * look there too (and map 401/429 for bodies without codes).
 */
export function errorCodes(error: unknown): string[] {
  if (CombinedGraphQLErrors.is(error)) return codesIn(error.errors);
  if (ServerError.is(error)) {
    const codes: string[] = [];
    try {
      const body: unknown = JSON.parse(error.bodyText);
      if (typeof body === "object" && body !== null && "errors" in body && Array.isArray(body.errors)) {
        codes.push(...codesIn(body.errors as Array<{ extensions?: Record<string, unknown> }>));
      }
    } catch {
      // Not JSON (e.g. a proxy error page).
    }
    if (error.statusCode === 401) codes.push("UNAUTHENTICATED");
    if (error.statusCode === 429) codes.push("RATE_LIMITED");
    return codes;
  }
  return [];
}

/**
 * The input fields the server rejected: BAD_USER_INPUT errors name them in
 * `extensions.field` (e.g. "email", "input.email"); the last path segment is returned.
 */
export function badInputFields(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((item) => {
    const field = item.extensions?.field;
    if (item.extensions?.code !== "BAD_USER_INPUT" || typeof field !== "string") return [];
    return [field.split(".").pop() ?? field];
  });
}

/**
 * The whole paths of the rejected inputs, without the leading "input." (e.g.
 * "roles.0.title", "consents.1.guardianName"), for forms with repeated rows.
 */
export function badInputPaths(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((item) => {
    const field = item.extensions?.field;
    if (item.extensions?.code !== "BAD_USER_INPUT" || typeof field !== "string") return [];
    return [field.replace(/^input\./, "")];
  });
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return errorCodes(error).includes(code);
}

/**
 * True when the request never got a GraphQL answer: offline, DNS, refused
 * connection, CORS, or a 5xx page from a proxy.
 */
export function isNetworkError(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false;
  if (ServerError.is(error)) return error.statusCode >= 500 && errorCodes(error).length === 0;
  return error instanceof TypeError;
}

/** The `extensions.reason` values of the errors (e.g. "TOKEN_EXPIRED", "PASSWORD_COMMON", "LAST_ADMIN"). */
export function errorReasons(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((item) => (typeof item.extensions?.reason === "string" ? [item.extensions.reason] : []));
}
