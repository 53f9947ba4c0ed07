import type { User } from "../../generated/prisma/client.js";
import type { Viewer } from "../../core/viewer.js";
import { requireRole } from "../../core/authz.js";
import { conflict, notFound } from "../../core/errors.js";
import { requireId } from "../../core/ids.js";
import type { PersonalDataRunner } from "../../kernel/privacy.js";
import type { Db } from "../../platform/db/prisma.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AuthService } from "../auth/auth.service.js";
import type { ContactService } from "../contact/contact.service.js";
import type { SignalService } from "../signal/signal.service.js";

/**
 * Erasure of a person's user account, together with their contact: one transaction runs
 * every feature's erase step (kernel/privacy.ts) for the account and the linked contact,
 * with an ANONYMISE audit row; after the commit the sessions are ended on every instance
 * (sockets close through the revocation doorbell) and mailbox copies are removed.
 */
export class ErasureService {
  constructor(
    private readonly deps: {
      db: Db;
      audit: AuditService;
      auth: AuthService;
      contacts: ContactService;
      signals: SignalService;
      personalData: PersonalDataRunner;
      now?: () => Date;
    },
  ) {}

  async eraseUser(viewerInput: Viewer | null, id: string, requestId: string): Promise<User> {
    const viewer = requireRole(viewerInput, "ADMIN");
    const userId = requireId(id, "id");
    if (userId === viewer.userId) throw conflict("You cannot erase your own account; ask another administrator.");
    const now = this.deps.now?.() ?? new Date();
    const { db, audit, auth, contacts, personalData } = this.deps;
    const { user, committed } = await db.$transaction(async (tx) => {
      const user = await auth.lockForErasure(tx, userId);
      if (!user || user.municipalityId !== viewer.municipalityId) throw notFound("User");
      if (user.erasedAt) return { user, committed: async () => undefined };
      const who = {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        requestId,
        reason: "account erasure",
      };
      const { committed } = user.contactId
        ? await contacts.eraseInTx(tx, user.contactId, now, who, [user.id])
        : { committed: await personalData.erase(tx, { contactIds: [], userIds: [user.id], now }) };
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "ANONYMISE",
        entityType: "User",
        entityId: user.id,
        details: { contactErased: user.contactId !== null },
        requestId,
      });
      return { user: (await auth.lockForErasure(tx, userId))!, committed };
    });
    await committed();
    return user;
  }

  /**
   * GDPR access for an account (administrators): the account (no password hash or tokens),
   * the signals it reported, its audit entries as actor and, when linked, the contact's
   * full subject-access document. Audited as an export.
   */
  async userDataExport(viewerInput: Viewer | null, id: string, requestId: string) {
    const viewer = requireRole(viewerInput, "ADMIN");
    const userId = requireId(id, "id");
    const generatedAt = this.deps.now?.() ?? new Date();
    const { db, audit, auth, signals, personalData } = this.deps;
    return db.$transaction(async (tx) => {
      const account = await auth.accountForExport(tx, userId);
      if (!account || account.municipalityId !== viewer.municipalityId) throw notFound("User");
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "EXPORT",
        entityType: "User",
        entityId: userId,
        details: { kind: "subject-access" },
        requestId,
      });
      const document = {
        generatedAt: generatedAt.toISOString(),
        account,
        signalsReported: await signals.reportedBy(tx, userId),
        auditEntries: (await audit.entriesOf(tx, userId)).map((e) => ({ ...e, at: e.at.toISOString() })),
        contact: account.contactId ? await personalData.export(tx, account.contactId) : null,
      };
      return { userId, generatedAt, json: JSON.stringify(document, null, 2) };
    });
  }
}
