import type { SessionCache } from "./session-cache.js";
import type { Db, DbOrTx, Tx } from "../../platform/db/prisma.js";
import { enforce, enforceAll, type RateLimiter, type RateLimitRule } from "../../platform/rate-limit.js";
import type { Role, User } from "../../generated/prisma/client.js";
import type { Viewer } from "../../core/viewer.js";
import { badInput, unauthenticated } from "../../core/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import { authRepository as repo } from "./auth.repository.js";
import { requireViewer } from "../../core/authz.js";
import { verifyAgainstDummy, verifyPassword } from "./password.js";
import { generateToken, hashToken } from "./token.js";

export interface AuthServiceDeps {
  db: Db;
  rateLimiter: RateLimiter;
  rateLimits: {
    /** Failed guesses from one address at one account: tiers that double (`doublingTiers`). */
    loginPerAccountAddress: readonly RateLimitRule[];
    /** The account-wide ceiling over all addresses (much higher: no lockout of the owner by others). */
    loginPerAccount: RateLimitRule;
    loginPerAddress: RateLimitRule;
  };
  audit: AuditService;
  tokenTtlMinutes: number;
  /** Roles that must use a second factor (TWO_FACTOR_REQUIRED_ROLES). */
  twoFactorRequiredRoles?: readonly Role[];
  now?: () => Date;
  /** Called after a session is revoked, so every instance can close its sockets. */
  onSessionRevoked?: (sessionId: string) => void;
  /** Resolved sessions kept between requests (session-cache.ts); without it every request asks the database. */
  sessionCache?: SessionCache;
}

/** What the client does next: nothing, give the second factor, or enrol one. */
export type LoginNext = "DONE" | "SECOND_FACTOR" | "ENROL_SECOND_FACTOR";

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
  next: LoginNext;
}

/** A session waiting for its second factor lives this long. */
export const SECOND_FACTOR_WINDOW_MS = 5 * 60_000;

