import type { AlertChannel, AlertDeliveryStatus } from "../../generated/gql/graphql";
import { useFormat } from "../../kit/format";
import { useI18n } from "../../i18n/i18n-provider";

export interface Receipt {
  channel: AlertChannel;
  device?: string | null;
  status: AlertDeliveryStatus;
  deliveredAt?: string | null;
  seenAt?: string | null;
  failedAt?: string | null;
  failureReason?: string | null;
}

/** Per channel of one alert: delivered, seen, failed (with the code), for the signal page's alert table. */
export function AlertReceipts({ receipts }: { receipts: readonly Receipt[] }) {
  const { t } = useI18n();
  const format = useFormat();
  const channel = (c: AlertChannel) =>
    c === "PUSH" ? t("receipts.channel.PUSH") : c === "EMAIL" ? t("receipts.channel.EMAIL") : t("receipts.channel.CONSOLE");
  const status = (r: Receipt) => {
    if (r.status === "DELIVERED") return t("receipts.status.DELIVERED", { time: r.deliveredAt ? format.dateTime(r.deliveredAt) : "" });
    if (r.status === "FAILED")
      return t("receipts.status.FAILED", { time: r.failedAt ? format.dateTime(r.failedAt) : "", reason: r.failureReason ?? "" });
    if (r.status === "CANCELLED") return t("receipts.status.CANCELLED");
    return r.failureReason ? t("receipts.retrying", { reason: r.failureReason }) : t("receipts.status.PENDING");
  };
  return (
    <ul className="wijknet-receipts" aria-label={t("receipts.heading")}>
      {receipts.map((r, i) => (
        <li key={`${r.channel}-${i}`} data-channel={r.channel} data-status={r.status}>
          {channel(r.channel)}
          {r.device ? ` (${r.device})` : ""}: {status(r)}
          {r.seenAt ? `, ${t("receipts.seen", { time: format.dateTime(r.seenAt) })}` : ""}
        </li>
      ))}
    </ul>
  );
}
