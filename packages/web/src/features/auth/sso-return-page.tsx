import { Alert, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink, useRouter } from "../../kit/router";
import { useI18n } from "../../i18n/i18n-provider";
import { useCompleteSso } from "./use-sso";

type Refusal = "STATE" | "TOKEN" | "EMAIL" | "DOMAIN" | "NO_ACCOUNT" | "DISABLED" | "UNAVAILABLE" | "CODE";

function refusalKey(reason: Refusal) {
  switch (reason) {
    case "DOMAIN":
      return "sso.error.domain" as const;
    case "NO_ACCOUNT":
    case "DISABLED":
      return "sso.error.noAccount" as const;
    case "UNAVAILABLE":
      return "sso.error.unavailable" as const;
    default:
      return "sso.error.failed" as const;
  }
}

/**
 * `/inloggen/sso#code=…` (or `#error=…`): where the server sends the browser back after single
 * sign-on. The one-time code is read from the fragment, removed from the address at once, and
 * traded for a session.
 */
export function SsoReturnPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const complete = useCompleteSso();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const params = new URLSearchParams(window.location.hash.slice(1));
    window.history.replaceState(null, "", window.location.pathname);
    const code = params.get("code");
    const error = params.get("error");
    if (!code) {
      setRefusal((error as Refusal | null) ?? "CODE");
      return;
    }
    void complete(code).then((ok) => (ok ? navigate({ name: "home" }, { replace: true }) : setRefusal("CODE")));
  }, [complete, navigate]);

  return (
    <>
      <PageHeading title={t("sso.title")}>{t("sso.title")}</PageHeading>
      <div aria-live="polite">
        {refusal ? (
          <Alert type="error" role="none">
            <Paragraph>{t(refusalKey(refusal))}</Paragraph>
            <Paragraph>
              <RouteLink to={{ name: "login" }}>{t("forgot.back")}</RouteLink>
            </Paragraph>
          </Alert>
        ) : (
          <Paragraph>{t("sso.busy")}</Paragraph>
        )}
      </div>
    </>
  );
}
