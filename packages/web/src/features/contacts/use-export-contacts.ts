import { useApolloClient } from "@apollo/client/react";
import { useCallback, useState } from "react";
import { ExportContactsCsvDocument, ExportContactsXlsxDocument, type ContactFilter } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";

/** Hands data to the browser as a file download (a Blob URL: no data: URL, no inline script). */
export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A text as a file download. The server's CSV starts with a byte order mark, so Excel reads it as UTF-8. */
export function downloadText(text: string, filename: string, type = "text/csv;charset=utf-8") {
  downloadBlob(new Blob([text], { type }), filename);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The export actions: ask the server for the file (never cached), then download it.
 * CSV is Dutch Excel's dialect (`;`, BOM); labels come in the page's language.
 */
export function useExportContacts() {
  const client = useApolloClient();
  const { language } = useI18n();
  const [state, setState] = useState<{ exporting: boolean; error: unknown; rowCount: number | null }>({
    exporting: false,
    error: null,
    rowCount: null,
  });
  const run = useCallback(async (fetchFile: () => Promise<number>) => {
    setState({ exporting: true, error: null, rowCount: null });
    try {
      setState({ exporting: false, error: null, rowCount: await fetchFile() });
    } catch (error) {
      setState({ exporting: false, error, rowCount: null });
    }
  }, []);
  const exportCsv = useCallback(
    (filter: ContactFilter) =>
      run(async () => {
        const { data } = await client.query({
          query: ExportContactsCsvDocument,
          variables: { filter, language },
          fetchPolicy: "no-cache",
        });
        if (!data) throw new Error("no export");
        downloadText(data.exportContactsCsv.csv, data.exportContactsCsv.filename);
        return data.exportContactsCsv.rowCount;
      }),
    [client, language, run],
  );
  const exportXlsx = useCallback(
    (filter: ContactFilter) =>
      run(async () => {
        const { data } = await client.query({
          query: ExportContactsXlsxDocument,
          variables: { filter, language },
          fetchPolicy: "no-cache",
        });
        if (!data) throw new Error("no export");
        downloadBlob(new Blob([base64ToBytes(data.exportContactsXlsx.base64)], { type: XLSX_TYPE }), data.exportContactsXlsx.filename);
        return data.exportContactsXlsx.rowCount;
      }),
    [client, language, run],
  );
  return { exportCsv, exportXlsx, ...state };
}
