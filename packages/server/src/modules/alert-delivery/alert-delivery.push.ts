import webpush from "web-push";

export interface PushSubscriptionKeys {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushResult {
  status: number;
  /** Seconds the push service asked us to wait (429/503 Retry-After), when it said. */
  retryAfterSeconds: number | null;
}

/** Sends one encrypted Web Push message (RFC 8030 + RFC 8291 aes128gcm + RFC 8292 VAPID). */
export interface PushSender {
  readonly publicKey: string;
  send(
    device: PushSubscriptionKeys,
    payload: string,
    opts: { ttlSeconds: number; urgency: "high" | "normal"; topic: string },
  ): Promise<PushResult>;
}

const TIMEOUT_MS = 10_000;

/**
 * `web-push` builds the request (VAPID JWT, aes128gcm encryption); we POST it ourselves with
 * fetch, so the answer is ours to interpret (201 accepted, 404/410 gone, 429/5xx retry) and
 * a loopback push service (tests, a local relay) works over plain http.
 */
export function createPushSender(cfg: {
  publicKey?: string | undefined;
  privateKey?: string | undefined;
  subject?: string | undefined;
}): PushSender | null {
  const { publicKey, privateKey, subject } = cfg;
  if (!publicKey || !privateKey || !subject) return null;
  // Fails at boot on a malformed key pair, not at the first alert.
  webpush.generateRequestDetails({ endpoint: "https://push.invalid/x", keys: { p256dh: "", auth: "" } }, null, {
    vapidDetails: { subject, publicKey, privateKey },
  });
  return {
    publicKey,
    async send(device, payload, opts) {
      const details = webpush.generateRequestDetails(
        { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
        payload,
        {
          vapidDetails: { subject, publicKey, privateKey },
          TTL: opts.ttlSeconds,
          urgency: opts.urgency,
          topic: opts.topic,
          contentEncoding: "aes128gcm",
        },
      );
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(details.headers)) headers[k] = String(v);
      delete headers["Content-Length"];
      const res = await fetch(details.endpoint, {
        method: "POST",
        headers,
        body: details.body ? new Uint8Array(details.body) : null,
        redirect: "error",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      const retryAfter = Number(res.headers.get("retry-after"));
      return { status: res.status, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null };
    },
  };
}
