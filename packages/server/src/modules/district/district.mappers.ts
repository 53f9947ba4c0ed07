/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { District, Municipality } from "../../generated/prisma/client.js";

export type MunicipalityMapper = Municipality;
export type DistrictMapper = District;
