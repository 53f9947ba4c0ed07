import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { AppError } from "../core/errors.js";

const KNOWN_CODES = new Set<string>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  // graphql-js and Apollo's own client-error codes: safe to show as they are.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "TRUSTED_DOCUMENT_REQUIRED",
]);

/**
 * An AppError thrown outside execution (context creation, graphql-ws hooks) is not
 * wrapped by graphql-js: the transport turns it into a GraphQLError itself.
 */
export function toGraphQLError(err: unknown): unknown {
  if (err instanceof AppError) return new GraphQLError(err.message, { originalError: err, extensions: { ...err.extensions } });
  return err;
}

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
