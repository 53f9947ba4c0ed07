import { Paragraph } from "@utrecht/component-library-react";
import { useI18n } from "../i18n/i18n-provider";
import { PageHeading } from "../kit/page-heading";
import { RouteLink } from "../kit/router";

/** A page the viewer's role may not open: it exists, so say so, not "not found". */
export function NoAccessPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("noAccess.title")}>{t("noAccess.title")}</PageHeading>
      <Paragraph>{t("noAccess.body")}</Paragraph>
      <Paragraph>
        <RouteLink to={{ name: "home" }}>{t("notFound.home")}</RouteLink>
      </Paragraph>
    </>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("notFound.title")}>{t("notFound.title")}</PageHeading>
      <Paragraph>{t("notFound.body")}</Paragraph>
      <Paragraph>
        <RouteLink to={{ name: "home" }}>{t("notFound.home")}</RouteLink>
      </Paragraph>
    </>
  );
}
