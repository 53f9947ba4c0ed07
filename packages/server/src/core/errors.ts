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
 *
 * It knows nothing of GraphQL, so services run the same from a resolver, a job or a
 * CLI. It still carries `extensions`: graphql-js copies an original error's
 * `extensions` onto the GraphQLError it wraps a resolver's throw in, so the code
 * reaches the client without any translation layer.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly extensions: Readonly<Record<string, unknown>>;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.extensions = { ...extensions, code };
  }
}

export const unauthenticated = (message = "You must be logged in.") => new AppError("UNAUTHENTICATED", message);
export const forbidden = (message = "You may not do this.") => new AppError("FORBIDDEN", message);
export const notFound = (entity: string) => new AppError("NOT_FOUND", `${entity} not found.`, { entity });
export const conflict = (message: string) => new AppError("CONFLICT", message);
/** `field` is the input path that failed, e.g. `input.email`. */
export const badInput = (field: string, message: string) => new AppError("BAD_USER_INPUT", `${field}: ${message}`, { field });