// The same answer for an unknown account, a wrong password and a disabled account.
const WRONG_CREDENTIALS = "Email address or password is incorrect.";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class AuthService {
  private readonly now: () => Date;
  constructor(private readonly deps: AuthServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async login(emailInput: string, password: string, requestId: string, clientAddress: string | null = null): Promise<LoginResult> {
    const email = normaliseEmail(emailInput);
    if (email.length === 0 || email.length > 254 || !email.includes("@")) throw badInput("email", "Enter a valid email address.");
    if (password.length === 0) throw badInput("password", "Enter your password.");
    if (password.length > 1024) throw badInput("password", "Password is too long.");
    // Counted before the (deliberately slow) hash check, whether the account exists or not.
    // Guessing from one address at one account backs off (tiers that double); an account-wide
    // ceiling, much higher, stops guessing spread over many addresses; an attacker can thus
    // not lock the owner out from the owner's own address. Refused pairs count no further.
    const { rateLimiter, rateLimits } = this.deps;
    const pair = `${email}|${clientAddress ?? "-"}`;
    await enforceAll(rateLimiter, rateLimits.loginPerAccountAddress, pair, "Too many login attempts for this account from this address.");
    await enforce(rateLimiter, rateLimits.loginPerAccount, email, "Too many login attempts for this account.");
    if (clientAddress) await enforce(rateLimiter, rateLimits.loginPerAddress, clientAddress, "Too many login attempts from this address.");

    const { db, audit } = this.deps;
    const user = await repo.findUserByEmail(db, email);
    // An invited account without a password yet has no argon2 hash: it burns the same time too.
    const ok = user?.passwordHash.startsWith("$argon2")
      ? await verifyPassword(user.passwordHash, password)
      : await verifyAgainstDummy(password);
    if (!user || !ok || user.status !== "ACTIVE") {
      // Every failed attempt is audited (brute force shows up) — an unknown account too, with
      // no municipality or entity (and never the address typed): the same work and the same
      // time either way, so the answer's timing does not tell whether the account exists.
      await audit.record(db, {
        municipalityId: user?.municipalityId ?? null,
        actorId: null,
        actorRole: null,
        action: "LOGIN_FAILED",
        entityType: "User",
        entityId: user?.id ?? null,
        requestId,
      });
      throw unauthenticated(WRONG_CREDENTIALS);
    }

    const token = generateToken();
    const now = this.now();
    // With a second factor enrolled the token waits for it (briefly, authorizing nothing); a
    // role that requires one without it enrolled gets a session that can only enrol.
    const next: LoginNext = user.totpEnabledAt
      ? "SECOND_FACTOR"
      : this.deps.twoFactorRequiredRoles?.includes(user.role)
        ? "ENROL_SECOND_FACTOR"
        : "DONE";
    const stage = next === "SECOND_FACTOR" ? "SECOND_FACTOR" : next === "ENROL_SECOND_FACTOR" ? "ENROLMENT" : "FULL";
    const expiresAt = new Date(now.getTime() + (next === "SECOND_FACTOR" ? SECOND_FACTOR_WINDOW_MS : this.deps.tokenTtlMinutes * 60_000));
    await this.createLoginSession(user, { token, expiresAt, stage, now, requestId });
    await Promise.all([
      rateLimiter.reset(rateLimits.loginPerAccount, email),
      ...rateLimits.loginPerAccountAddress.map((rule) => rateLimiter.reset(rule, pair)),
    ]);
    return { token, expiresAt, user, next };
  }

  /** The session row, the last sign-in and the LOGIN audit row, in one transaction. */
  private async createLoginSession(
    user: Pick<User, "id" | "municipalityId" | "role">,
    s: {
      token: string;
      expiresAt: Date;
      stage: "FULL" | "SECOND_FACTOR" | "ENROLMENT";
      now: Date;
      requestId: string;
      details?: Record<string, string>;
    },
  ): Promise<void> {
    await this.deps.db.$transaction(async (tx) => {
      const session = await repo.createSession(tx, {
        userId: user.id,
        tokenHash: hashToken(s.token),
        expiresAt: s.expiresAt,
        stage: s.stage,
      });
      await repo.touchLastLogin(tx, user.id, s.now);
      await this.deps.audit.record(tx, {
        municipalityId: user.municipalityId,
        actorId: user.id,
        actorRole: user.role,
        action: "LOGIN",
        entityType: "AuthSession",
        entityId: session.id,
        requestId: s.requestId,
        ...(s.details ? { details: s.details } : {}),
      });
    });
  }

  /**
   * Internal API for single sign-on: a full session for a user the identity provider vouched
   * for (its own second factor applies there), audited as a LOGIN with `via`.
   */
  async startSessionFor(user: User, requestId: string, via: string): Promise<LoginResult> {
    const token = generateToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.deps.tokenTtlMinutes * 60_000);
    await this.createLoginSession(user, { token, expiresAt, stage: "FULL", now, requestId, details: { via } });
    return { token, expiresAt, user, next: "DONE" };
  }

  /** Resolves a bearer token to a viewer; null for unknown, expired, revoked or disabled. */
  async authenticate(token: string | null): Promise<Viewer | null> {
    if (!token) return null;
    const tokenHash = hashToken(token);
    const cached = this.deps.sessionCache?.get(tokenHash);
    if (cached) return cached;
    const session = await repo.findSessionByTokenHash(this.deps.db, tokenHash);
    if (!session || session.revokedAt || session.expiresAt <= this.now() || session.user.status !== "ACTIVE") return null;
    if (session.stage === "SECOND_FACTOR") return null;
    const viewer: Viewer = {
      ...(session.stage === "ENROLMENT" ? { enrolmentOnly: true } : {}),
      userId: session.user.id,
      sessionId: session.id,
      municipalityId: session.user.municipalityId,
      role: session.user.role,
      districtIds: session.user.districts.map((d) => d.districtId),
      contactId: session.user.contactId,
      expiresAt: session.expiresAt,
      language: session.user.language,
      partnerOrganisationId: session.user.partnerOrganisation?.id ?? null,
      partnerKind: session.user.partnerOrganisation?.kind ?? null,
    };
    this.deps.sessionCache?.set(tokenHash, viewer);
    return viewer;
  }

  /**
   * Re-checks viewers resolved earlier (long-lived sockets) in one query: returns the
   * session ids that are still valid with the same role and district scope.
   */
  async stillValidSessions(viewers: readonly Viewer[]): Promise<Set<string>> {
    if (viewers.length === 0) return new Set();
    const now = this.now();
    const sessions = await this.deps.db.authSession.findMany({
      where: { id: { in: [...new Set(viewers.map((v) => v.sessionId))] }, revokedAt: null, expiresAt: { gt: now } },
      select: {
        id: true,
        user: { select: { status: true, role: true, partnerOrganisationId: true, districts: { select: { districtId: true } } } },
      },
    });
    const byId = new Map(sessions.map((s) => [s.id, s]));
    // A changed district scope counts too: a live feed must not keep serving districts
    // the user no longer works in.
    const sameDistricts = (a: readonly string[], b: readonly { districtId: string }[]) =>
      a.length === b.length && b.every((d) => a.includes(d.districtId));
    return new Set(
      viewers
        .filter((v) => {
          const s = byId.get(v.sessionId);
          // A liaison moved to another partner organisation sees other signals: a new scope too.
          return (
            s &&
            s.user.status === "ACTIVE" &&
            s.user.role === v.role &&
            (s.user.partnerOrganisationId ?? null) === (v.partnerOrganisationId ?? null) &&
            sameDistricts(v.districtIds, s.user.districts)
          );
        })
        .map((v) => v.sessionId),
    );
  }

  /**
   * Internal API for other services (account administration, password changes): revokes
   * every active session of a user inside the caller's transaction. Call
   * `announceRevoked` with the ids after the commit, so sockets close on every instance.
   */
  revokeSessionsOfUser(tx: DbOrTx, userId: string, opts: { except?: string | null } = {}): Promise<string[]> {
    return repo.revokeSessionsOfUser(tx, userId, this.now(), opts.except ?? null);
  }

  /** Rings every instance for each revoked session (after the revoking transaction committed). */
  announceRevoked(sessionIds: readonly string[]): void {
    for (const id of sessionIds) {
      this.deps.sessionCache?.evictSession(id);
      this.deps.onSessionRevoked?.(id);
    }
  }

  /** The viewer's own active sessions. */
  async mySessions(viewerInput: Viewer | null) {
    const viewer = requireViewer(viewerInput);
    const rows = await repo.findActiveSessionsOfUser(this.deps.db, viewer.userId, this.now());
    return rows.map((r) => ({ ...r, current: r.id === viewer.sessionId }));
  }

  async logout(viewerInput: Viewer | null, requestId: string): Promise<boolean> {
    const viewer = requireViewer(viewerInput, { enrolment: true });
    const { db, audit } = this.deps;
    const revoked = await db.$transaction(async (tx) => {
      const count = await repo.revokeSession(tx, viewer.sessionId, this.now());
      if (count > 0) {
        await audit.record(tx, {
          municipalityId: viewer.municipalityId,
          actorId: viewer.userId,
          actorRole: viewer.role,
          action: "LOGOUT",
          entityType: "AuthSession",
          entityId: viewer.sessionId,
          requestId,
        });
      }
      return count > 0;
    });
    if (revoked) {
      this.deps.sessionCache?.evictSession(viewer.sessionId);
      this.deps.onSessionRevoked?.(viewer.sessionId);
    }
    return revoked;
  }

  /** The account row, locked for its erasure (the erasure module); null when unknown. */
  lockForErasure(tx: Tx, id: string) {
    return repo.lockUser(tx, id);
  }

  /** Subject access of an account: what the account itself holds (no password hash, no tokens). */
  async accountForExport(db: DbOrTx, id: string) {
    const user = await db.user.findUnique({ where: { id }, include: { districts: { select: { districtId: true, isBackup: true } } } });
    if (!user) return null;
    const { passwordHash: _p, ...rest } = user;
    return rest;
  }
}
