/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { AuditEntry } from "../../generated/prisma/client.js";

export type AuditEntryMapper = AuditEntry;
