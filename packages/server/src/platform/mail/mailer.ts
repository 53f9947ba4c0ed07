import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";

export interface OutgoingMail {
  /** The notification id: also the file name in the local mailbox. */
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: "smtp" | "mailbox";
  send(mail: OutgoingMail): Promise<void>;
  /** Erasure: removes the local copies of these messages (the mailbox files); SMTP keeps none. */
  forget(ids: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * SMTP when `SMTP_URL` is set; otherwise every message is written to `mailboxDir` as one
 * JSON file (`<sent-at>-<id>.json`) that a person and the tests can read. Both go through
 * nodemailer, so the message is built the same way.
 */
export function createMailer(opts: { smtpUrl?: string | undefined; from: string; mailboxDir: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      kind: "smtp",
      async send(mail) {
        await transport.sendMail({
          from: opts.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          headers: { "X-Wijknet-Kind": mail.kind, "X-Wijknet-Notification-Id": mail.id },
        });
      },
      async forget() {
        // Sent mail is the recipient's; nothing is kept here.
      },
      async close() {
        transport.close();
      },
    };
  }
  const transport = nodemailer.createTransport({ jsonTransport: true });
  return {
    kind: "mailbox",
    async send(mail) {
      const info = await transport.sendMail({
        from: opts.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { "X-Wijknet-Kind": mail.kind, "X-Wijknet-Notification-Id": mail.id },
      });
      const message = JSON.parse(info.message) as Record<string, unknown>;
      await mkdir(opts.mailboxDir, { recursive: true });
      const sentAt = new Date().toISOString();
      const name = `${sentAt.replace(/[:.]/g, "-")}-${mail.id}.json`;
      const body = JSON.stringify(
        { id: mail.id, kind: mail.kind, sentAt, to: mail.to, subject: mail.subject, text: mail.text, message },
        null,
        2,
      );
      // Write then rename: a reader never sees half a message.
      const tmp = join(opts.mailboxDir, `.${name}.tmp`);
      await writeFile(tmp, body, "utf8");
      await rename(tmp, join(opts.mailboxDir, name));
    },
    async forget(ids) {
      if (ids.length === 0) return;
      const wanted = new Set(ids);
      let names: string[];
      try {
        names = await readdir(opts.mailboxDir);
      } catch {
        return;
      }
      // `<sent-at>-<id>.json` (and a `.…tmp` being written); the id is a UUID (36 characters).
      const idOf = (name: string) =>
        name
          .replace(/\.tmp$/, "")
          .replace(/\.json$/, "")
          .slice(-36);
      await Promise.all(names.filter((n) => wanted.has(idOf(n))).map((n) => rm(join(opts.mailboxDir, n), { force: true })));
    },
    async close() {
      transport.close();
    },
  };
}
