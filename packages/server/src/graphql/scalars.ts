import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: unknown): Date {
  if (typeof value !== "string" || !ISO_INSTANT.test(value)) {
    throw new GraphQLError("DateTime must be an ISO 8601 string with a time zone, e.g. 2026-11-28T17:00:00Z.", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError(`Invalid DateTime: ${value.slice(0, 40)}`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  return date;
}

export const DateTime = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  // graphql-tools replaces the SDL's description with the scalar object's: keep them equal.
  description: "An instant in time, ISO 8601 with offset (e.g. 2026-11-28T17:42:57.000Z).",
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    throw new Error("DateTime resolver returned a non-Date value");
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError("DateTime must be a string.", { extensions: { code: "BAD_USER_INPUT" } });
    }
    return parseInstant(ast.value);
  },
});
