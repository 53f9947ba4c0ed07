import type { Role } from "../generated/gql/graphql";
import { useI18n } from "../i18n/i18n-provider";
import type { MessageKey } from "../i18n/messages";
import { mayOpen } from "./access";
import { RouteLink, useRouter, type Route } from "../kit/router";

type NavLabel = Extract<MessageKey, `nav.${string}`>;

const ITEMS: ReadonlyArray<{ route: Route; label: NavLabel; section: ReadonlyArray<Route["name"]> }> = [
  { route: { name: "home" }, label: "nav.home", section: ["home"] },
  { route: { name: "dashboard" }, label: "nav.dashboard", section: ["dashboard"] },
  { route: { name: "contacts" }, label: "nav.contacts", section: ["contacts", "contact", "contactEdit", "contactNew"] },
  { route: { name: "contactImport" }, label: "nav.import", section: ["contactImport"] },
  { route: { name: "networks" }, label: "nav.networks", section: ["networks", "network"] },
  { route: { name: "organisations" }, label: "nav.organisations", section: ["organisations", "organisationNew", "organisationEdit"] },
  { route: { name: "myProfile" }, label: "nav.myProfile", section: ["myProfile"] },
  // ── sessions ──
  { route: { name: "sessions" }, label: "nav.sessions", section: ["sessions", "sessionNew", "session", "sessionEdit"] },
  // ── signals ──
  { route: { name: "alerts" }, label: "nav.alerts", section: ["alerts"] },
  { route: { name: "signals" }, label: "nav.signals", section: ["signals", "signal"] },
  { route: { name: "signalReport" }, label: "nav.reportSignal", section: ["signalReport"] },
];

/** The main menu: only the pages the viewer's role may use; the current section is marked for screen readers. */
export function MainNav({ role }: { role: Role }) {
  const { t } = useI18n();
  const { route } = useRouter();
  const items = ITEMS.filter((item) => mayOpen(role, item.route.name));
  return (
    <nav aria-label={t("nav.label")} className="wijknet-nav">
      <ul className="wijknet-nav__list">
        {items.map((item) => {
          const current = item.section.includes(route.name);
          return (
            <li key={item.route.name}>
              <RouteLink
                to={item.route}
                className="wijknet-nav__link"
                aria-current={current ? "page" : undefined}
              >
                {t(item.label)}
              </RouteLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
