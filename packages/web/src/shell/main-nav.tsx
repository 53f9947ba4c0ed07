import type { Role } from "../generated/gql/graphql";
import { useI18n } from "../i18n/i18n-provider";
import { RouteLink, useRouter } from "../kit/router";
import { mayOpen } from "./access";
import { navItems } from "./contributions";

/** The main menu: only the pages the viewer's role may use; the current section is marked for screen readers. */
export function MainNav({ role }: { role: Role }) {
  const { t } = useI18n();
  const { route } = useRouter();
  const items = navItems.filter((item) => mayOpen(role, item.route.name));
  return (
    <nav aria-label={t("nav.label")} className="wijknet-nav">
      <ul className="wijknet-nav__list">
        {items.map((item) => {
          const current = item.section.includes(route.name);
          return (
            <li key={item.route.name}>
              <RouteLink to={item.route} className="wijknet-nav__link" aria-current={current ? "page" : undefined}>
                {t(item.label)}
              </RouteLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
