import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Resolvers } from "../generated/graphql.js";
import type { Db } from "../platform/db/prisma.js";
import type { Platform } from "../platform/index.js";
import type { JobDefinition } from "../platform/jobs/scheduler.js";
import type { EventKind } from "../platform/realtime/event.js";
import type { LoaderRegistry, ServiceRegistry } from "./context.js";
import type { PersonalDataDecision, PersonalDataRunner, RetentionStep } from "./privacy.js";

export type { Platform };

/** A route outside GraphQL (e.g. a calendar download); returns true when it answered. */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>;

/**
 * One feature, as the app sees it. A feature lives in `modules/<name>/` and exports
 * one of these from its `index.ts`; `modules/index.ts` lists them in build order (a
 * feature's services may use the services of the features above it). The app, the
 * schema, the loaders, the scheduler and the HTTP router only ever iterate this list.
 */
export interface FeatureModule {
  name: string;
  /** The feature's SDL (`extend type Query { … }`); see `sdlOf`. */
  typeDefs: readonly string[];
  resolvers?: Resolvers;
  /** Builds the feature's services; `services` holds those of the features listed earlier. */
  services?(platform: Platform, services: ServiceRegistry, kernel: Kernel): Partial<ServiceRegistry>;
  /** Per-request DataLoaders for the feature's relations. */
  loaders?(db: Db): Partial<LoaderRegistry>;
  /** Timed work, run by the one job scheduler. */
  jobs?(services: ServiceRegistry, platform: Platform): readonly JobDefinition[];
  routes?(services: ServiceRegistry): readonly HttpRoute[];
  /**
   * The outbox events this feature writes (see `defineEvent`). Their topics are the
   * feature's own: no other module may write or serve them (checked at boot).
   */
  events?: readonly EventKind[];
  /**
   * A decision for every model the feature owns that holds or links to a person
   * (`kernel/privacy.ts`); kept in `<feature>.personal-data.ts`. Erasure, the
   * subject-access export and contact merge run these, so they never name a feature.
   */
  personalData?: readonly PersonalDataDecision[];
  /** What the feature deletes or anonymises when its period is over; run by the retention sweep. */
  retention?(services: ServiceRegistry, platform: Platform): readonly RetentionStep[];
}

/** What the kernel hands every feature's `services` besides the platform and earlier services. */
export interface Kernel {
  /** Every feature's personal-data declarations, as one runner (erasure, export, merge). */
  personalData: PersonalDataRunner;
  /** Every feature's retention steps, in feature order; call once the features they use are built. */
  retentionSteps(services: ServiceRegistry): RetentionStep[];
}

/** Every `*.graphql` file next to a feature's `index.ts`, in name order. */
export function sdlOf(moduleUrl: string): string[] {
  const dir = dirname(fileURLToPath(moduleUrl));
  return readdirSync(dir)
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((name) => readFileSync(join(dir, name), "utf8"));
}
