import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, type ReactNode } from "react";
import { LoginPage } from "../features/auth/login-page";
import { useViewer, type Viewer } from "../features/auth/use-viewer";
import { ViewerSummary } from "../features/auth/viewer-summary";
import { TwoFactorRequiredPage } from "../features/auth/two-factor-required-page";
import { useTwoFactorStatus } from "../features/auth/use-second-factor";
import { useI18n } from "../i18n/i18n-provider";
import { useRouter, type Route } from "../kit/router";
import { useSessionState } from "../lib/services";
import { isPublicRoute, mayOpen } from "./access";
import { AppLayout } from "./app-layout";
import { homeRouteFor } from "./contributions";
import { MainNav } from "./main-nav";
import { NoAccessPage, NotFoundPage } from "./not-found-page";
import { renderPage } from "./routes";

/**
 * Chooses the screen. Without a session every route shows the login page (the
 * requested route is remembered and opened after login); with a session the
 * login route redirects home.
 */
export function App() {
  const { session } = useSessionState();
  const { route, navigate } = useRouter();
  const loggedIn = session !== null;
  const returnTo = useRef<Route | null>(null);

  // Keep the address bar in step with what is shown. replace: a redirect
  // should not leave a history entry that bounces the user back.
  useEffect(() => {
    // Public pages (an invitation link) never redirect to the login page.
    if (isPublicRoute(route)) return;
    if (!loggedIn && route.name !== "login") {
      returnTo.current = route;
      navigate({ name: "login" }, { replace: true });
    } else if (loggedIn && route.name === "login") {
      navigate(returnTo.current ?? { name: "home" }, { replace: true });
      returnTo.current = null;
    }
  }, [loggedIn, route, navigate]);

  // A public page (the personal invitation link) works with or without an account, without the menu.
  if (isPublicRoute(route)) {
    return <AppLayout>{renderPage(route)}</AppLayout>;
  }
  if (!loggedIn) {
    return (
      <AppLayout>
        <LoginPage />
      </AppLayout>
    );
  }
  return <AuthenticatedApp route={route} />;
}

function AuthenticatedApp({ route }: { route: Route }) {
  const { t } = useI18n();
  const { viewer, loading, error, refetch } = useViewer();
  const twoFactor = useTwoFactorStatus();

  if (!viewer) {
    return (
      <AppLayout>
        <div aria-live="polite">
          {loading && <Paragraph>{t("app.loading")}</Paragraph>}
          {error && !loading && (
            <Alert type="error" role="none">
              <Paragraph>{t("viewer.error")}</Paragraph>
              <Button appearance="secondary-action-button" type="button" onClick={() => void refetch()}>
                {t("app.retry")}
              </Button>
            </Alert>
          )}
        </div>
      </AppLayout>
    );
  }

  // A role that requires two-step verification, logged in without it: this session may only set it up.
  if (twoFactor.status?.enrolmentRequired) {
    return (
      <AppLayout headerActions={<ViewerSummary viewer={viewer} />}>
        <TwoFactorRequiredPage onDone={() => void twoFactor.refetch()} />
      </AppLayout>
    );
  }

  return (
    <AppLayout headerActions={<ViewerSummary viewer={viewer} />} nav={<MainNav role={viewer.role} />}>
      {mayOpen(viewer.role, route.name) ? pageFor(route, viewer) : <NoAccessPage />}
    </AppLayout>
  );
}

/**
 * The page of a route the viewer may open. Every feature route has a page (each feature's
 * `Pages` is exhaustive); "/" may be another feature's page for some roles (WebFeature `home`).
 */
function pageFor(route: Route, viewer: Viewer): ReactNode {
  if (route.name === "notFound") return <NotFoundPage />;
  // Logged in on the login address: App is already redirecting home (or to the remembered page).
  if (route.name === "home" || route.name === "login") {
    return renderPage(homeRouteFor(viewer.role), viewer);
  }
  return renderPage(route, viewer);
}
