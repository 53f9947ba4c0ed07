import type { Role } from "../../generated/gql/graphql";

/** Message key for a role's human name; a new Role fails the typecheck here. */
export function roleMessageKey(role: Role): `role.${Role}` {
  switch (role) {
    case "ADMIN":
      return "role.ADMIN";
    case "ALLY":
      return "role.ALLY";
    case "COORDINATOR":
      return "role.COORDINATOR";
    case "POLICE_LIAISON":
      return "role.POLICE_LIAISON";
    case "COMPLAINTS_HANDLER":
      return "role.COMPLAINTS_HANDLER";
  }
}
