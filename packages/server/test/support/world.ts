import type { App } from "../../src/app.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { gql } from "./app.js";
import { createMunicipality, createUser, TEST_PASSWORD } from "./factories.js";
import { graphql } from "../generated/index.js";

/** How every test account logs in (production.test.ts trusts exactly this document). */
export const LOGIN = graphql(
  `mutation WorldLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
);

export async function login(app: App, email: string): Promise<string> {
  const res = await gql(app, LOGIN, { email, password: TEST_PASSWORD });
  if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token as string;
}

export type WorldRole = "coordinator" | "admin" | "liaison" | "otherLiaison" | "ally" | "anonymous";

/**
 * A fresh municipality with three districts and one user of every kind, logged in:
 * a coordinator, an admin, a police liaison of district 0, one of district 1, and an
 * ally of district 0 whose account is linked to their own contact record.
 */
export async function createWorld(app: App) {
  const prisma = app.db.prisma;
  const { municipality, districts } = await createMunicipality(prisma, ["Noord", "Zuid", "Oost"]);
  const allyContact = await prisma.contact.create({
    data: {
      municipalityId: municipality.id,
      fullName: "Ally Eigen",
      email: "ally.eigen@example.org",
      districts: { create: [{ districtId: districts[0]!.id }] },
    },
  });
  const make = (role: Role, districtIds: string[] = []) => createUser(prisma, municipality.id, { role, districtIds });
  const users = {
    coordinator: await make("COORDINATOR"),
    admin: await make("ADMIN"),
    liaison: await make("POLICE_LIAISON", [districts[0]!.id]),
    otherLiaison: await make("POLICE_LIAISON", [districts[1]!.id]),
    ally: await make("ALLY", [districts[0]!.id]),
  };
  await prisma.user.update({ where: { id: users.ally.id }, data: { contactId: allyContact.id } });
  const tokens: Record<WorldRole, string | undefined> = {
    coordinator: await login(app, users.coordinator.email),
    admin: await login(app, users.admin.email),
    liaison: await login(app, users.liaison.email),
    otherLiaison: await login(app, users.otherLiaison.email),
    ally: await login(app, users.ally.email),
    anonymous: undefined,
  };
  return { municipality, districts, users, tokens, allyContact };
}
export type World = Awaited<ReturnType<typeof createWorld>>;
