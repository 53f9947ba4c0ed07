import { Alert, Button, ButtonGroup, Heading, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useState } from "react";
import { useFormat } from "../../kit/format";
import { useI18n } from "../../i18n/i18n-provider";
import { pushSupport, thisDeviceId, useEnablePush, usePushDevices, useRevokePush, type EnableOutcome } from "./use-alert-delivery";

/** "Meldingen op dit apparaat" on the account page: turn push on or off here, and the list of devices. */
export function DeviceNotifications() {
  const { t } = useI18n();
  const format = useFormat();
  const { settings, devices } = usePushDevices();
  const { enable, enabling } = useEnablePush();
  const { revoke, revoking } = useRevokePush();
  const [outcome, setOutcome] = useState<EnableOutcome | "revoked" | "revokeFailed" | null>(null);
  const mine = thisDeviceId();
  const here = devices.find((d) => d.id === mine) ?? null;

  const message = {
    enabled: t("push.enabled"),
    denied: t("push.denied"),
    unsupported: t("push.unsupported"),
    failed: t("push.failed"),
    revoked: t("push.disabled"),
    revokeFailed: t("push.failed"),
  } as const;

  return (
    <section aria-labelledby="device-notifications">
      <Heading level={2} id="device-notifications">
        {t("push.heading")}
      </Heading>
      <Paragraph>{t("push.intro")}</Paragraph>
      {settings && !settings.enabled ? (
        <Paragraph>{t("push.off")}</Paragraph>
      ) : pushSupport() === "unsupported" ? (
        <Paragraph>{t("push.unsupported")}</Paragraph>
      ) : (
        <ButtonGroup>
          {here ? (
            <Button
              appearance="secondary-action-button"
              type="button"
              disabled={revoking}
              onClick={() => void revoke(here.id).then((ok) => setOutcome(ok ? "revoked" : "revokeFailed"))}
            >
              {t("push.disable")}
            </Button>
          ) : (
            <Button
              appearance="primary-action-button"
              type="button"
              disabled={enabling || !settings?.publicKey}
              onClick={() => settings?.publicKey && void enable(settings.publicKey).then(setOutcome)}
            >
              {t("push.enable")}
            </Button>
          )}
        </ButtonGroup>
      )}
      <div aria-live="polite">
        {outcome && (
          <Alert type={outcome === "enabled" || outcome === "revoked" ? "ok" : "warning"} role="none">
            <Paragraph>{message[outcome]}</Paragraph>
          </Alert>
        )}
      </div>
      <Heading level={3}>{t("push.devicesHeading")}</Heading>
      {devices.length === 0 ? (
        <Paragraph>{t("push.devicesEmpty")}</Paragraph>
      ) : (
        <UnorderedList>
          {devices.map((d) => (
            <UnorderedListItem key={d.id}>
              {t("push.device", { service: d.service, created: format.dateTime(d.createdAt) })}
              {d.lastSuccessAt && `, ${t("push.deviceLast", { time: format.dateTime(d.lastSuccessAt) })}`}
              {d.id === mine && ` (${t("push.thisDevice")})`}{" "}
              <Button
                appearance="subtle-button"
                type="button"
                disabled={revoking}
                aria-label={t("push.revokeLabel", { service: d.service })}
                onClick={() => void revoke(d.id).then((ok) => setOutcome(ok ? "revoked" : "revokeFailed"))}
              >
                {t("push.revoke")}
              </Button>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
