import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { Network, NetworkMembership } from "../../generated/prisma/client.js";
import { byId, groupBy } from "../../core/loader-utils.js";
import { networkRepository as repo } from "./network.repository.js";

export function createNetworkLoaders(db: Db) {
  return {
    network: new DataLoader<string, Network | null>(async (ids) => byId(ids, await repo.findNetworksByIds(db, ids))),
    membership: new DataLoader<string, NetworkMembership | null>(async (ids) => byId(ids, await repo.findMembershipsByIds(db, ids))),
    networkMemberCount: new DataLoader<string, number>(async (ids) => {
      const counts = await repo.countCurrentMembers(db, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    membershipsOfNetwork: new DataLoader<string, NetworkMembership[]>(async (ids) =>
      groupBy(ids, await repo.findMembershipsOfNetworks(db, ids), (m) => m.networkId),
    ),
    membershipsOfContact: new DataLoader<string, NetworkMembership[]>(async (ids) =>
      groupBy(ids, await repo.findMembershipsOfContacts(db, ids), (m) => m.contactId),
    ),
  };
}
