import { Paragraph } from "@utrecht/component-library-react";
import { PageHeading } from "../../kit/page-heading";
import { useI18n } from "../../i18n/i18n-provider";
import { TwoFactorEnrolment } from "./two-factor-enrolment";

/** Shown instead of every page while the session may only set up two-step verification. */
export function TwoFactorRequiredPage({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("twoFactor.title")}>{t("twoFactor.title")}</PageHeading>
      <Paragraph>{t("twoFactor.required")}</Paragraph>
      <TwoFactorEnrolment onDone={onDone} />
    </>
  );
}
