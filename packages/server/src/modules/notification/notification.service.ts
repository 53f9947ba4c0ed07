import type { Db, DbOrTx } from "../../platform/db/prisma.js";
import type { PublicUrl } from "../../platform/public-url.js";
import type { NotificationKind } from "../../generated/prisma/enums.js";
import type { Logger } from "../../platform/logger.js";
import type { AuditService } from "../audit/audit.service.js";
import type { Mailer } from "../../platform/mail/mailer.js";
import { notificationRepository as repo } from "./notification.repository.js";

/** What other features may read of a message (session invitations show it). */
export type { MessageDeliveryRow } from "./notification.repository.js";

/** Where the invitation link goes in a message body; filled in only when it is sent. */
export const LINK_PLACEHOLDER = "{{link}}";
const MAX_ATTEMPTS = 5;

/** The web app's page a message's one-time link opens: account links set a password, the rest are RSVPs. */
function linkPathOf(kind: NotificationKind): string {
  return kind === "ACCOUNT_INVITATION" || kind === "PASSWORD_RESET" ? "wachtwoord" : "rsvp";
}
const LEASE_MS = 60_000;
const BATCH = 50;

export interface NewNotification {
  municipalityId: string;
  kind: NotificationKind;
  recipient: string;
  subject: string;
  body: string;
  contactId?: string | null;
  sessionId?: string | null;
  invitationId?: string | null;
  /** Raw invitation token for the link in the body; kept only until the message is sent. */
  linkToken?: string | null;
  dueAt?: Date;
  /** Same key twice = one message (e.g. a reminder). */
  dedupeKey?: string | null;
}

/**
 * The notification outbox. Callers enqueue with the transaction of the change the message
 * announces, so a committed change always has its message and a rolled-back one never
 * does; the sweep delivers (at least once per row, exactly once while instances live:
 * claims are leased under `FOR UPDATE SKIP LOCKED`), retrying with backoff.
 */
export class NotificationService {
  constructor(
    private readonly deps: {
      db: Db;
      audit: AuditService;
      mailer: Mailer;
      publicUrl: Pick<PublicUrl, "href">;
      instanceId: string;
      log: Logger;
    },
  ) {}

  /** Internal API for other services: always pass the change's transaction. */
  async enqueue(tx: DbOrTx, items: readonly NewNotification[]): Promise<number> {
    return repo.createMany(
      tx,
      items.map((n) => ({
        municipalityId: n.municipalityId,
        kind: n.kind,
        recipient: n.recipient,
        subject: n.subject,
        body: n.body,
        contactId: n.contactId ?? null,
        sessionId: n.sessionId ?? null,
        invitationId: n.invitationId ?? null,
        linkToken: n.linkToken ?? null,
        dueAt: n.dueAt,
        dedupeKey: n.dedupeKey ?? null,
      })),
    );
  }

  /**
   * Sends what is due; returns how many this instance sent. `scope` limits it to one
   * municipality (an operator's "send now"; tests that must not touch each other's rows).
   */
  async deliverDue(now: Date, scope: { municipalityId?: string } = {}): Promise<number> {
    let sent = 0;
    for (;;) {
      const claimed = await repo.claimDue(this.deps.db, now, LEASE_MS, BATCH, scope.municipalityId ?? null);
      if (claimed.length === 0) return sent;
      for (const n of claimed) {
        try {
          if (!n.recipient) throw new Error("no recipient");
          const link = n.linkToken ? `${this.deps.publicUrl.href}/${linkPathOf(n.kind)}/${n.linkToken}` : "(link no longer available)";
          await this.deps.mailer.send({
            id: n.id,
            kind: n.kind,
            to: n.recipient,
            subject: n.subject,
            text: n.body.split(LINK_PLACEHOLDER).join(link),
          });
          // "Who was notified of what" is audited with the delivery (references only).
          await this.deps.db.$transaction(async (tx) => {
            await repo.markSent(tx, n.id, new Date(), this.deps.instanceId);
            await this.deps.audit.record(tx, {
              municipalityId: n.municipalityId,
              actorId: null,
              actorRole: null,
              action: "NOTIFY",
              entityType: n.invitationId ? "Invitation" : "Notification",
              entityId: n.invitationId ?? n.id,
              details: { kind: n.kind, notificationId: n.id, sessionId: n.sessionId, contactId: n.contactId },
            });
          });
          sent++;
        } catch (err) {
          const final = n.attempts >= MAX_ATTEMPTS;
          const retryAt = new Date(now.getTime() + 30_000 * 2 ** n.attempts);
          this.deps.log.warn(
            { notificationId: n.id, attempts: n.attempts, final, err: (err as Error).message },
            "notification delivery failed",
          );
          await repo.markFailed(this.deps.db, n.id, { final, retryAt, error: (err as Error).message.slice(0, 500) });
        }
      }
      if (claimed.length < BATCH) return sent;
    }
  }

  async deleteForSessions(tx: DbOrTx, sessionIds: readonly string[]): Promise<number> {
    return repo.deleteForSessions(tx, sessionIds);
  }

  /** Messages about these invitations not sent yet (invitation, reminder…): they must not go out. */
  async deletePendingForInvitations(tx: DbOrTx, invitationIds: readonly string[]): Promise<number> {
    return repo.deletePendingForInvitations(tx, invitationIds);
  }
}
