import { createHash, randomBytes } from "node:crypto";
import * as oidc from "openid-client";
import type { Db } from "../../platform/db/prisma.js";
import type { Logger } from "../../platform/logger.js";
import type { Role } from "../../generated/prisma/enums.js";
import { AppError } from "../../core/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AuthService, LoginResult } from "../auth/auth.service.js";
import { ssoRepository as repo } from "./sso.repository.js";
import { emailDomainAllowed, roleFromClaim } from "./sso.rules.js";

export interface SsoSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  label: string;
  allowedDomains: readonly string[];
  roleClaim: string | null;
  roleMap: ReadonlyMap<string, Role>;
  allowInsecureHttp: boolean;
  /** Where the identity provider sends the browser back: PUBLIC_URL/auth/oidc/callback. */
  redirectUri: string;
  /** The web app's base (PUBLIC_URL). */
  publicUrl: string;
  /** The municipality new single sign-on accounts belong to (MUNICIPALITY_CODE). */
  municipalityCode: string;
}

const LOGIN_WINDOW_MS = 10 * 60_000;
const EXCHANGE_WINDOW_MS = 60_000;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Why a single sign-on was refused; the login page says so (no details of the token). */
export type SsoRefusal = "STATE" | "TOKEN" | "EMAIL" | "DOMAIN" | "NO_ACCOUNT" | "DISABLED";

export class SsoRefused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * OpenID Connect single sign-on for staff (authorization code flow with PKCE, openid-client 6):
 * the library checks the ID token's signature, issuer, audience, expiry and nonce; this service
 * keeps state single-use, the email domain allowed and the role mapping, and ends in the same
 * opaque wijknet session token as a password login — handed to the web app through a one-time
 * code in the URL fragment, never the token itself in a URL.
 */
export class SsoService {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly settings: SsoSettings,
    private readonly deps: { db: Db; auth: AuthService; audit: AuditService; log: Logger; now?: () => Date },
  ) {}

  get label(): string {
    return this.settings.label;
  }

  get publicUrl(): string {
    return this.settings.publicUrl;
  }

  get log(): Logger {
    return this.deps.log;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private config(): Promise<oidc.Configuration> {
    const s = this.settings;
    this.configuration ??= oidc
      .discovery(s.issuer, s.clientId, undefined, oidc.ClientSecretPost(s.clientSecret), {
        ...(s.allowInsecureHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((err: unknown) => {
        this.configuration = null; // try discovery again next time
        throw err;
      });
    return this.configuration;
  }

  /** The identity provider's authorization URL for a new login (state, nonce and PKCE kept hashed/server-side). */
  async start(): Promise<URL> {
    const config = await this.config();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await repo.createLogin(this.deps.db, {
      stateHash: sha256(state),
      codeVerifier,
      nonce,
      expiresAt: new Date(this.now().getTime() + LOGIN_WINDOW_MS),
    });
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: "openid email profile",
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
    });
  }

  /** The browser came back from the identity provider: returns the one-time code for the web app. */
  async callback(currentUrl: URL, requestId: string): Promise<string> {
    const state = currentUrl.searchParams.get("state") ?? "";
    const login = state ? await repo.takeLogin(this.deps.db, sha256(state), this.now()) : null;
    if (!login) throw new SsoRefused("STATE", "unknown, expired or replayed state");
    let claims: oidc.IDToken | undefined;
    try {
      const config = await this.config();
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      throw new SsoRefused("TOKEN", (err as Error).message);
    }
    if (!claims) throw new SsoRefused("TOKEN", "no ID token claims");
    const email = typeof claims["email"] === "string" ? claims["email"].trim().toLowerCase() : "";
    if (!email || claims["email_verified"] === false) throw new SsoRefused("EMAIL", "no verified email claim");
    if (!emailDomainAllowed(email, this.settings.allowedDomains)) throw new SsoRefused("DOMAIN", "email domain not allowed");
    const user = await this.accountFor(email, claims, requestId);
    const code = randomBytes(32).toString("base64url");
    await repo.setExchange(this.deps.db, login.id, user.id, sha256(code), new Date(this.now().getTime() + EXCHANGE_WINDOW_MS));
    return code;
  }

  /** The web app trades the one-time code for the session token (once, within a minute). */
  async complete(code: string, requestId: string): Promise<LoginResult> {
    const userId = /^[A-Za-z0-9_-]{20,100}$/.test(code) ? await repo.takeExchange(this.deps.db, sha256(code), this.now()) : null;
    if (!userId)
      throw new AppError("UNAUTHENTICATED", "This sign-in is not valid (any more); start again.", { reason: "SSO_CODE_INVALID" });
    const user = await repo.findUser(this.deps.db, userId);
    if (user.status !== "ACTIVE") throw new AppError("UNAUTHENTICATED", "This account is disabled.", { reason: "SSO_CODE_INVALID" });
    return this.deps.auth.startSessionFor(user, requestId, "OIDC");
  }

  /** An existing account by email; or, with a role mapping, a new one with the mapped role. */
  private async accountFor(email: string, claims: oidc.IDToken, requestId: string) {
    const { db, audit } = this.deps;
    const existing = await repo.findUserByEmail(db, email);
    if (existing) {
      if (existing.status !== "ACTIVE") throw new SsoRefused("DISABLED", "account disabled");
      return existing;
    }
    const role = this.settings.roleClaim ? roleFromClaim(claims[this.settings.roleClaim], this.settings.roleMap) : null;
    if (!role) throw new SsoRefused("NO_ACCOUNT", "no account and no mapped role");
    const municipality = await repo.findMunicipalityByCode(db, this.settings.municipalityCode);
    if (!municipality) throw new SsoRefused("NO_ACCOUNT", "municipality not found");
    const name = typeof claims["name"] === "string" && claims["name"].trim() ? claims["name"].trim().slice(0, 120) : email;
    return db.$transaction(async (tx) => {
      const user = await repo.createUser(tx, { municipalityId: municipality.id, email, displayName: name, role });
      await audit.record(tx, {
        municipalityId: municipality.id,
        actorId: null,
        actorRole: null,
        action: "CREATE",
        entityType: "User",
        entityId: user.id,
        requestId,
        details: { via: "OIDC", role },
      });
      return user;
    });
  }
}
