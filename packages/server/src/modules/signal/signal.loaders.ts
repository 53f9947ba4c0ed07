import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { Alert, Neighbourhood, Signal, SignalTextOverride, SignalUpdate } from "../../generated/prisma/client.js";
import { byId, groupBy } from "../../core/loader-utils.js";
import { alertRepository, signalRepository } from "./signal.repository.js";

export function createSignalLoaders(db: Db) {
  return {
    signal: new DataLoader<string, Signal | null>(async (ids) => byId(ids, await signalRepository.findSignalsByIds(db, ids))),
    neighbourhood: new DataLoader<string, Neighbourhood | null>(async (ids) =>
      byId(ids, await signalRepository.findNeighbourhoodsByIds(db, ids)),
    ),
    signalTimeline: new DataLoader<string, SignalUpdate[]>(async (ids) =>
      groupBy(ids, await signalRepository.findUpdatesBySignalIds(db, ids), (u) => u.signalId),
    ),
    signalTextOverrides: new DataLoader<string, SignalTextOverride[]>(async (ids) =>
      groupBy(ids, await signalRepository.findTextOverridesBySignalIds(db, ids), (o) => o.signalId),
    ),
    alertsOfSignal: new DataLoader<string, Alert[]>(async (ids) =>
      groupBy(ids, await alertRepository.findAlertsBySignalIds(db, ids), (a) => a.signalId),
    ),
  };
}
