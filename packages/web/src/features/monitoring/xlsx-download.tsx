import { Button, Paragraph } from "@utrecht/component-library-react";
import { useApolloClient } from "@apollo/client/react";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n-provider";
import { MonitoringXlsxDocument, type MonitoringGranularity } from "../../generated/gql/graphql";

/** Every table of the page in one Excel workbook (the server builds it with the same disclosure control). */
export function XlsxDownload({ districtId, granularity }: { districtId: string | null; granularity: MonitoringGranularity }) {
  const { t, language } = useI18n();
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { data } = await client.query({
        query: MonitoringXlsxDocument,
        variables: { districtId, granularity, language },
        fetchPolicy: "network-only",
      });
      if (!data) throw new Error("no data");
      const bytes = Uint8Array.from(atob(data.monitoringXlsx.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = data.monitoringXlsx.filename;
      a.click();
      URL.revokeObjectURL(url);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paragraph>
      <Button appearance="secondary-action-button" disabled={busy} onClick={() => void download()}>
        {t("monitoring.xlsx")}
      </Button>
      {failed && <span role="alert"> {t("monitoring.xlsxFailed")}</span>}
    </Paragraph>
  );
}
