import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { useMemo, useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { LoadState } from "../../kit/load-state";
import { useI18n } from "../../i18n/i18n-provider";
import type { Viewer } from "../auth/use-viewer";
import { useDistricts } from "../districts/use-districts";
import { ReportSignalForm } from "./report-signal-form";
import { useReportSignal } from "./use-report-signal";

/** Allies, coordinators and liaisons report a tension in their districts. */
export function ReportSignalPage({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const { districts, loading, error, refetch } = useDistricts();
  const { report, sending } = useReportSignal();
  const [sent, setSent] = useState(0);
  const [formKey, setFormKey] = useState(0);
  // Allies and liaisons report in their own districts; coordinators anywhere in the municipality.
  const allowed = useMemo(() => {
    if (viewer.districts.length === 0) return districts;
    const own = new Set(viewer.districts.map((d) => d.id));
    return districts.filter((d) => own.has(d.id));
  }, [districts, viewer.districts]);

  return (
    <>
      <PageHeading title={t("report.title")}>{t("report.title")}</PageHeading>
      <Paragraph>{t("report.intro")}</Paragraph>
      <div aria-live="polite">
        {sent > 0 && (
          <Alert type="ok" role="none">
            <Paragraph>{t("report.sent")}</Paragraph>
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() => {
                setSent(0);
                setFormKey((k) => k + 1);
              }}
            >
              {t("report.another")}
            </Button>
          </Alert>
        )}
      </div>
      <LoadState
        loading={loading}
        error={error}
        loadingText={t("app.loading")}
        errorText={t("report.error.unknown")}
        onRetry={() => void refetch()}
      />
      {sent === 0 && allowed.length > 0 && (
        <ReportSignalForm
          key={formKey}
          role={viewer.role}
          districts={allowed}
          onSubmit={report}
          onSent={() => setSent((n) => n + 1)}
          sending={sending}
        />
      )}
    </>
  );
}
