import { Alert, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { useI18n } from "../../i18n/i18n-provider";
import { NewPasswordForm } from "./new-password-form";
import { useSetPassword, type Outcome } from "./use-account";

/** `/wachtwoord/<token>`: the link of an invitation or a reset email. Works logged out. */
export function SetPasswordPage({ token }: { token: string }) {
  const { t } = useI18n();
  const { setPassword, saving } = useSetPassword();
  const [done, setDone] = useState(false);

  const describeFailure = (outcome: Extract<Outcome, { ok: false }>) => {
    if (outcome.reasons.includes("TOKEN_EXPIRED")) return t("setPassword.expired");
    if (outcome.codes.includes("UNAUTHENTICATED")) return t("setPassword.invalid");
    if (outcome.codes.includes("RATE_LIMITED")) return t("setPassword.rateLimited");
    return t("setPassword.failed");
  };

  return (
    <>
      <PageHeading title={t("setPassword.title")}>{t("setPassword.title")}</PageHeading>
      <div aria-live="polite">
        {done && (
          <Alert type="ok" role="none">
            <Paragraph>{t("setPassword.done")}</Paragraph>
            <Paragraph>
              <RouteLink to={{ name: "login" }}>{t("setPassword.toLogin")}</RouteLink>
            </Paragraph>
          </Alert>
        )}
      </div>
      {!done && (
        <>
          <Paragraph>{t("setPassword.intro")}</Paragraph>
          <NewPasswordForm
            submitLabel={t("setPassword.save")}
            saving={saving}
            onSave={(password) => setPassword(token, password)}
            onSaved={() => setDone(true)}
            describeFailure={describeFailure}
          />
          <Paragraph>
            <RouteLink to={{ name: "forgotPassword" }}>{t("setPassword.newLink")}</RouteLink>
          </Paragraph>
        </>
      )}
    </>
  );
}
