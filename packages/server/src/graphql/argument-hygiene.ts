import {
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  defaultFieldResolver,
  GraphQLID,
  GraphQLString,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { badInput } from "../core/errors.js";
import { isId } from "../core/ids.js";
import { hasControlCharacters } from "../core/text.js";

/**
 * Junk is the caller's mistake, answered before any resolver runs: every `ID` argument (and
 * every `ID` field of an input object, at any depth) is one of our UUIDs, and no `String`
 * holds a control character. Both are checked on the coerced arguments, so literals and
 * variables are covered alike, over HTTP and WebSocket. Without this a malformed id or a
 * NUL byte reaches PostgreSQL, fails there and is logged as an internal error — a way for
 * anyone to flood the error log.
 */
export function enforceArgumentHygiene(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const checks = field.args.filter((a) => needsCheck(a.type, new Set()));
      if (checks.length === 0) continue;
      const check = (args: Record<string, unknown>) => {
        for (const arg of checks) checkValue(arg.type, args[arg.name], arg.name);
      };
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        check(args);
        return resolve(source, args, ctx, info);
      };
      const subscribe = field.subscribe;
      if (subscribe) {
        field.subscribe = (source, args, ctx, info) => {
          check(args);
          return subscribe(source, args, ctx, info);
        };
      }
    }
  }
}

/** Whether an argument of this type can hold an ID or a String somewhere. */
function needsCheck(type: GraphQLInputType | GraphQLArgument["type"], seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (named === GraphQLID || named === GraphQLString) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => needsCheck(f.type, seen));
}

function checkValue(type: GraphQLInputType, value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) {
    checkValue(type.ofType, value, path);
    return;
  }
  if (isListType(type)) {
    if (Array.isArray(value)) for (const v of value) checkValue(type.ofType, v, path); // named like the services name a list field
    return;
  }
  if (type === GraphQLID) {
    if (typeof value !== "string" || !isId(value)) throw badInput(path, "Not a valid id.");
    return;
  }
  if (type === GraphQLString) {
    if (typeof value === "string" && hasControlCharacters(value)) throw badInput(path, "Contains a control character that is not allowed.");
    return;
  }
  if (isInputObjectType(type) && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const f of Object.values(type.getFields())) checkValue(f.type, record[f.name], `${path}.${f.name}`);
  }
}
