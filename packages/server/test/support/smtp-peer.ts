import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  /** X-Wijknet-Notification-Id: the sender's key of the message (the alert delivery id). */
  id: string;
  data: string;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps what it accepts and,
 * per recipient address, refuses it (550) or drops the connection at RCPT TO.
 */
export class SmtpPeer {
  readonly received: ReceivedMail[] = [];
  /** Addresses refused with 550, for good. */
  readonly refuse = new Set<string>();
  /** Address → how many more times to drop the connection at its RCPT TO. */
  readonly drop = new Map<string, number>();
  private server!: SMTPServer;
  url = "";

  async start(): Promise<this> {
    const server: SMTPServer = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo: (address, session, callback) => {
        const to = address.address.toLowerCase();
        const drops = this.drop.get(to) ?? 0;
        if (drops > 0) {
          this.drop.set(to, drops - 1);
          // The connection dies mid-transaction, as when a server crashes or a firewall cuts it.
          const conn = [...(server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }).connections].find(
            (c) => c.id === session.id,
          );
          conn?._socket.destroy();
          return;
        }
        if (this.refuse.has(to)) {
          const err = new Error("Mailbox unavailable") as Error & { responseCode: number };
          err.responseCode = 550;
          return callback(err);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const data = Buffer.concat(chunks).toString("utf8");
          const id = /^X-Wijknet-Notification-Id: (.+)$/im.exec(data)?.[1]?.trim() ?? "";
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), id, data });
          callback();
        });
      },
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    this.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    return this;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address.toLowerCase()));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
