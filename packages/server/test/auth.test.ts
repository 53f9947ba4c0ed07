import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { hashToken } from "../src/modules/auth/token.js";
import { errorCode, gql, startTestApp } from "./support/app.js";
import { createMunicipality, createUser, TEST_PASSWORD } from "./support/factories.js";
import { graphql } from "./generated/index.js";

const LOGIN = graphql(`mutation AuthLogin($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { id role email districts { name } municipality { name } } }
}`);
const VIEWER = graphql(`query AuthViewer { viewer { id role } }`);
const LOGOUT = graphql(`mutation AuthLogout { logout }`);

let app: App;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("login", () => {
  it("returns an opaque token and the user; the token authenticates later requests", async () => {
    const { municipality, districts } = await createMunicipality(app.db.prisma);
    const user = await createUser(app.db.prisma, municipality.id, { role: "POLICE_LIAISON", districtIds: [districts[0]!.id] });
    const res = await gql(app, LOGIN, { email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD });
    expect(res.errors).toBeUndefined();
    const login = res.data!.login;
    expect(login.user).toMatchObject({
      id: user.id,
      role: "POLICE_LIAISON",
      districts: [{ name: "Noord" }],
      municipality: { name: municipality.name },
    });
    expect(login.token).toMatch(/^wkn_[A-Za-z0-9_-]{43}$/);
    expect(new Date(login.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const viewer = await gql(app, VIEWER, {}, login.token);
    expect(viewer.data!.viewer).toEqual({ id: user.id, role: "POLICE_LIAISON" });

    // Only the hash is stored, never the token itself.
    const sessions = await app.db.prisma.authSession.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).toBe(hashToken(login.token));
    expect(JSON.stringify(sessions)).not.toContain(login.token);

    // The login is audited in the same transaction as the session it created.
    const audit = await app.db.prisma.auditEntry.findMany({ where: { actorId: user.id, action: "LOGIN" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "AuthSession", entityId: sessions[0]!.id, actorRole: "POLICE_LIAISON" });
  });

  it("answers a wrong password and an unknown account identically", async () => {
    const { municipality } = await createMunicipality(app.db.prisma);
    const user = await createUser(app.db.prisma, municipality.id);
    const wrong = await gql(app, LOGIN, { email: user.email, password: "not the password" });
    const unknown = await gql(app, LOGIN, { email: `nobody-${user.id}@test.example`, password: "not the password" });
    expect(errorCode(wrong)).toBe("UNAUTHENTICATED");
    expect(wrong.errors).toEqual(unknown.errors);
    expect(wrong.data).toEqual(unknown.data);
    const failed = await app.db.prisma.auditEntry.count({ where: { entityId: user.id, action: "LOGIN_FAILED" } });
    expect(failed).toBe(1);
  });

  it("refuses a disabled account with the same answer", async () => {
    const { municipality } = await createMunicipality(app.db.prisma);
    const user = await createUser(app.db.prisma, municipality.id, { status: "DISABLED" });
    const res = await gql(app, LOGIN, { email: user.email, password: TEST_PASSWORD });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
    expect(res.errors![0]!.message).toBe("E-mailadres of wachtwoord klopt niet.");
  });

  it("names the field on bad input and creates nothing", async () => {
    const res = await gql(app, LOGIN, { email: "not-an-email", password: "x" });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors![0]!.extensions!["field"]).toBe("email");
    // No token (counting every session in the run's database raced with other files' logins).
    expect(res.data?.login ?? null).toBeNull();
  });
});

describe("tokens", () => {
  it("logout revokes the token: it no longer authenticates, and logout is audited", async () => {
    const { municipality } = await createMunicipality(app.db.prisma);
    const user = await createUser(app.db.prisma, municipality.id, { role: "ALLY" });
    const { token } = (await gql(app, LOGIN, { email: user.email, password: TEST_PASSWORD })).data!.login;
    const out = await gql(app, LOGOUT, {}, token);
    expect(out.data).toEqual({ logout: true });
    expect((await gql(app, VIEWER, {}, token)).data).toEqual({ viewer: null });
    expect(errorCode(await gql(app, LOGOUT, {}, token))).toBe("UNAUTHENTICATED");
    expect(await app.db.prisma.auditEntry.count({ where: { actorId: user.id, action: "LOGOUT" } })).toBe(1);
  });

  it("an expired token does not authenticate", async () => {
    const { municipality } = await createMunicipality(app.db.prisma);
    const user = await createUser(app.db.prisma, municipality.id);
    const { token } = (await gql(app, LOGIN, { email: user.email, password: TEST_PASSWORD })).data!.login;
    await app.db.prisma.authSession.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await gql(app, VIEWER, {}, token)).data).toEqual({ viewer: null });
  });

  it("a forged or malformed token is anonymous, not an error", async () => {
    for (const header of [`wkn_${"A".repeat(43)}`, "garbage", "x".repeat(5000)]) {
      expect((await gql(app, VIEWER, {}, header)).data).toEqual({ viewer: null });
    }
  });

  it("a user disabled after login loses access", async () => {
    const { municipality } = await createMunicipality(app.db.prisma);
    const user = await createUser(app.db.prisma, municipality.id);
    const { token } = (await gql(app, LOGIN, { email: user.email, password: TEST_PASSWORD })).data!.login;
    await app.db.prisma.user.update({ where: { id: user.id }, data: { status: "DISABLED" } });
    expect((await gql(app, VIEWER, {}, token)).data).toEqual({ viewer: null });
  });
});
