/*
 * wijknet service worker: shows alert pushes and opens the alert on a click.
 * The push carries only district, kind and severity (and the summary if the user chose so):
 * see packages/server/src/modules/alert-delivery. One notification per alert (`tag`).
 */
const LABELS = {
  nl: {
    TENSION: "Spanning",
    INCIDENT: "Incident",
    UNREST: "Onrust",
    RUMOUR: "Gerucht",
    ONLINE: "Online",
    LOW: "laag",
    MEDIUM: "middel",
    HIGH: "hoog",
    CRITICAL: "kritiek",
  },
  en: {
    TENSION: "Tension",
    INCIDENT: "Incident",
    UNREST: "Unrest",
    RUMOUR: "Rumour",
    ONLINE: "Online",
    LOW: "low",
    MEDIUM: "medium",
    HIGH: "high",
    CRITICAL: "critical",
  },
};

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const lang = (self.navigator.language || "nl").toLowerCase().startsWith("en") ? "en" : "nl";
  const l = LABELS[lang];
  const title = lang === "en" ? "wijknet: open wijknet" : "wijknet: open wijknet";
  const line = [data.district, l[data.kind] || data.kind, l[data.severity] || data.severity].filter(Boolean).join(" · ");
  const body = data.summary ? `${line}\n${data.summary}` : line;
  event.waitUntil(
    self.registration.showNotification(title, {
      body,
      tag: data.alertId || "wijknet",
      renotify: true,
      requireInteraction: data.severity === "CRITICAL",
      data: { url: data.url, deliveryId: data.deliveryId },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const { url, deliveryId } = event.notification.data || {};
  if (!url) return;
  // Same origin only: the payload's URL is built by our server, but never open anything else.
  const target = new URL(url, self.location.origin);
  if (target.origin !== self.location.origin) target.href = new URL(target.pathname + target.search, self.location.origin).href;
  if (deliveryId) target.searchParams.set("seen", deliveryId);
  event.waitUntil(self.clients.openWindow(target.href));
});
