import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp, wsConnect, wsQuery } from "./support/app.js";
import { createMunicipality, createUser, TEST_PASSWORD } from "./support/factories.js";
import { graphql } from "./generated/index.js";

const LOGIN = graphql(`mutation WebsocketLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`);
const LOGOUT = graphql(`mutation WebsocketLogout { logout }`);
const VIEWER_ID = graphql(`query WebsocketViewerId { viewer { id } }`);
let app: App;
let municipalityId: string;
beforeAll(async () => {
  app = await startTestApp();
  municipalityId = (await createMunicipality(app.db.prisma)).municipality.id;
});
afterAll(async () => {
  await app?.stop();
});

async function login(appToUse: App = app) {
  const user = await createUser(appToUse.db.prisma, municipalityId, { role: "COORDINATOR" });
  const token = (await gql(appToUse, LOGIN, { e: user.email, p: TEST_PASSWORD })).data!.login.token as string;
  return { user, token };
}

describe("graphql-ws on /graphql", () => {
  it("closes a connection without a token with 4401", async () => {
    const { closed } = wsConnect(app);
    expect(await closed).toBe(4401);
  });

  it("closes a connection with a forged token with 4401", async () => {
    const { closed } = wsConnect(app, `wkn_${"B".repeat(43)}`);
    expect(await closed).toBe(4401);
  });

  it("knows the viewer from the connection params", async () => {
    const { user, token } = await login();
    const { client } = wsConnect(app, token);
    const result = await wsQuery(client, graphql(`query WebsocketViewer { viewer { id role } }`));
    expect(result.data).toEqual({ viewer: { id: user.id, role: "COORDINATOR" } });
    await client.dispose();
  });

  it("closes the socket with 4401 when its session is revoked by logout", async () => {
    const { token } = await login();
    const { client, closed } = wsConnect(app, token);
    await wsQuery(client, VIEWER_ID);
    await gql(app, LOGOUT, {}, token);
    expect(await closed).toBe(4401);
  });

  it("closes the socket with 4401 when the token expires", async () => {
    const { user, token } = await login();
    await app.db.prisma.authSession.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() + 1500) } });
    const { client, closed } = wsConnect(app, token);
    await wsQuery(client, VIEWER_ID);
    const started = Date.now();
    expect(await closed).toBe(4401);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses a message larger than the limit without crashing the server", async () => {
    const { token } = await login();
    const { client, closed } = wsConnect(app, token);
    await wsQuery(client, VIEWER_ID);
    void wsQuery(client, `{ viewer { id } } # ${"x".repeat(100 * 1024)}`).catch(() => undefined);
    expect(await closed).toBe(1009); // "message too big"
    expect((await gql(app, graphql(`query WebsocketDistricts { districts { id } }`))).status).toBe(200);
  });
});

describe("two instances", () => {
  it("start side by side on one PostgreSQL and one Redis; a logout on A closes the socket on B", async () => {
    const b = await startTestApp();
    try {
      expect(b.port).not.toBe(app.port);
      const { token } = await login();
      const { client, closed } = wsConnect(b, token);
      expect((await wsQuery(client, graphql(`query WebsocketViewerRole { viewer { role } }`))).data).toEqual({
        viewer: { role: "COORDINATOR" },
      });
      await gql(app, LOGOUT, {}, token);
      expect(await closed).toBe(4401);
      for (const instance of [app, b]) {
        const ready = await fetch(`${instance.url}/readyz`).then((r) => r.json());
        expect(ready).toEqual({ status: "ready", checks: { database: true, redis: true } });
      }
    } finally {
      await b.stop();
    }
  });
});
