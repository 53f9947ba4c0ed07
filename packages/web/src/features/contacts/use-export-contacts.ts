import { useApolloClient } from "@apollo/client/react";
import { useCallback, useState } from "react";
import { ExportContactsCsvDocument, type ContactFilter } from "../../generated/gql/graphql";

/** Hands a text to the browser as a file download (a Blob URL: no data: URL, no inline script). */
export function downloadText(text: string, filename: string, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The "export as CSV" action: ask the server for the CSV (never cached), then download it. */
export function useExportContacts() {
  const client = useApolloClient();
  const [state, setState] = useState<{ exporting: boolean; error: unknown; rowCount: number | null }>({
    exporting: false,
    error: null,
    rowCount: null,
  });
  const exportCsv = useCallback(
    async (filter: ContactFilter) => {
      setState({ exporting: true, error: null, rowCount: null });
      try {
        const { data } = await client.query({ query: ExportContactsCsvDocument, variables: { filter }, fetchPolicy: "no-cache" });
        if (!data) throw new Error("no export");
        downloadText(data.exportContactsCsv.csv, data.exportContactsCsv.filename);
        setState({ exporting: false, error: null, rowCount: data.exportContactsCsv.rowCount });
      } catch (error) {
        setState({ exporting: false, error, rowCount: null });
      }
    },
    [client],
  );
  return { exportCsv, ...state };
}
