/**
 * The base URL people reach this deployment at: links in email and calendar files start
 * with it. PUBLIC_URL when configured; otherwise the address this instance actually
 * listens on, known once the HTTP server is bound (PORT=0 picks a free port), so a
 * server started with PORT=4301 never mails links to :4000.
 */
export class PublicUrl {
  private listenedOn: string | null = null;
  constructor(private readonly configured: string | undefined) {}

  /** Called by the composition root once the HTTP server listens. */
  listening(url: string): void {
    this.listenedOn = url;
  }

  /** Without a trailing slash, so `${href}/rsvp/…` is always one slash. */
  get href(): string {
    const base = this.configured ?? this.listenedOn;
    if (!base) throw new Error("PublicUrl read before the server listens and without PUBLIC_URL");
    return base.replace(/\/+$/, "");
  }

  /** What looks wrong about the effective URL, for one warning line at boot. */
  warnings(listenedOn: { url: string; port: number }, production: boolean): string[] {
    const out: string[] = [];
    const effective = new URL(this.href);
    if (!this.configured && production) out.push("PUBLIC_URL is not set: links in email point at this instance's own address");
    if (production && effective.protocol !== "https:") out.push("PUBLIC_URL is not https: links in email are sent in the clear");
    const local = ["localhost", "127.0.0.1", "[::1]"].includes(effective.hostname);
    const port = Number(effective.port || (effective.protocol === "https:" ? 443 : 80));
    if (this.configured && local && port !== listenedOn.port) {
      out.push(`PUBLIC_URL points at ${effective.host} but this instance listens on port ${listenedOn.port}`);
    }
    return out;
  }
}
