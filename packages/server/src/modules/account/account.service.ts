import type { Db, DbOrTx } from "../../platform/db/prisma.js";
import { enforce, type RateLimiter, type RateLimitRule } from "../../platform/rate-limit.js";
import type { Language, Role, User, UserStatus } from "../../generated/prisma/client.js";
import type { Viewer } from "../../core/viewer.js";
import { AppError, badInput, conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { keysetCursor, pageSize } from "../../core/cursor.js";
import { requireId } from "../../core/ids.js";
import { requireRole, requireViewer } from "../../core/authz.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AuthService } from "../auth/auth.service.js";
import type { PartnerService } from "../partner/partner.service.js";
import { normaliseEmail } from "../auth/auth.service.js";
import { hashPassword, verifyPassword } from "../auth/password.js";
import { generateToken, hashToken } from "../auth/token.js";
import { LINK_PLACEHOLDER, type NotificationService } from "../notification/notification.service.js";
import { type Assignment, accountRepository as repo, type UserListFilter } from "./account.repository.js";
import { invitationMail, resetMail } from "./account.messages.js";
import { districtProblem, PASSWORD_MESSAGES, passwordProblem, roleChangeRefusal } from "./account.rules.js";

export interface AccountServiceDeps {
  db: Db;
  audit: AuditService;
  auth: AuthService;
  partners: PartnerService;
  notifications: NotificationService;
  rateLimiter: RateLimiter;
  rateLimits: { resetPerAccount: RateLimitRule; resetPerAddress: RateLimitRule; changePassword: RateLimitRule };
  invitationTtlHours: number;
  resetTtlMinutes: number;
  now?: () => Date;
}

export interface CreateUserFields {
  displayName: string;
  email: string;
  role: Role;
  districts?: readonly { districtId: string; backup?: boolean | null }[] | null;
  language?: Language | null;
  partnerOrganisationId?: string | null;
}

export interface UpdateUserFields {
  displayName?: string | null;
  role?: Role | null;
  districts?: readonly { districtId: string; backup?: boolean | null }[] | null;
  language?: Language | null;
  partnerOrganisationId?: string | null;
}

/** Stands in for a password hash until the invited user sets one: no password verifies against it. */
const NO_PASSWORD = "!invited";
const MAX_NAME = 120;

/**
 * User administration (admins), invitations of allies (coordinators), and everyone's own
 * password and sessions. Every change is audited in its transaction; session revocations
 * are announced after the commit so sockets close on every instance.
 */
export class AccountService {
  private readonly now: () => Date;
  constructor(private readonly deps: AccountServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  // ─── administration (admins) ───

  async list(
    viewerInput: Viewer | null,
    filter: UserListFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ) {
    const viewer = requireRole(viewerInput, "ADMIN");
    const take = pageSize(first, 100, 25);
    const f = filter ?? {};
    const search = f.search?.trim().slice(0, 100) || null;
    const districtId = f.districtId ? requireId(f.districtId, "filter.districtId") : null;
    let position: { name: string; id: string } | null = null;
    if (after) {
      const [name, id] = keysetCursor.decode(after);
      if (typeof name !== "string" || typeof id !== "string") throw badInput("after", "This cursor is not valid; start again without it.");
      position = { name, id: requireId(id, "after") };
    }
    const rows = await repo.findUsersPage(this.deps.db, viewer.municipalityId, { ...f, search, districtId }, take + 1, position);
    const users = rows.slice(0, take);
    const last = users.at(-1);
    return { users, nextCursor: rows.length > take && last ? keysetCursor.encode([last.displayName, last.id]) : null };
  }

  async get(viewerInput: Viewer | null, id: string): Promise<User | null> {
    const viewer = requireRole(viewerInput, "ADMIN");
    return repo.findUser(this.deps.db, viewer.municipalityId, requireId(id, "id"));
  }

  async create(viewerInput: Viewer | null, input: CreateUserFields, requestId: string): Promise<User> {
    const viewer = requireRole(viewerInput, "ADMIN");
    const displayName = cleanName(input.displayName);
    const email = cleanEmail(input.email);
    const districts = await this.checkDistricts(viewer.municipalityId, input.role, input.districts ?? []);
    const language = input.language ?? "NL";
    const { db, audit } = this.deps;
    return db.$transaction(async (tx) => {
      if (await repo.findUserByEmail(tx, email))
        throw new AppError("CONFLICT", "An account with this email address exists.", { field: "input.email" });
      const partnerOrganisationId = await this.partnerFor(tx, viewer.municipalityId, input.role, input.partnerOrganisationId);
      const user = await repo.createUser(
        tx,
        {
          municipalityId: viewer.municipalityId,
          email,
          displayName,
          role: input.role,
          language,
          passwordHash: NO_PASSWORD,
          partnerOrganisationId,
        },
        districts,
      );
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "User",
        entityId: user.id,
        requestId,
        details: { role: user.role, districts: districts.length, backups: districts.filter((d) => d.backup).length },
      });
      await this.sendInvitation(tx, user);
      return user;
    });
  }

  async update(viewerInput: Viewer | null, id: string, input: UpdateUserFields, requestId: string): Promise<User> {
    const viewer = requireRole(viewerInput, "ADMIN");
    const userId = requireId(id, "id");
    const { db, audit, auth } = this.deps;
    const existing = await repo.findUser(db, viewer.municipalityId, userId);
    if (!existing) throw notFound("User");
    const role = input.role ?? existing.role;
    const districts =
      input.districts != null
        ? await this.checkDistricts(viewer.municipalityId, role, input.districts)
        : role !== existing.role && (role === "ADMIN" || role === "COORDINATOR")
          ? [] // becoming municipality-wide drops the districts
          : null;
    const { revoked, user } = await db.$transaction(async (tx) => {
      const changed: string[] = [];
      if (role !== existing.role) {
        const activeAdmins = await repo.lockActiveAdmins(tx, viewer.municipalityId);
        const current = await repo.findUser(tx, viewer.municipalityId, userId);
        if (!current) throw notFound("User");
        refuseRoleChange(
          roleChangeRefusal({
            actorId: viewer.userId,
            targetId: userId,
            from: current.role,
            to: role,
            targetActive: current.status === "ACTIVE",
            activeAdmins,
          }),
        );
        changed.push("role");
      }
      const data: Record<string, unknown> = {};
      if (input.displayName != null) {
        data["displayName"] = cleanName(input.displayName);
        changed.push("displayName");
      }
      if (input.language != null) {
        data["language"] = input.language;
        changed.push("language");
      }
      if (role !== existing.role) data["role"] = role;
      if (input.partnerOrganisationId != null || role !== existing.role) {
        const requested = input.partnerOrganisationId ?? (role === "POLICE_LIAISON" ? existing.partnerOrganisationId : null);
        const next = await this.partnerFor(tx, viewer.municipalityId, role, requested);
        if (next !== existing.partnerOrganisationId) {
          data["partnerOrganisationId"] = next;
          changed.push("partnerOrganisation");
        }
      }
      if (districts !== null) {
        await repo.replaceDistricts(tx, userId, districts);
        changed.push("districts");
      } else if (role !== existing.role) {
        // The role changed but the districts were kept: they must still fit the new role.
        const kept = (await repo.findAssignments(tx, [userId])).map((a) => ({ districtId: a.districtId, backup: a.isBackup }));
        const problem = districtProblem(role, kept);
        if (problem) throw badInput("input.districts", districtMessage(problem));
      }
      const updated = await repo.updateUser(tx, userId, data);
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "User",
        entityId: userId,
        requestId,
        details: { fields: changed, ...(role !== existing.role ? { fromRole: existing.role, toRole: role } : {}) },
      });
      // A new role or scope is a new authorization: the user signs in again, and open
      // sockets do not keep serving what the old scope allowed.
      const scopeChanged = changed.includes("role") || changed.includes("districts") || changed.includes("partnerOrganisation");
      const revoked = scopeChanged ? await auth.revokeSessionsOfUser(tx, userId) : [];
      return { revoked, user: updated };
    });
    auth.announceRevoked(revoked);
    return user;
  }

  /**
   * A liaison's partner organisation (which shared signals they see): the one asked for, or the
   * municipality's police (old clients know only police liaisons). Other roles have none.
   */
  private async partnerFor(tx: DbOrTx, municipalityId: string, role: Role, requested: string | null | undefined): Promise<string | null> {
    if (role !== "POLICE_LIAISON") {
      if (requested != null && requested !== "")
        throw badInput("input.partnerOrganisationId", "Only liaisons belong to a partner organisation.");
      return null;
    }
    if (requested == null) return (await this.deps.partners.policeOf(tx, municipalityId)).id;
    const [org] = await this.deps.partners.organisationsOf(tx, municipalityId, [requireId(requested, "input.partnerOrganisationId")]);
    if (!org) throw badInput("input.partnerOrganisationId", "Unknown partner organisation.");
    return org.id;
  }

  async setStatus(viewerInput: Viewer | null, id: string, status: UserStatus, requestId: string): Promise<User> {
    const viewer = requireRole(viewerInput, "ADMIN");
    const userId = requireId(id, "id");
    if (status === "DISABLED" && userId === viewer.userId) throw conflict("You cannot disable your own account.");
    const { db, audit, auth } = this.deps;
    const { revoked, user } = await db.$transaction(async (tx) => {
      const activeAdmins = await repo.lockActiveAdmins(tx, viewer.municipalityId);
      const current = await repo.findUser(tx, viewer.municipalityId, userId);
      if (!current) throw notFound("User");
      if (current.status === status) return { revoked: [], user: current };
      if (status === "DISABLED") {
        refuseRoleChange(
          roleChangeRefusal({ actorId: viewer.userId, targetId: userId, from: current.role, to: null, targetActive: true, activeAdmins }),
        );
      }
      const updated = await repo.updateUser(tx, userId, { status });
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "User",
        entityId: userId,
        requestId,
        details: { fields: ["status"], status },
      });
      if (status !== "DISABLED") return { revoked: [], user: updated };
      await repo.closeTokensOfUser(tx, userId, this.now());
      return { revoked: await auth.revokeSessionsOfUser(tx, userId), user: updated };
    });
    auth.announceRevoked(revoked);
    return user;
  }

  async resendInvitation(viewerInput: Viewer | null, id: string, requestId: string): Promise<boolean> {
    const viewer = requireRole(viewerInput, "ADMIN");
    const userId = requireId(id, "id");
    const { db, audit } = this.deps;
    await db.$transaction(async (tx) => {
      const user = await repo.findUser(tx, viewer.municipalityId, userId);
      if (!user) throw notFound("User");
      if (user.status !== "ACTIVE") throw conflict("This account is disabled.");
      await repo.closeTokensOfUser(tx, userId, this.now());
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "NOTIFY",
        entityType: "User",
        entityId: userId,
        requestId,
        details: { kind: "ACCOUNT_INVITATION" },
      });
      await this.sendInvitation(tx, user);
    });
    return true;
  }

  /** A coordinator gives a contact in the networks an ally account linked to their own record. */
  async inviteAlly(
    viewerInput: Viewer | null,
    contactIdInput: string,
    language: Language | null | undefined,
    requestId: string,
  ): Promise<User> {
    const viewer = requireRole(viewerInput, "COORDINATOR");
    const contactId = requireId(contactIdInput, "contactId");
    const { db, audit } = this.deps;
    return db.$transaction(async (tx) => {
      const contact = await repo.findContactForInvite(tx, viewer.municipalityId, contactId);
      if (!contact) throw notFound("Contact");
      if (contact.anonymisedAt || contact.mergedIntoId || contact.status === "ARCHIVED") {
        throw conflict("This contact is archived, merged or erased.");
      }
      if (contact.user) throw conflict("This contact already has an account.");
      if (!contact.email) throw badInput("contactId", "The contact has no email address.");
      const email = cleanEmail(contact.email, "contactId");
      if (await repo.findUserByEmail(tx, email))
        throw new AppError("CONFLICT", "An account with this email address exists.", { field: "contactId" });
      const user = await repo.createUser(
        tx,
        {
          municipalityId: viewer.municipalityId,
          email,
          displayName: cleanName(contact.fullName, "contactId"),
          role: "ALLY",
          language: language ?? "NL",
          passwordHash: NO_PASSWORD,
          contactId: contact.id,
        },
        contact.districts.map((d) => ({ districtId: d.districtId, backup: false })),
      );
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "User",
        entityId: user.id,
        requestId,
        details: { role: "ALLY", contactId: contact.id },
      });
      await this.sendInvitation(tx, user);
      return user;
    });
  }

  // ─── one-time links (anyone with the link) ───

  async setPassword(tokenInput: string, password: string, requestId: string, clientAddress: string | null): Promise<boolean> {
    const { db, audit, auth, rateLimiter, rateLimits } = this.deps;
    if (clientAddress) await enforce(rateLimiter, rateLimits.resetPerAddress, clientAddress, "Too many attempts from this address.");
    const token = tokenInput.trim();
    if (!/^wkn_[A-Za-z0-9_-]{20,100}$/.test(token)) throw linkInvalid("TOKEN_INVALID");
    const found = await repo.findToken(db, hashToken(token));
    const now = this.now();
    if (!found || found.usedAt || found.user.status !== "ACTIVE") throw linkInvalid("TOKEN_INVALID");
    if (found.expiresAt <= now) throw linkInvalid("TOKEN_EXPIRED");
    checkPassword(password, "password", [found.user.email, found.user.displayName]);
    const passwordHash = await hashPassword(password);
    const revoked = await db.$transaction(async (tx) => {
      // Single use even when the link is opened twice at once: only one update wins.
      if ((await repo.useToken(tx, found.id, now)) === 0) throw linkInvalid("TOKEN_INVALID");
      await repo.closeTokensOfUser(tx, found.userId, now);
      await repo.updateUser(tx, found.userId, { passwordHash, passwordSetAt: now });
      await audit.record(tx, {
        municipalityId: found.user.municipalityId,
        actorId: found.userId,
        actorRole: found.user.role,
        action: "UPDATE",
        entityType: "User",
        entityId: found.userId,
        requestId,
        details: { fields: ["password"], via: found.purpose },
      });
      return auth.revokeSessionsOfUser(tx, found.userId);
    });
    auth.announceRevoked(revoked);
    return true;
  }

  /** Always true: whether the address has an account is not the caller's business. */
  async requestPasswordReset(emailInput: string, requestId: string, clientAddress: string | null): Promise<boolean> {
    const { db, audit, rateLimiter, rateLimits } = this.deps;
    const email = normaliseEmail(emailInput);
    if (email.length === 0 || email.length > 254 || !email.includes("@")) throw badInput("email", "Enter a valid email address.");
    if (clientAddress) await enforce(rateLimiter, rateLimits.resetPerAddress, clientAddress, "Too many requests from this address.");
    // Over the per-address limit the caller hears it; over the per-account limit nothing is
    // sent but the answer stays the same (it would otherwise say the address exists).
    const perAccount = await rateLimiter.hit(rateLimits.resetPerAccount, email);
    if (!perAccount.allowed) return true;
    const user = await repo.findUserByEmail(db, email);
    if (user?.status !== "ACTIVE") return true;
    await db.$transaction(async (tx) => {
      await repo.closeTokensOfUser(tx, user.id, this.now());
      const token = generateToken();
      await repo.createToken(tx, {
        userId: user.id,
        purpose: "RESET_PASSWORD",
        tokenHash: hashToken(token),
        expiresAt: new Date(this.now().getTime() + this.deps.resetTtlMinutes * 60_000),
      });
      const mail = resetMail(user.language, { name: user.displayName, link: LINK_PLACEHOLDER, minutes: this.deps.resetTtlMinutes });
      await this.deps.notifications.enqueue(tx, [
        {
          municipalityId: user.municipalityId,
          kind: "PASSWORD_RESET",
          recipient: user.email,
          subject: mail.subject,
          body: mail.body,
          linkToken: token,
        },
      ]);
      await audit.record(tx, {
        municipalityId: user.municipalityId,
        actorId: null,
        actorRole: null,
        action: "NOTIFY",
        entityType: "User",
        entityId: user.id,
        requestId,
        details: { kind: "PASSWORD_RESET" },
      });
    });
    return true;
  }

  // ─── one's own account ───

  async changePassword(viewerInput: Viewer | null, current: string, next: string, requestId: string): Promise<boolean> {
    const viewer = requireViewer(viewerInput);
    const { db, audit, auth, rateLimiter, rateLimits } = this.deps;
    await enforce(rateLimiter, rateLimits.changePassword, viewer.userId, "Too many attempts; try again later.");
    const user = await repo.findUser(db, viewer.municipalityId, viewer.userId);
    if (!user) throw unauthenticated();
    if (current.length > 1024 || !(await verifyPassword(user.passwordHash, current))) {
      throw new AppError("BAD_USER_INPUT", "currentPassword: The current password is not correct.", {
        field: "currentPassword",
        reason: "WRONG_PASSWORD",
      });
    }
    checkPassword(next, "newPassword", [user.email, user.displayName]);
    if (next === current) throw badInput("newPassword", "Choose a password that differs from the current one.");
    const passwordHash = await hashPassword(next);
    const revoked = await db.$transaction(async (tx) => {
      await repo.updateUser(tx, user.id, { passwordHash, passwordSetAt: this.now() });
      await repo.closeTokensOfUser(tx, user.id, this.now());
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "User",
        entityId: user.id,
        requestId,
        details: { fields: ["password"], via: "CHANGE" },
      });
      return auth.revokeSessionsOfUser(tx, user.id, { except: viewer.sessionId });
    });
    await rateLimiter.reset(rateLimits.changePassword, viewer.userId);
    auth.announceRevoked(revoked);
    return true;
  }

  async setMyLanguage(viewerInput: Viewer | null, language: Language, requestId: string): Promise<User> {
    const viewer = requireViewer(viewerInput);
    const { db, audit } = this.deps;
    return db.$transaction(async (tx) => {
      const user = await repo.updateUser(tx, viewer.userId, { language });
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "User",
        entityId: viewer.userId,
        requestId,
        details: { fields: ["language"] },
      });
      return user;
    });
  }

  async signOutEverywhere(viewerInput: Viewer | null, requestId: string): Promise<number> {
    const viewer = requireViewer(viewerInput);
    const { db, audit, auth } = this.deps;
    const revoked = await db.$transaction(async (tx) => {
      const ids = await auth.revokeSessionsOfUser(tx, viewer.userId);
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "LOGOUT",
        entityType: "User",
        entityId: viewer.userId,
        requestId,
        details: { sessions: ids.length, everywhere: true },
      });
      return ids;
    });
    auth.announceRevoked(revoked);
    return revoked.length;
  }

  // ─── helpers ───

  private async sendInvitation(tx: DbOrTx, user: User): Promise<void> {
    const token = generateToken();
    const hours = this.deps.invitationTtlHours;
    await repo.createToken(tx, {
      userId: user.id,
      purpose: "SET_PASSWORD",
      tokenHash: hashToken(token),
      expiresAt: new Date(this.now().getTime() + hours * 3_600_000),
    });
    const municipality = await repo.findMunicipality(tx, user.municipalityId);
    const mail = invitationMail(user.language, { name: user.displayName, municipality: municipality.name, link: LINK_PLACEHOLDER, hours });
    await this.deps.notifications.enqueue(tx, [
      {
        municipalityId: user.municipalityId,
        kind: "ACCOUNT_INVITATION",
        recipient: user.email,
        subject: mail.subject,
        body: mail.body,
        linkToken: token,
      },
    ]);
  }

  private async checkDistricts(
    municipalityId: string,
    role: Role,
    input: readonly { districtId: string; backup?: boolean | null }[],
  ): Promise<Assignment[]> {
    const districts = input.map((d, i) => ({
      districtId: requireId(d.districtId, `input.districts.${i}.districtId`),
      backup: d.backup === true,
    }));
    const problem = districtProblem(role, districts);
    if (problem) throw badInput("input.districts", districtMessage(problem));
    if (
      districts.length > 0 &&
      (await repo.countDistricts(
        this.deps.db,
        municipalityId,
        districts.map((d) => d.districtId),
      )) !== districts.length
    ) {
      throw badInput("input.districts", "Unknown district.");
    }
    return districts;
  }
}

