/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { User } from "../../generated/prisma/client.js";

export type UserMapper = User;
