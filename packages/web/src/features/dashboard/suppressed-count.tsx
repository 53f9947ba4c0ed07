import { useFormat } from "../../kit/format";
import { useI18n } from "../../i18n/i18n-provider";

export interface CountValue {
  value?: number | null;
  suppressed: boolean;
}

/**
 * A count of people as the server gives it. A suppressed count (fewer than 5
 * people) never shows a number, not even a 0: the text says "minder dan 5" and
 * points at the explanation (`explanationId`) for screen-reader users.
 */
export function SuppressedCount({ count, explanationId }: { count: CountValue; explanationId: string }) {
  const { t } = useI18n();
  const format = useFormat();
  if (count.suppressed || count.value === null || count.value === undefined) {
    return (
      <span className="wijknet-suppressed" aria-describedby={explanationId}>
        {t("health.suppressed")}
      </span>
    );
  }
  return <>{format.number(count.value)}</>;
}

export function SuppressionExplanation({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <p id={id} className="utrecht-paragraph wijknet-muted">
      {t("health.suppressedExplanation")}
    </p>
  );
}
