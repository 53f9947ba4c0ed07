import { Button, Paragraph } from "@utrecht/component-library-react";
import { useI18n } from "../../i18n/i18n-provider";
import { RouteLink } from "../../kit/router";
import { roleMessageKey } from "./role-label";
import { useLogout } from "./use-logout";
import type { Viewer } from "./use-viewer";

/** Header part for a logged-in user: who, in which role, and the way out. */
export function ViewerSummary({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const { logout, loggingOut } = useLogout();
  const role = t(roleMessageKey(viewer.role));
  // "Ingelogd als Wijkagent Sanne Bakker" says the role already: no "Rol: Wijkagent" after it.
  const nameSaysRole = viewer.displayName.toLocaleLowerCase().includes(role.toLocaleLowerCase());
  return (
    <>
      <Paragraph className="wijknet-header__viewer">
        <span>{t("header.signedInAs", { name: viewer.displayName })}</span>{" "}
        {!nameSaysRole && (
          <>
            <span>{t("header.role", { role })}</span>{" "}
          </>
        )}
        <RouteLink to={{ name: "account" }}>{t("nav.account")}</RouteLink>
      </Paragraph>
      <Button appearance="secondary-action-button" type="button" disabled={loggingOut} busy={loggingOut} onClick={() => void logout()}>
        {loggingOut ? t("header.loggingOut") : t("header.logout")}
      </Button>
    </>
  );
}
