import { readFileSync } from "node:fs";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import type { Resolvers } from "../generated/graphql.js";
import type { Context } from "../kernel/context.js";
import { feedFactoryOf } from "../kernel/live.js";
import type { FeatureModule } from "../kernel/module.js";
import { modules as allModules } from "../modules/index.js";
import { enforceArgumentHygiene } from "./argument-hygiene.js";
import { serveLive } from "./live.js";
import { DateTime } from "./scalars.js";

/** The root types and scalars every feature extends. */
const BASE_SDL = readFileSync(new URL("./base.graphql", import.meta.url), "utf8");

/** The base SDL followed by every feature's, in list order. */
export function typeDefsOf(modules: readonly FeatureModule[] = allModules): string[] {
  return [BASE_SDL, ...modules.flatMap((m) => m.typeDefs)];
}

export function buildSchema(modules: readonly FeatureModule[] = allModules): GraphQLSchema {
  const resolvers: Resolvers[] = [{ DateTime }, ...modules.flatMap((m) => (m.resolvers ? [m.resolvers] : []))];
  const schema = makeExecutableSchema({ typeDefs: typeDefsOf(modules), resolvers });
  serveLiveFields(schema);
  enforceArgumentHygiene(schema);
  return schema;
}

/** Every subscription field a module declared with `liveField` is served by the outbox fan-out. */
function serveLiveFields(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const feedOf = feedFactoryOf(field.subscribe);
    if (!feedOf) continue;
    field.subscribe = async (_root, args: Record<string, unknown>, ctx: Context, info) => serveLive(ctx, info, await feedOf(args, ctx));
  }
}
