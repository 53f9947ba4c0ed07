/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { PartnerOrganisation } from "../../generated/prisma/client.js";

export type PartnerOrganisationMapper = PartnerOrganisation;
