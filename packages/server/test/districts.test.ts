import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp } from "./support/app.js";
import { createMunicipality, createUser, TEST_PASSWORD } from "./support/factories.js";
import { graphql } from "./generated/index.js";
const DISTRICT = graphql(`query DistrictsOne($id: ID!) { district(id: $id) { name } }`);

let app: App;
let mine: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;

beforeAll(async () => {
  app = await startTestApp();
  mine = await createMunicipality(app.db.prisma, ["Zuid", "Binnenstad", "Oost"]);
  other = await createMunicipality(app.db.prisma, ["Centrum"]);
  await app.stop();
  // Anonymous callers see the deployment's default municipality.
  app = await startTestApp({ MUNICIPALITY_CODE: other.municipality.code });
});
afterAll(async () => {
  await app?.stop();
});

describe("districts", () => {
  it("lists the viewer's municipality's districts, sorted by name", async () => {
    const user = await createUser(app.db.prisma, mine.municipality.id, { role: "ALLY" });
    const { token } = (
      await gql(app, graphql(`mutation DistrictsLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`), {
        e: user.email,
        p: TEST_PASSWORD,
      })
    ).data!.login;
    const res = await gql(app, graphql(`query DistrictsList { districts { name code municipality { name } } }`), {}, token);
    expect(res.data!.districts.map((d: { name: string }) => d.name)).toEqual(["Binnenstad", "Oost", "Zuid"]);
    expect(res.data!.districts[0]!.municipality.name).toBe(mine.municipality.name);
  });

  it("anonymous callers see the default municipality only", async () => {
    const res = await gql(app, graphql(`query DistrictsNames { districts { name } }`));
    expect(res.data!.districts).toEqual([{ name: "Centrum" }]);
  });

  it("district(id) of another municipality is null", async () => {
    const res = await gql(app, DISTRICT, { id: mine.districts[0]!.id });
    expect(res.data).toEqual({ district: null });
    const own = await gql(app, DISTRICT, { id: other.districts[0]!.id });
    expect(own.data).toEqual({ district: { name: "Centrum" } });
  });
});
