import { Link, Paragraph } from "@utrecht/component-library-react";
import { useI18n } from "../../i18n/i18n-provider";

/**
 * "Report discrimination to the independent service": the link goes through the server's
 * counter (`GET /referral`), which adds one to the district's count for this month and
 * stores nothing else — the text says so.
 */
export function ReferralLink({ districtId }: { districtId: string | null }) {
  const { t } = useI18n();
  const href = districtId ? `/referral?district=${encodeURIComponent(districtId)}` : "/referral";
  return (
    <Paragraph className="wijknet-referral">
      <Link href={href} rel="noreferrer">
        {t("referral.link")}
      </Link>{" "}
      <span className="wijknet-muted">{t("referral.counted")}</span>
    </Paragraph>
  );
}
