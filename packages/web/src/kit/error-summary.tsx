import { Alert, Paragraph } from "@utrecht/component-library-react";
import type { ReactNode, Ref } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useFormat } from "./format";

/**
 * The top of a form: how many fields are wrong, and a failure that belongs to no field. The
 * form focuses it (`ref`) when the server refuses without naming a field. role="none" on the
 * alerts: focus and the live region already make screen readers read them; role="alert" would
 * read them twice.
 */
export function ErrorSummary({ ref, count, failure }: { ref?: Ref<HTMLDivElement>; count: number; failure?: ReactNode }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <div ref={ref} tabIndex={-1} className="wijknet-focus-target" aria-live="polite">
      {count > 0 && (
        <Alert type="error" role="none">
          <Paragraph>{format.plural(count, { one: t("form.errorSummary.one"), other: t("form.errorSummary.other", { count }) })}</Paragraph>
        </Alert>
      )}
      {failure && (
        <Alert type="error" role="none">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
