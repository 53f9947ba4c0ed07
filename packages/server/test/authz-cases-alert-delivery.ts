/** Authorization decisions of alert delivery: one's own devices and rules, receipts with the alert. */
import { op, signedIn, type CaseModule, type Expectation } from "./authz-cases.js";
import { graphql } from "./generated/index.js";

const allBadInput: Expectation = {
  coordinator: "BAD_USER_INPUT",
  admin: "BAD_USER_INPUT",
  liaison: "BAD_USER_INPUT",
  otherLiaison: "BAD_USER_INPUT",
  ally: "BAD_USER_INPUT",
  anonymous: "UNAUTHENTICATED",
};
const liaisonOwnOnly: Expectation = {
  coordinator: "NOT_FOUND",
  admin: "NOT_FOUND",
  liaison: "OK",
  otherLiaison: "NOT_FOUND",
  ally: "NOT_FOUND",
  anonymous: "UNAUTHENTICATED",
};

export const ALERT_DELIVERY_MODULE: CaseModule = {
  name: "alert delivery",
  sensitive: ["Alert.receipts"],
  async setup(app, w) {
    const device = await app.db.prisma.pushDevice.create({
      data: {
        userId: w.users.liaison.id,
        endpoint: `https://fcm.googleapis.com/fcm/send/matrix-${w.municipality.id}`,
        p256dh: "x",
        auth: "y",
        service: "fcm.googleapis.com",
      },
    });
    return { liaisonDevice: device.id };
  },
  cases: [
    {
      covers: ["Query.pushSettings", "Query.myPushDevices", "Query.myNotificationRules"],
      name: "one's own push settings, devices and notification rules",
      operation: () =>
        op(
          graphql(`query AuthzDeliveryOwn { pushSettings { enabled } myPushDevices { id } myNotificationRules { emailAfterSeconds } }`),
          {},
        ),
      expect: signedIn,
    },
    {
      covers: ["Mutation.registerPushDevice"],
      name: "registering a device (push is off on the test server: refused for everyone signed in)",
      operation: () =>
        op(graphql(`mutation AuthzDeliveryRegister($i: RegisterPushDeviceInput!) { registerPushDevice(input: $i) { id } }`), {
          i: { endpoint: "https://fcm.googleapis.com/fcm/send/x", p256dh: "a".repeat(87), auth: "b".repeat(22) },
        }),
      expect: allBadInput,
    },
    {
      covers: ["Mutation.revokePushDevice"],
      name: "revoking a device: the owner's alone (the liaison's device is NOT_FOUND for everyone else)",
      operation: ({ ids }) =>
        op(graphql(`mutation AuthzDeliveryRevoke($id: ID!) { revokePushDevice(id: $id) }`), { id: ids["liaisonDevice"]! }),
      expect: liaisonOwnOnly,
    },
    {
      covers: ["Mutation.updateNotificationRules"],
      name: "one's own notification rules",
      operation: () =>
        op(graphql(`mutation AuthzDeliveryRules($i: NotificationRulesInput!) { updateNotificationRules(input: $i) { pushEnabled } }`), {
          i: { pushEnabled: true, emailEnabled: true, pushShowsSummary: false },
        }),
      expect: signedIn,
    },
    {
      covers: ["Mutation.markAlertSeen"],
      name: "marking one's own alert seen; the liaison's alert is NOT_FOUND for everyone else",
      operation: async ({ app, w, ids }) => {
        const alert = await app.db.prisma.alert.findFirstOrThrow({
          where: { signalId: ids["signalShared"]!, recipientId: w.users.liaison.id },
        });
        return op(graphql(`mutation AuthzDeliverySeen($id: ID!) { markAlertSeen(alertId: $id, channel: CONSOLE, dedupeKey: "matrix") }`), {
          id: alert.id,
        });
      },
      expect: liaisonOwnOnly,
    },
    {
      covers: ["Alert.receipts"],
      name: "receipts go with the alert: whoever may read the signal's alerts",
      operation: ({ ids }) =>
        op(graphql(`query AuthzDeliveryReceipts($id: ID!) { signal(id: $id) { alerts { receipts { channel status } } } }`), {
          id: ids["signalShared"]!,
        }),
      probe: (data) => ((data["signal"]?.alerts ?? []).some((a: { receipts: unknown[] }) => a.receipts.length > 0) ? "OK" : "HIDDEN"),
      expect: { coordinator: "OK", admin: "NULL", liaison: "OK", otherLiaison: "NULL", ally: "NULL", anonymous: "UNAUTHENTICATED" },
    },
  ],
};
