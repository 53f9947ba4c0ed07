import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { useI18n } from "../i18n/i18n-provider";

/**
 * Loading and error states of a query in one polite live region, so each state
 * is announced once. The region is always rendered (screen readers only track
 * regions that already exist).
 */
export function LoadState({
  loading,
  error,
  loadingText,
  errorText,
  onRetry,
}: {
  loading: boolean;
  error: unknown;
  loadingText: string;
  errorText: string;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div aria-live="polite">
      {loading && <Paragraph>{loadingText}</Paragraph>}
      {Boolean(error) && !loading && (
        <Alert type="error" role="none">
          <Paragraph>{errorText}</Paragraph>
          {onRetry && (
            <Button appearance="secondary-action-button" type="button" onClick={onRetry}>
              {t("app.retry")}
            </Button>
          )}
        </Alert>
      )}
    </div>
  );
}
