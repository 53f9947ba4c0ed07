import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useEffect, useRef } from "react";
import {
  MarkAlertSeenDocument,
  PushDevicesDocument,
  RegisterPushDeviceDocument,
  RevokePushDeviceDocument,
} from "../../generated/gql/graphql";

/** Which of the listed devices is this browser (the id the server gave at registration). */
const DEVICE_KEY = "wijknet.pushDeviceId";
export const thisDeviceId = (): string | null => {
  try {
    return localStorage.getItem(DEVICE_KEY);
  } catch {
    return null;
  }
};

export type PushSupport = "supported" | "unsupported";
export const pushSupport = (): PushSupport =>
  typeof navigator !== "undefined" &&
  "serviceWorker" in navigator &&
  typeof window !== "undefined" &&
  "PushManager" in window &&
  "Notification" in window
    ? "supported"
    : "unsupported";

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export function usePushDevices() {
  const { data, loading, error, refetch } = useQuery(PushDevicesDocument, { fetchPolicy: "cache-and-network" });
  return { settings: data?.pushSettings ?? null, devices: data?.myPushDevices ?? [], loading, error, refetch };
}

export type EnableOutcome = "enabled" | "denied" | "unsupported" | "failed";

/** Subscribes this browser at the push service (service worker /sw.js) and registers it with wijknet. */
export function useEnablePush() {
  const [register, { loading }] = useMutation(RegisterPushDeviceDocument, { refetchQueries: [PushDevicesDocument] });
  const enable = useCallback(
    async (publicKey: string): Promise<EnableOutcome> => {
      if (pushSupport() === "unsupported") return "unsupported";
      try {
        const permission = await Notification.requestPermission();
        if (permission !== "granted") return "denied";
        await navigator.serviceWorker.register("/sw.js");
        const registration = await navigator.serviceWorker.ready;
        const subscription =
          (await registration.pushManager.getSubscription()) ??
          (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
        const json = subscription.toJSON();
        const result = await register({
          variables: { input: { endpoint: subscription.endpoint, p256dh: json.keys?.["p256dh"] ?? "", auth: json.keys?.["auth"] ?? "" } },
        });
        const id = result.data?.registerPushDevice.id;
        if (!id) return "failed";
        localStorage.setItem(DEVICE_KEY, id);
        return "enabled";
      } catch {
        return "failed";
      }
    },
    [register],
  );
  return { enable, enabling: loading };
}

export function useRevokePush() {
  const [revoke, { loading }] = useMutation(RevokePushDeviceDocument, { refetchQueries: [PushDevicesDocument] });
  const run = useCallback(
    async (id: string): Promise<boolean> => {
      try {
        await revoke({ variables: { id } });
        if (id === thisDeviceId()) {
          localStorage.removeItem(DEVICE_KEY);
          // This browser's subscription goes too, so the push service stops holding it.
          const registration = "serviceWorker" in navigator ? await navigator.serviceWorker.getRegistration("/sw.js") : undefined;
          await (await registration?.pushManager.getSubscription())?.unsubscribe();
        }
        return true;
      } catch {
        return false;
      }
    },
    [revoke],
  );
  return { revoke: run, revoking: loading };
}

/**
 * A click on a push opens `/signalen/<id>?alert=<alertId>&seen=<deliveryId>`: report it as
 * seen once (the delivery id is the dedupe key, so a reload changes nothing).
 */
export function useReportPushSeen(search: string) {
  const [mark] = useMutation(MarkAlertSeenDocument);
  const sent = useRef<string | null>(null);
  useEffect(() => {
    const params = new URLSearchParams(search);
    const alertId = params.get("alert");
    const key = params.get("seen");
    if (!alertId || !key || sent.current === key) return;
    sent.current = key;
    void mark({ variables: { alertId, channel: "PUSH", dedupeKey: key } }).catch(() => undefined);
  }, [search, mark]);
}
