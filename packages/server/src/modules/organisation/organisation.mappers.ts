/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { Organisation } from "../../generated/prisma/client.js";

export type OrganisationMapper = Organisation;
