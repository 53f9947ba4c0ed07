import { useApolloClient, useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { ImportContactsDocument, ImportContactsWithProgressDocument } from "../../../generated/gql/graphql";
import type { ImportReport } from "./import-state";

/** Room for the rest of the subscribe message within the server's 64 KiB WebSocket limit. */
export const MAX_WS_CSV_BYTES = 60 * 1024;
/** The server's HTTP body limit is 256 KiB. */
export const MAX_CSV_BYTES = 250 * 1024;

/** CSV imports: a dry run over HTTP, then the real import over WebSocket with progress. */
export function useImportContacts() {
  const [mutate] = useMutation(ImportContactsDocument);
  const client = useApolloClient();

  const dryRun = useCallback(
    async (csv: string): Promise<ImportReport> => {
      const { data } = await mutate({ variables: { input: { csv, dryRun: true } } });
      if (!data) throw new Error("no report");
      return data.importContacts;
    },
    [mutate],
  );

  const runImport = useCallback(
    (csv: string, onProgress: (processed: number, total: number) => void): Promise<ImportReport> => {
      // The server takes WebSocket messages up to 64 KiB; a larger file goes over
      // HTTP (256 KiB) in one request, without progress events.
      if (new TextEncoder().encode(csv).length > MAX_WS_CSV_BYTES) {
        return mutate({ variables: { input: { csv, dryRun: false } } }).then(({ data }) => {
          if (!data) throw new Error("no report");
          onProgress(data.importContacts.rowCount, data.importContacts.rowCount);
          return data.importContacts;
        });
      }
      return new Promise((resolve, reject) => {
        let report: ImportReport | null = null;
        const subscription = client
          .subscribe({ query: ImportContactsWithProgressDocument, variables: { input: { csv, dryRun: false } } })
          .subscribe({
            next: (result) => {
              if (result.error) {
                reject(result.error);
                subscription.unsubscribe();
                return;
              }
              const event = result.data?.importContactsWithProgress;
              if (!event) return;
              onProgress(event.processed, event.total);
              if (event.report) report = event.report;
            },
            error: reject,
            complete: () => (report ? resolve(report) : reject(new Error("the import ended without a report"))),
          });
      });
    },
    [client, mutate],
  );

  return { dryRun, runImport };
}
