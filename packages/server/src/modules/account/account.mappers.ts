/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
export type DistrictAssignmentMapper = { districtId: string; isBackup: boolean };

export type AccountSessionMapper = { id: string; createdAt: Date; expiresAt: Date; current: boolean };
