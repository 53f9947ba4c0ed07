/**
 * Application logs never hold tokens, passwords or personal data: a server logging at
 * trace level is driven through login, contact work and errors, and every line it wrote
 * is searched for the secrets and names used.
 */
import { Writable } from "node:stream";
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "../src/app.js";
import { loadConfig } from "../src/platform/config.js";
import { createLogger } from "../src/platform/logger.js";
import { gql } from "./support/app.js";
import { createMunicipality, createUser, TEST_PASSWORD } from "./support/factories.js";
import { graphql } from "./generated/index.js";
const LOGIN = graphql(`mutation LogsLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`);

const lines: string[] = [];
let app: App;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: inject("databaseUrl"),
    REDIS_URL: inject("redisUrl"),
    LOG_LEVEL: "trace",
    SEED_DEMO: "never",
    RATE_LIMIT_LOGIN_PER_ADDRESS: "1000000",
  });
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger(config, sink);
  app = await startApp(config, log);
});
afterAll(async () => {
  await app?.stop();
});

describe("application logs", () => {
  it("hold no token, password, email or name, also on errors", async () => {
    const { municipality } = await createMunicipality(app.db.prisma);
    const user = await createUser(app.db.prisma, municipality.id);
    await gql(app, LOGIN, {
      e: user.email,
      p: "Wrong-Secret-Password-123",
    });
    const login = await gql(app, LOGIN, {
      e: user.email,
      p: TEST_PASSWORD,
    });
    const token = login.data!.login.token as string;
    await gql(
      app,
      graphql(
        `mutation LogsCreateContact { createContact(input: { fullName: "Geheime Naam Achternaam", email: "geheim@example.org", phone: "06 5555 4444" }) { id } }`,
      ),
      {},
      token,
    );
    await gql(
      app,
      graphql(`mutation LogsCreateContactInvalid { createContact(input: { fullName: "Tweede Geheim", email: "not-an-email" }) { id } }`),
      {},
      token,
    );
    await gql(app, graphql(`query LogsContacts { contacts(after: "Geheime Naam cursor") { totalCount } }`), {}, token);
    await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: "{ not json Geheime",
    });
    await gql(app, graphql(`mutation LogsLogout { logout }`), {}, token);
    await new Promise((r) => setTimeout(r, 100));
    const all = lines.join("");
    expect(all.length).toBeGreaterThan(0);
    for (const secret of [
      token,
      TEST_PASSWORD,
      "Wrong-Secret-Password-123",
      user.email,
      "Geheime Naam",
      "geheim@example.org",
      "06 5555 4444",
      "Tweede Geheim",
    ]) {
      expect(all, `log contains ${secret}`).not.toContain(secret);
    }
  });
});
