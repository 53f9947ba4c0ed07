import { Alert, ButtonGroup, ButtonLink, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { useSessionState } from "../../lib/services";
import { useI18n } from "../../i18n/i18n-provider";
import { LoginForm } from "./login-form";
import { useSsoProvider } from "./use-sso";

export function LoginPage() {
  const { t } = useI18n();
  const { endReason } = useSessionState();
  const sso = useSsoProvider();
  // Screen readers announce changes to a live region, not content that was
  // already there when it appeared; so the notice is added just after mount.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  return (
    <>
      <PageHeading title={t("login.title")}>{t("login.heading")}</PageHeading>
      <div aria-live="polite">
        {mounted && endReason && (
          <Alert type={endReason === "expired" ? "warning" : "info"} role="none">
            <Paragraph>{t(endReason === "expired" ? "login.notice.expired" : "login.notice.loggedOut")}</Paragraph>
          </Alert>
        )}
      </div>
      <Paragraph>{t("login.intro")}</Paragraph>
      {sso && (
        <ButtonGroup>
          {/* A plain link: the browser leaves for the identity provider and comes back to /inloggen/sso. */}
          <ButtonLink appearance="secondary-action-button" href={sso.startUrl}>
            {t("sso.button", { label: sso.label })}
          </ButtonLink>
        </ButtonGroup>
      )}
      <LoginForm />
      <Paragraph>
        <RouteLink to={{ name: "forgotPassword" }}>{t("forgot.link")}</RouteLink>
      </Paragraph>
      <Paragraph>
        <RouteLink to={{ name: "howItWorks" }}>{t("login.howItWorks")}</RouteLink>
      </Paragraph>
    </>
  );
}
