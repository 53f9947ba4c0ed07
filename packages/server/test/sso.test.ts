/**
 * Single sign-on (OpenID Connect, authorization code + PKCE) end to end against a real
 * provider (oidc-provider) started here: the happy path, and the refusals: a domain not
 * allowed, a replayed state, an ID token for another audience and an expired ID token.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, startTestApp } from "./support/app.js";
import { graphql } from "./generated/index.js";

const CLIENT_ID = "wijknet";
const CLIENT_SECRET = "a-long-test-client-secret-of-the-municipality";
const MUNICIPALITY = `GMSSO-${randomBytes(3).toString("hex")}`;

let app: App;
let idp: Server;
let issuer: string;
let account = "inge@utrecht.example";
/** When set, the provider's token answers carry an ID token with these claims changed (re-signed with its key). */
let tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;
let privateKey: KeyObject;

const ACCOUNTS: Record<string, { name: string; groups: string[] }> = {
  "inge@utrecht.example": { name: "Inge Smit", groups: ["wijknet-coordinatoren"] },
  "tim@politie.example": { name: "Tim Visser", groups: [] },
  "eve@evil.example": { name: "Eve", groups: ["wijknet-coordinatoren"] },
};

function b64(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString("base64url");
}

/** Re-signs an ID token with the provider's own key after changing its claims. */
function resign(idToken: string, change: (claims: Record<string, unknown>) => Record<string, unknown>): string {
  const [header, payload] = idToken.split(".");
  const claims = change(JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>);
  const signingInput = `${header}.${b64(claims)}`;
  return `${signingInput}.${sign("sha256", Buffer.from(signingInput), privateKey).toString("base64url")}`;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

beforeAll(async () => {
  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  privateKey = keys.privateKey;
  const jwk = { ...keys.privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };

  let handler: ((req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void) | null = null;
  idp = createServer((req, res) => handler?.(req, res));
  await new Promise<void>((r) => idp.listen(0, "127.0.0.1", () => r()));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${appUrl}/auth/oidc/callback`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ["test-cookie-signing-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({
        sub: id,
        email: id,
        email_verified: true,
        name: ACCOUNTS[id]?.name ?? id,
        groups: ACCOUNTS[id]?.groups ?? [],
      }),
    }),
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && tamper && body?.id_token) ctx.body = { ...body, id_token: resign(body.id_token, tamper) };
  });
  const callback = provider.callback();
  // The "login screen" of the provider: signs in `account` at once and grants what is asked.
  handler = (req, res) => {
    if (!req.url?.startsWith("/interaction/")) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === "login") {
        await provider.interactionFinished(req, res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params["client_id"] as string });
      grant.addOIDCScope(details.params["scope"] as string);
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })();
  };

  app = await startTestApp({
    PORT: String(appPort),
    PUBLIC_URL: appUrl,
    MUNICIPALITY_CODE: MUNICIPALITY,
    OIDC_ISSUER_URL: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_LABEL: "Gemeente Utrecht",
    OIDC_ALLOWED_EMAIL_DOMAINS: "utrecht.example, politie.example",
    OIDC_ROLE_CLAIM: "groups",
    OIDC_ROLE_MAP: "wijknet-coordinatoren:COORDINATOR",
    OIDC_ALLOW_INSECURE_HTTP: "true",
  });
  await app.db.prisma.municipality.create({ data: { code: MUNICIPALITY, name: "SSO-gemeente" } });
});
afterAll(async () => {
  await app?.stop();
  await new Promise<void>((r) => (idp ? idp.close(() => r()) : r()));
});

/**
 * A browser without JavaScript: follows redirects from `/auth/oidc/start` through the provider
 * and back, keeping the provider's cookies, until the web app's `/inloggen/sso#…` address.
 */
async function signIn(): Promise<{ fragment: URLSearchParams; callbackUrl: string }> {
  const jar = new Map<string, string>();
  let url = `${app.url}/auth/oidc/start`;
  let callbackUrl = "";
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(`${app.url}/inloggen/sso`)) return { fragment: new URLSearchParams(new URL(url).hash.slice(1)), callbackUrl };
    if (url.startsWith(`${app.url}/auth/oidc/callback`)) callbackUrl = url;
    const res = await fetch(url, {
      redirect: "manual",
      headers: url.startsWith(issuer) ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } : {},
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get("location");
    if (!location) throw new Error(`no redirect from ${url}: ${res.status} ${await res.text()}`);
    url = new URL(location, url).toString();
  }
  throw new Error("too many redirects");
}

const PROVIDER = graphql(`query SsoProviderInfo { ssoProvider { label startUrl } }`);
const COMPLETE = graphql(`mutation SsoComplete($c: String!) { completeSsoLogin(code: $c) { token next user { email role } } }`);
const VIEWER = graphql(`query SsoViewer { viewer { email role } }`);

describe("single sign-on (OpenID Connect)", () => {
  it("signs in an allowed address: a new account with the mapped role, the same opaque session token, code used once", async () => {
    expect((await gql(app, PROVIDER)).data!.ssoProvider).toEqual({ label: "Gemeente Utrecht", startUrl: "/auth/oidc/start" });
    account = "inge@utrecht.example";
    const { fragment } = await signIn();
    const code = fragment.get("code");
    expect(fragment.get("error")).toBeNull();
    const done = await gql(app, COMPLETE, { c: code! });
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeSsoLogin).toMatchObject({ next: "DONE", user: { email: "inge@utrecht.example", role: "COORDINATOR" } });
    const token = done.data!.completeSsoLogin.token;
    expect(token).toMatch(/^wkn_/);
    expect((await gql(app, VIEWER, {}, token)).data!.viewer).toEqual({ email: "inge@utrecht.example", role: "COORDINATOR" });
    expect(errorCode(await gql(app, COMPLETE, { c: code! }))).toBe("UNAUTHENTICATED");
    // Signing in again finds the same account.
    const again = await signIn();
    expect((await gql(app, COMPLETE, { c: again.fragment.get("code")! })).data!.completeSsoLogin.user.email).toBe("inge@utrecht.example");
    expect(await app.db.prisma.user.count({ where: { email: "inge@utrecht.example" } })).toBe(1);
  });

  it("refuses a domain that is not allowed, and an allowed address without an account or a mapped role", async () => {
    account = "eve@evil.example";
    expect((await signIn()).fragment.get("error")).toBe("DOMAIN");
    expect(await app.db.prisma.user.count({ where: { email: "eve@evil.example" } })).toBe(0);
    account = "tim@politie.example";
    expect((await signIn()).fragment.get("error")).toBe("NO_ACCOUNT");
  });

  it("refuses a replayed state", async () => {
    account = "inge@utrecht.example";
    const first = await signIn();
    expect(first.fragment.get("code")).toBeTruthy();
    const replay = await fetch(first.callbackUrl, { redirect: "manual" });
    expect(new URL(replay.headers.get("location")!).hash).toBe("#error=STATE");
  });

  it("refuses an ID token for another audience, and an expired ID token", async () => {
    account = "inge@utrecht.example";
    try {
      tamper = (claims) => ({ ...claims, aud: "another-client" });
      expect((await signIn()).fragment.get("error")).toBe("TOKEN");
      const now = Math.floor(Date.now() / 1000);
      tamper = (claims) => ({ ...claims, iat: now - 7_200, exp: now - 3_600 });
      expect((await signIn()).fragment.get("error")).toBe("TOKEN");
      // The same tampering path with nothing changed still signs in: the refusals above are the claims.
      tamper = (claims) => claims;
      expect((await signIn()).fragment.get("code")).toBeTruthy();
    } finally {
      tamper = null;
    }
  });
});
