import type { Db } from "../platform/db/prisma.js";
import type { JobDefinition } from "../platform/jobs/scheduler.js";
import type { LoaderRegistry, ServiceRegistry } from "./context.js";
import type { FeatureModule, HttpRoute, Kernel, Platform } from "./module.js";
import { platformPersonalData } from "./platform.personal-data.js";
import { PersonalDataRunner, type DeclaredDecision, type PersonalDataDecision, type RetentionStep } from "./privacy.js";

/**
 * Builds every feature's services in list order. A feature reads the services of the
 * features above it; reading one that is not built yet is a wiring mistake, so it
 * fails at boot with the names involved rather than later as `undefined`.
 */
export function composeServices(modules: readonly FeatureModule[], platform: Platform): ServiceRegistry {
  const built: Record<string, unknown> = {};
  const kernel: Kernel = {
    personalData: new PersonalDataRunner(collectPersonalData(modules), {
      forgetMail: (ids) => platform.mailer.forget(ids),
      endSessions: (ids) => {
        for (const id of ids) platform.revokeSession(id);
      },
    }),
    retentionSteps: (services) => collectRetentionSteps(modules, services, platform),
  };
  for (const m of modules) {
    if (!m.services) continue;
    const guarded = new Proxy(built, {
      get(target, key) {
        if (typeof key === "string" && !(key in target)) {
          throw new Error(`module "${m.name}" uses service "${key}", which no module listed before it provides`);
        }
        return target[key as string];
      },
    }) as unknown as ServiceRegistry;
    const provided = m.services(platform, guarded, kernel);
    for (const [key, value] of Object.entries(provided)) {
      if (key in built) throw new Error(`module "${m.name}" provides service "${key}" a second time`);
      built[key] = value;
    }
  }
  return built as unknown as ServiceRegistry;
}

/** Every feature's DataLoaders, fresh: call once per request (or per rendered event). */
export function composeLoaders(modules: readonly FeatureModule[], db: Db): LoaderRegistry {
  const loaders: Record<string, unknown> = {};
  for (const m of modules) Object.assign(loaders, m.loaders?.(db));
  return loaders as unknown as LoaderRegistry;
}

export function collectJobs(modules: readonly FeatureModule[], services: ServiceRegistry, platform: Platform): JobDefinition[] {
  return modules.flatMap((m) => m.jobs?.(services, platform) ?? []);
}

export function collectRoutes(modules: readonly FeatureModule[], services: ServiceRegistry): HttpRoute[] {
  return modules.flatMap((m) => m.routes?.(services) ?? []);
}

/** Every feature's personal-data decisions (and the platform's), each tagged with who made it. */
export function collectPersonalData(modules: readonly FeatureModule[]): DeclaredDecision[] {
  const tag =
    (owner: string) =>
    (d: PersonalDataDecision): DeclaredDecision => ({ ...d, owner });
  return [...modules.flatMap((m) => (m.personalData ?? []).map(tag(m.name))), ...platformPersonalData.map(tag("platform"))];
}

export function collectRetentionSteps(modules: readonly FeatureModule[], services: ServiceRegistry, platform: Platform): RetentionStep[] {
  return modules.flatMap((m) => m.retention?.(services, platform) ?? []);
}
