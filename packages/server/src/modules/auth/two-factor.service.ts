import { createHash, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import type { Db } from "../../platform/db/prisma.js";
import { enforce, type RateLimiter, type RateLimitRule } from "../../platform/rate-limit.js";
import type { User } from "../../generated/prisma/client.js";
import type { Viewer } from "../../core/viewer.js";
import { AppError, conflict, forbidden } from "../../core/errors.js";
import { requireViewer } from "../../core/authz.js";
import type { AuditService } from "../audit/audit.service.js";
import { authRepository as repo } from "./auth.repository.js";
import type { LoginResult } from "./auth.service.js";
import { verifyPassword } from "./password.js";
import { hashToken } from "./token.js";

export interface TwoFactorDeps {
  db: Db;
  audit: AuditService;
  rateLimiter: RateLimiter;
  /** Wrong codes per account. */
  rateLimit: RateLimitRule;
  tokenTtlMinutes: number;
  requiredRoles: readonly string[];
  now?: () => Date;
}

const ISSUER = "wijknet";
const PERIOD_S = 30;
const RECOVERY_CODES = 10;

/** Recovery codes: 10 random base32 characters in two groups, e.g. "k3m9p-2xq7r"; 50 bits each. */
function newRecoveryCode(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
const hashCode = (code: string) => createHash("sha256").update(code.trim().toLowerCase().replace(/[\s-]/g, "")).digest("hex");

const invalidCode = () => new AppError("UNAUTHENTICATED", "The code is not correct.", { reason: "TWO_FACTOR_INVALID" });

/**
 * TOTP (RFC 6238, otplib): enrolment with a QR code, confirmation with a first code, ten
 * recovery codes shown once (SHA-256 at rest), and the second step of a login. A code is
 * accepted once (the last accepted time step is kept); wrong codes are rate-limited per
 * account. Sessions that existed before enrolment stay valid until they expire.
 */
export class TwoFactorService {
  private readonly now: () => Date;
  constructor(private readonly deps: TwoFactorDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async status(viewerInput: Viewer | null) {
    const viewer = requireViewer(viewerInput, { enrolment: true });
    const user = await repo.findTwoFactor(this.deps.db, viewer.userId);
    return {
      enabled: user.totpEnabledAt !== null,
      required: this.deps.requiredRoles.includes(user.role),
      enrolmentRequired: viewer.enrolmentOnly === true,
      recoveryCodesLeft: user.totpEnabledAt ? await repo.countUnusedRecoveryCodes(this.deps.db, viewer.userId) : 0,
    };
  }

  /** A new secret for the viewer (replacing an unconfirmed one); its QR code for the authenticator app. */
  async begin(viewerInput: Viewer | null) {
    const viewer = requireViewer(viewerInput, { enrolment: true });
    const user = await repo.findTwoFactor(this.deps.db, viewer.userId);
    if (user.totpEnabledAt) throw conflict("Two-factor authentication is already set up.");
    const secret = generateSecret();
    await repo.setTotpSecret(this.deps.db, viewer.userId, secret);
    const otpauthUrl = generateURI({ issuer: ISSUER, label: user.email, secret });
    return { secret, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 }) };
  }

  /** The first code from the app turns it on; returns the recovery codes (the only time they are shown). */
  async confirm(viewerInput: Viewer | null, code: string, requestId: string): Promise<string[]> {
    const viewer = requireViewer(viewerInput, { enrolment: true });
    const { db, audit } = this.deps;
    await this.limit(viewer.userId);
    const user = await repo.findTwoFactor(db, viewer.userId);
    if (user.totpEnabledAt) throw conflict("Two-factor authentication is already set up.");
    if (!user.totpSecret) throw conflict("Start the set-up first.");
    const step = await this.check(user.totpSecret, code);
    if (step === null) throw invalidCode();
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    const now = this.now();
    await db.$transaction(async (tx) => {
      if ((await repo.acceptTotpStep(tx, user.id, step)) === 0) throw invalidCode();
      await repo.enableTotp(tx, user.id, now);
      await repo.replaceRecoveryCodes(tx, user.id, codes.map(hashCode));
      // This session may do everything now; other sessions were never limited and stay as they are.
      if (viewer.enrolmentOnly) {
        await repo.completeSession(tx, viewer.sessionId, "ENROLMENT", new Date(now.getTime() + this.deps.tokenTtlMinutes * 60_000));
      }
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "User",
        entityId: viewer.userId,
        requestId,
        details: { fields: ["twoFactor"], enabled: true },
      });
    });
    await this.deps.rateLimiter.reset(this.deps.rateLimit, viewer.userId);
    return codes;
  }

  /** Turns it off again, with the password; only for roles that do not require it (allies, by default). */
  async disable(viewerInput: Viewer | null, password: string, requestId: string): Promise<boolean> {
    const viewer = requireViewer(viewerInput);
    const { db, audit } = this.deps;
    if (this.deps.requiredRoles.includes(viewer.role)) throw forbidden("Two-factor authentication is required for your role.");
    await this.limit(viewer.userId);
    const { passwordHash } = await repo.findPasswordHash(db, viewer.userId);
    if (password.length > 1024 || !(await verifyPassword(passwordHash, password))) {
      throw new AppError("BAD_USER_INPUT", "password: The password is not correct.", { field: "password", reason: "WRONG_PASSWORD" });
    }
    const user = await repo.findTwoFactor(db, viewer.userId);
    if (!user.totpEnabledAt) throw conflict("Two-factor authentication is not on.");
    await db.$transaction(async (tx) => {
      await repo.clearTotp(tx, viewer.userId);
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "User",
        entityId: viewer.userId,
        requestId,
        details: { fields: ["twoFactor"], enabled: false },
      });
    });
    await this.deps.rateLimiter.reset(this.deps.rateLimit, viewer.userId);
    return true;
  }

  /**
   * The second step of a login: the token from `login` (stage SECOND_FACTOR) and a code from the
   * app or a recovery code. The same token then is a full session.
   */
  async verifyLogin(token: string, code: string, requestId: string): Promise<LoginResult> {
    const { db, audit } = this.deps;
    const session = await repo.findSessionWithUser(db, hashToken(token));
    const now = this.now();
    if (session?.stage !== "SECOND_FACTOR" || session.revokedAt || session.expiresAt <= now || session.user.status !== "ACTIVE") {
      throw new AppError("UNAUTHENTICATED", "Log in again.", { reason: "LOGIN_EXPIRED" });
    }
    const user: User = session.user;
    await this.limit(user.id);
    const step = user.totpSecret ? await this.check(user.totpSecret, code) : null;
    const recovery = step === null && /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
    const expiresAt = new Date(now.getTime() + this.deps.tokenTtlMinutes * 60_000);
    await db.$transaction(async (tx) => {
      const accepted =
        step !== null
          ? (await repo.acceptTotpStep(tx, user.id, step)) === 1
          : recovery && (await repo.useRecoveryCode(tx, user.id, hashCode(code), now)) === 1;
      if (!accepted) throw invalidCode();
      if ((await repo.completeSession(tx, session.id, "SECOND_FACTOR", expiresAt)) === 0) throw invalidCode();
      await audit.record(tx, {
        municipalityId: user.municipalityId,
        actorId: user.id,
        actorRole: user.role,
        action: "LOGIN",
        entityType: "AuthSession",
        entityId: session.id,
        requestId,
        details: { secondFactor: step !== null ? "TOTP" : "RECOVERY_CODE" },
      });
    });
    await this.deps.rateLimiter.reset(this.deps.rateLimit, user.id);
    return { token, expiresAt, user, next: "DONE" };
  }

  private async limit(userId: string): Promise<void> {
    await enforce(this.deps.rateLimiter, this.deps.rateLimit, userId, "Too many codes tried; wait a while.");
  }

  /** The time step of a valid code (one step of clock drift either way), or null. */
  private async check(secret: string, code: string): Promise<number | null> {
    const token = code.replace(/\s/g, "");
    if (!/^\d{6}$/.test(token)) return null;
    const result = await verify({ secret, token, epochTolerance: PERIOD_S });
    if (!result.valid) return null;
    return "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : Math.floor(Date.now() / 1000 / PERIOD_S);
  }
}
