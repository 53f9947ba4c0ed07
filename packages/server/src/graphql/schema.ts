import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import type { Resolvers } from "../generated/graphql.js";
import { auditResolvers } from "../modules/audit/audit.resolvers.js";
import { authResolvers } from "../modules/auth/auth.resolvers.js";
import { contactResolvers } from "../modules/contact/contact.resolvers.js";
import { districtResolvers } from "../modules/district/district.resolvers.js";
import { networkResolvers } from "../modules/network/network.resolvers.js";
import { organisationResolvers } from "../modules/organisation/organisation.resolvers.js";
import { sessionResolvers } from "../modules/session/session.resolvers.js";
import { signalResolvers } from "../modules/signal/signal.resolvers.js";
import { DateTime } from "./scalars.js";

const MODULES_DIR = join(dirname(fileURLToPath(import.meta.url)), "../modules");

/** Every `*.graphql` file under src/modules, in a stable order. */
export function loadTypeDefs(dir = MODULES_DIR): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".graphql")) files.push(path);
    }
  };
  walk(dir);
  return files.map((f) => readFileSync(f, "utf8"));
}

const resolvers: Resolvers[] = [
  { DateTime },
  authResolvers,
  auditResolvers,
  districtResolvers,
  organisationResolvers,
  contactResolvers,
  networkResolvers,
  sessionResolvers,
  signalResolvers,
];

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}
