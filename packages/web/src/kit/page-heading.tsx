import { Heading } from "@utrecht/component-library-react";
import { useEffect, useRef, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useRouter } from "./router";

/**
 * The <h1> of a page. Sets the document title, and takes focus when it appears
 * after a page change (not on first load), so assistive technology announces
 * the new page and keyboard users continue from the top of the content.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useI18n();
  const { initialHeading } = useRouter();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t("app.documentTitle", { page: title });
  }, [t, title]);

  useEffect(() => {
    const heading = ref.current;
    if (!heading) return;
    if (initialHeading.current === null) initialHeading.current = heading;
    else if (initialHeading.current !== heading) heading.focus();
  }, [initialHeading]);

  return (
    <Heading level={1} ref={ref} tabIndex={-1} className="wijknet-page-heading">
      {children}
    </Heading>
  );
}
