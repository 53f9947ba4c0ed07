/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { Network, NetworkMembership } from "../../generated/prisma/client.js";
import type { NetworkHealth } from "./network.service.js";

export type NetworkMapper = Network;
export type NetworkMembershipMapper = NetworkMembership;
export type NetworkHealthMapper = NetworkHealth;
