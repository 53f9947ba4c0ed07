import type { Translations } from "../../i18n/messages";
import type { nl } from "./messages.nl";

export const en: Translations<typeof nl> = {
  "push.heading": "Notifications on this device",
  "push.intro":
    "Get a notification on your phone or computer when there is a signal for you, also when wijknet is not open. The screen shows only the district, the kind and the severity. Not what happened.",
  "push.off": "Notifications on devices are off on this server. You get alerts in wijknet and by email.",
  "push.unsupported": "This browser cannot receive notifications.",
  "push.denied": "You blocked notifications for wijknet in your browser. Allow them in your browser's settings.",
  "push.enable": "Turn on notifications on this device",
  "push.disable": "Turn off notifications on this device",
  "push.enabled": "Notifications are on for this device.",
  "push.disabled": "Notifications are off for this device.",
  "push.failed": "That did not work. Please try again later.",
  "push.devicesHeading": "Devices with notifications",
  "push.devicesEmpty": "No devices yet.",
  "push.device": "Through {service}, turned on {created}",
  "push.deviceLast": "last notification {time}",
  "push.thisDevice": "this device",
  "push.revoke": "Turn off",
  "push.revokeLabel": "Turn off notifications for the device through {service}",
  "receipts.heading": "Delivery",
  "receipts.channel.CONSOLE": "wijknet open",
  "receipts.channel.PUSH": "device notification",
  "receipts.channel.EMAIL": "email",
  "receipts.status.PENDING": "not delivered yet",
  "receipts.status.DELIVERED": "delivered {time}",
  "receipts.status.FAILED": "failed {time} ({reason})",
  "receipts.status.CANCELLED": "not needed",
  "receipts.seen": "seen {time}",
  "receipts.retrying": "retrying ({reason})",
};