function cleanName(value: string, field = "input.displayName"): string {
  const name = value.trim().replace(/\s+/g, " ");
  if (name.length === 0) throw badInput(field, "Enter a name.");
  if (name.length > MAX_NAME) throw badInput(field, `At most ${MAX_NAME} characters.`);
  return name;
}

function cleanEmail(value: string, field = "input.email"): string {
  const email = normaliseEmail(value);
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badInput(field, "Enter a valid email address.");
  return email;
}

function checkPassword(password: string, field: string, context: readonly string[]): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError("BAD_USER_INPUT", `${field}: ${PASSWORD_MESSAGES[problem]}`, { field, reason: `PASSWORD_${problem}` });
}

function linkInvalid(reason: "TOKEN_INVALID" | "TOKEN_EXPIRED"): AppError {
  return new AppError(
    "UNAUTHENTICATED",
    reason === "TOKEN_EXPIRED" ? "This link has expired; ask for a new one." : "This link is not valid (any more).",
    { reason },
  );
}

function refuseRoleChange(refusal: ReturnType<typeof roleChangeRefusal>): void {
  if (refusal === "OWN_ROLE_RAISED") throw forbidden("You cannot raise your own role.");
  if (refusal === "LAST_ADMIN")
    throw new AppError("CONFLICT", "The municipality needs at least one active admin.", { reason: "LAST_ADMIN" });
}

function districtMessage(problem: NonNullable<ReturnType<typeof districtProblem>>): string {
  switch (problem) {
    case "NOT_FOR_ROLE":
      return "Coordinators and admins work municipality-wide: leave the districts empty.";
    case "BACKUP_NOT_LIAISON":
      return "Only police liaisons can be backups.";
    case "DUPLICATE":
      return "A district is listed twice.";
  }
}
