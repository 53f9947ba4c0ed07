import { Paragraph } from "@utrecht/component-library-react";
import { PageHeading } from "../../kit/page-heading";
import { useI18n } from "../../i18n/i18n-provider";
import { roleMessageKey } from "../auth/role-label";
import type { Viewer } from "../auth/use-viewer";
import { DistrictTable } from "../districts/district-table";

export function HomePage({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("home.title")}>{t("home.welcome", { name: viewer.displayName })}</PageHeading>
      <Paragraph>{t("home.role", { role: t(roleMessageKey(viewer.role)), municipality: viewer.municipality.name })}</Paragraph>
      <DistrictTable municipality={viewer.municipality.name} />
    </>
  );
}
