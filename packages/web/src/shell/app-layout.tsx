import { Document, Page, PageContent, PageFooter, PageHeader, SkipLink } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../i18n/language-switch";
import { useI18n } from "../i18n/i18n-provider";
import { RouteLink } from "../kit/router";
import { LiveConnectionBanner } from "./live-connection-banner";

/**
 * The frame of every screen: skip link, header (product name, language switch,
 * and whatever `headerActions` the caller adds, such as the viewer and the
 * logout button), then the main landmark with the live-connection banner, and a footer
 * linking the public page "Hoe werkt wijknet?".
 */
export function AppLayout({ headerActions, nav, children }: { headerActions?: ReactNode; nav?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Document className="wijknet-document">
      <SkipLink href="#main">{t("app.skipToContent")}</SkipLink>
      <Page>
        <PageHeader>
          <div className="wijknet-header">
            <p className="wijknet-header__product">{t("app.name")}</p>
            <div className="wijknet-header__actions">
              {headerActions}
              <LanguageSwitch />
            </div>
          </div>
          {nav}
        </PageHeader>
        <PageContent>
          {/* PageContentMain exists in the library source but is not exported
              by 14.0.1, so its markup is written out. tabIndex -1 so the skip
              link can move focus here in every browser. */}
          <main id="main" tabIndex={-1} className="utrecht-page-content__main wijknet-main">
            <LiveConnectionBanner />
            {children}
          </main>
        </PageContent>
        {/* On every screen, logged in or not: how the rules work and where to object (issue 20). */}
        <PageFooter>
          <nav aria-label={t("footer.label")} className="wijknet-footer">
            <RouteLink to={{ name: "howItWorks" }}>{t("footer.howItWorks")}</RouteLink>
          </nav>
        </PageFooter>
      </Page>
    </Document>
  );
}
