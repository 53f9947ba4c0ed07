import { readFileSync } from "node:fs";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import type { Resolvers } from "../generated/graphql.js";
import type { FeatureModule } from "../kernel/module.js";
import { modules as allModules } from "../modules/index.js";
import { DateTime } from "./scalars.js";

/** The root types and scalars every feature extends. */
const BASE_SDL = readFileSync(new URL("./base.graphql", import.meta.url), "utf8");

/** The base SDL followed by every feature's, in list order. */
export function typeDefsOf(modules: readonly FeatureModule[] = allModules): string[] {
  return [BASE_SDL, ...modules.flatMap((m) => m.typeDefs)];
}

export function buildSchema(modules: readonly FeatureModule[] = allModules): GraphQLSchema {
  const resolvers: Resolvers[] = [{ DateTime }, ...modules.flatMap((m) => (m.resolvers ? [m.resolvers] : []))];
  return makeExecutableSchema({ typeDefs: typeDefsOf(modules), resolvers });
}
