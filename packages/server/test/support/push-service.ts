import { createECDH, createHmac, createDecipheriv, createPublicKey, randomBytes, verify, hkdfSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Web Push service stand-in speaking the protocol (RFC 8030): it accepts the POST of a
 * message to a subscription's endpoint, checks the VAPID JWT (RFC 8292) against the
 * application server key, decrypts the aes128gcm body (RFC 8291 / RFC 8188) with the
 * subscription's private key and auth secret — written here with node:crypto, not with the
 * library the server uses — and answers with the status a test asks for (201 by default).
 */

export interface PushSubscriptionStub {
  /** PushSubscription.endpoint */
  endpoint: string;
  /** base64url, as PushSubscription.getKey("p256dh") / ("auth") give them */
  p256dh: string;
  auth: string;
}

export interface ReceivedPush {
  subscription: string;
  at: number;
  status: number;
  /** The decrypted payload, parsed as JSON; null when the request was refused before decryption. */
  payload: Record<string, unknown> | null;
  headers: Record<string, string | string[] | undefined>;
  error: string | null;
}

interface Client {
  ecdh: ReturnType<typeof createECDH>;
  publicKey: Buffer;
  auth: Buffer;
  /** Status codes to answer next, in order; then 201. */
  answers: number[];
}

export class PushServiceStandIn {
  readonly received: ReceivedPush[] = [];
  private readonly clients = new Map<string, Client>();
  private server!: Server;
  url = "";

  /** `vapidPublicKey`: the server's application server key (base64url), as a browser subscribes with it. */
  constructor(private readonly vapidPublicKey: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, headers }) => {
        res.writeHead(status, headers);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A new browser subscription: its own P-256 key pair and auth secret, like PushManager.subscribe. */
  subscribe(): PushSubscriptionStub {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const id = randomBytes(12).toString("hex");
    const client: Client = { ecdh, publicKey: ecdh.getPublicKey(), auth: randomBytes(16), answers: [] };
    this.clients.set(id, client);
    return { endpoint: `${this.url}/push/${id}`, p256dh: client.publicKey.toString("base64url"), auth: client.auth.toString("base64url") };
  }

  /** The next answers for this subscription (e.g. [429, 201] or [410]). */
  answer(sub: PushSubscriptionStub, ...statuses: number[]): void {
    this.clientOf(sub.endpoint)!.answers.push(...statuses);
  }

  /** Messages accepted (201) for one subscription, decrypted. */
  delivered(sub: PushSubscriptionStub): ReceivedPush[] {
    return this.received.filter((r) => r.subscription === sub.endpoint && r.status === 201);
  }

  private clientOf(endpoint: string): Client | undefined {
    return this.clients.get(endpoint.split("/").pop() ?? "");
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const endpoint = `${this.url}${req.url}`;
    const record = (status: number, payload: Record<string, unknown> | null, error: string | null) => {
      this.received.push({ subscription: endpoint, at: Date.now(), status, payload, headers: req.headers, error });
      const headers: Record<string, string> = status === 429 ? { "retry-after": "0" } : {};
      return { status, headers };
    };
    const client = this.clientOf(endpoint);
    if (req.method !== "POST" || !client) return record(404, null, "unknown subscription");
    try {
      this.checkVapid(String(req.headers.authorization ?? ""));
      if (req.headers["content-encoding"] !== "aes128gcm") throw new Error("not aes128gcm");
      if (!req.headers.ttl) throw new Error("no TTL");
    } catch (err) {
      return record(403, null, (err as Error).message);
    }
    const planned = client.answers.shift();
    if (planned && planned !== 201) return record(planned, null, null);
    try {
      return record(201, JSON.parse(decrypt(body, client).toString("utf8")) as Record<string, unknown>, null);
    } catch (err) {
      return record(400, null, (err as Error).message);
    }
  }

  /** `vapid t=<JWT>, k=<key>` (RFC 8292 §3): ES256 by our key, audience = this origin, not expired. */
  private checkVapid(header: string): void {
    const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header);
    if (!m) throw new Error("no vapid authorization");
    const [, jwt, k] = m as unknown as [string, string, string];
    if (k !== this.vapidPublicKey) throw new Error("unknown application server key");
    const [h, p, s] = jwt.split(".") as [string, string, string];
    const head = JSON.parse(Buffer.from(h, "base64url").toString()) as { alg: string };
    const claims = JSON.parse(Buffer.from(p, "base64url").toString()) as { aud: string; exp: number; sub: string };
    if (head.alg !== "ES256") throw new Error("alg");
    const raw = Buffer.from(k, "base64url");
    const key = createPublicKey({
      key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33, 65).toString("base64url") },
      format: "jwk",
    });
    const ok = verify("sha256", Buffer.from(`${h}.${p}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url"));
    if (!ok) throw new Error("bad signature");
    if (claims.aud !== this.url) throw new Error(`audience ${claims.aud}`);
    const now = Date.now() / 1000;
    if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) throw new Error("expiry");
    if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error("subject");
  }
}

/** RFC 8188 header (salt, rs, keyid = sender's public key) + RFC 8291 key derivation; one record. */
function decrypt(body: Buffer, client: Client): Buffer {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  if (idlen !== 65 || ciphertext.length > rs) throw new Error("unexpected header");
  const ecdhSecret = client.ecdh.computeSecret(asPublic);
  // PRK_key = HMAC(auth, ecdh_secret); IKM = HKDF-Expand(PRK_key, "WebPush: info" || 0 || ua_public || as_public, 32)
  const prkKey = createHmac("sha256", client.auth).update(ecdhSecret).digest();
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), client.publicKey, asPublic, Buffer.from([1])]);
  const ikm = createHmac("sha256", prkKey).update(keyInfo).digest();
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // Last record: content, then the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("no last-record delimiter");
  return padded.subarray(0, end);
}
