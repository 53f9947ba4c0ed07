import { GraphQLError, type GraphQLFormattedError } from "graphql";

/** Every expected failure carries one of these in `extensions.code`. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "INTERNAL_SERVER_ERROR";

/**
 * An expected, typed failure. Messages are English and plain; the web client
 * translates by `code` (and `field` for input errors).
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.code = code;
  }
}

export const unauthenticated = (message = "You must be logged in.") => new AppError("UNAUTHENTICATED", message);
export const forbidden = (message = "You may not do this.") => new AppError("FORBIDDEN", message);
export const notFound = (entity: string) => new AppError("NOT_FOUND", `${entity} not found.`, { entity });
export const conflict = (message: string) => new AppError("CONFLICT", message);
/** `field` is the input path that failed, e.g. `input.email`. */
export const badInput = (field: string, message: string) =>
  new AppError("BAD_USER_INPUT", `${field}: ${message}`, { field });

const KNOWN_CODES = new Set<string>([
  "UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "NOT_FOUND", "CONFLICT", "RATE_LIMITED",
  // graphql-js and Apollo's own client-error codes: safe to show as they are.
  "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED", "OPERATION_RESOLUTION_FAILURE", "TRUSTED_DOCUMENT_REQUIRED",
]);

/**
 * Masks everything that is not an expected failure: an internal error's message may
 * hold SQL, personal data or a stack trace, so the client gets a generic message and
 * the log gets the details (with `errorId` to correlate).
 */
export function maskError(
  formatted: GraphQLFormattedError,
  onInternal: (formatted: GraphQLFormattedError) => string,
): GraphQLFormattedError {
  const code = formatted.extensions?.["code"];
  if (typeof code === "string" && KNOWN_CODES.has(code)) {
    // Drop stack traces that Apollo adds outside production.
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // A validation error from graphql-js has no code but no path either: it is the client's.
  if (code === undefined && !formatted.path) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
  }
  const errorId = onInternal(formatted);
  return {
    message: "Internal server error.",
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
  };
}
