import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, type ReactNode } from "react";
import { LoginPage } from "../features/auth/login-page";
import { useViewer, type Viewer } from "../features/auth/use-viewer";
import { ViewerSummary } from "../features/auth/viewer-summary";
import { ContactEditPage } from "../features/contacts/contact-edit-page";
import { ContactImportPage } from "../features/contacts/import/contact-import-page";
import { ContactNewPage } from "../features/contacts/contact-new-page";
import { ContactPage } from "../features/contacts/contact-page";
import { ContactsPage } from "../features/contacts/contacts-page";
import { DashboardPage } from "../features/dashboard/dashboard-page";
import { HomePage } from "../features/home/home-page";
import { NetworkPage } from "../features/networks/network-page";
import { NetworksPage } from "../features/networks/networks-page";
import { OrganisationEditPage, OrganisationNewPage } from "../features/organisations/organisation-pages";
import { OrganisationsPage } from "../features/organisations/organisations-page";
import { MyProfilePage } from "../features/profile/my-profile-page";
// ── signals ──
import { AlertConsolePage } from "../features/signals/alert-console-page";
import { ReportSignalPage } from "../features/signals/report-signal-page";
import { SignalPage } from "../features/signals/signal-page";
import { SignalsPage } from "../features/signals/signals-page";
import { useI18n } from "../i18n/i18n-provider";
import { mayOpen } from "./access";
import { AppLayout } from "./app-layout";
import { MainNav } from "./main-nav";
import { NotFoundPage } from "./not-found-page";
import { useRouter, type Route } from "../kit/router";
import { useSessionState } from "../lib/services";
// ── sessions ──
import { isPublicRoute } from "../features/sessions/routes";
import { RsvpPage } from "../features/sessions/rsvp-page";
import { SessionEditPage, SessionNewPage } from "../features/sessions/session-form-pages";
import { SessionPage } from "../features/sessions/session-page";
import { SessionsPage } from "../features/sessions/sessions-page";

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
    // ── sessions ── public pages never redirect to the login page
    if (isPublicRoute(route)) return;
    if (!loggedIn && route.name !== "login") {
      returnTo.current = route;
      navigate({ name: "login" }, { replace: true });
    } else if (loggedIn && route.name === "login") {
      navigate(returnTo.current ?? { name: "home" }, { replace: true });
      returnTo.current = null;
    }
  }, [loggedIn, route, navigate]);

  // ── sessions ── the personal invitation link works with or without an account
  if (isPublicRoute(route)) {
    return (
      <AppLayout>
        <RsvpPage token={route.token} />
      </AppLayout>
    );
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

  return (
    <AppLayout headerActions={<ViewerSummary viewer={viewer} />} nav={<MainNav role={viewer.role} />}>
      {mayOpen(viewer.role, route.name) ? pageFor(route, viewer) : <NotFoundPage />}
    </AppLayout>
  );
}

/** Exhaustive on purpose: a new Route without a page here fails the typecheck. */
function pageFor(route: Route, viewer: Viewer): ReactNode {
  switch (route.name) {
    case "home":
    case "login": // logged in: App is already redirecting to home
      // ── signals ── the live alert console is the police liaison's main page.
      if (viewer.role === "POLICE_LIAISON") return <AlertConsolePage viewer={viewer} />;
      return <HomePage viewer={viewer} />;
    case "dashboard":
      return <DashboardPage viewer={viewer} />;
    case "contacts":
      return <ContactsPage />;
    case "contact":
      return <ContactPage id={route.id} />;
    case "contactEdit":
      return <ContactEditPage id={route.id} />;
    case "contactNew":
      return <ContactNewPage />;
    case "contactImport":
      return <ContactImportPage />;
    case "organisations":
      return <OrganisationsPage />;
    case "organisationNew":
      return <OrganisationNewPage />;
    case "organisationEdit":
      return <OrganisationEditPage id={route.id} />;
    case "networks":
      return <NetworksPage viewer={viewer} />;
    case "network":
      return <NetworkPage id={route.id} />;
    case "myProfile":
      return <MyProfilePage />;
    case "notFound":
      return <NotFoundPage />;
    // ── sessions ──
    case "sessions":
      return <SessionsPage />;
    case "sessionNew":
      return <SessionNewPage />;
    case "session":
      return <SessionPage id={route.id} />;
    case "sessionEdit":
      return <SessionEditPage id={route.id} />;
    case "rsvp": // rendered by App before the login guard
      return <RsvpPage token={route.token} />;
    // ── signals ──
    case "alerts":
      return <AlertConsolePage viewer={viewer} />;
    case "signals":
      return <SignalsPage viewer={viewer} />;
    case "signal":
      return <SignalPage id={route.id} viewer={viewer} />;
    case "signalReport":
      return <ReportSignalPage viewer={viewer} />;
  }
}
