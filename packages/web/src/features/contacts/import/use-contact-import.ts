import { useApolloClient } from "@apollo/client/react";
import { useCallback } from "react";
import {
  ContactImportDocument,
  ContactImportErrorsDocument,
  type ColumnMappingInput,
  RunContactImportDocument,
  RunContactImportWithProgressDocument,
} from "../../../generated/gql/graphql";
import { useI18n } from "../../../i18n/i18n-provider";
import { bearer } from "../../../lib/apollo-client";
import { useServices } from "../../../lib/services";
import { downloadText } from "../use-export-contacts";
import type { ImportDescription, ImportReport } from "./import-state";

/** The server's upload route (same origin, so the CSP stays at connect-src 'self'). */
export const UPLOAD_URL = "/import/contacts";

export class UploadError extends Error {
  constructor(readonly reason: "tooLarge" | "upload" | "unreadable") {
    super(reason);
  }
}

/**
 * The file's bytes go to the server as they are (the server detects the encoding, the
 * separator or XLSX): never `file.text()`, which would guess UTF-8 and break accents.
 * application/octet-stream is not a "simple" content type, so the server's CSRF rule is met.
 */
export async function uploadContactsFile(file: Blob & { name: string }, token: string | null): Promise<{ importId: string }> {
  let res: Response;
  try {
    res = await fetch(`${UPLOAD_URL}?filename=${encodeURIComponent(file.name)}`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", ...(token ? { authorization: bearer(token) } : {}) },
      body: file,
    });
  } catch {
    throw new UploadError("upload");
  }
  if (res.status === 413) throw new UploadError("tooLarge");
  if (res.status === 400) throw new UploadError("unreadable");
  if (!res.ok) throw new UploadError("upload");
  return (await res.json()) as { importId: string };
}

/** Upload, describe, dry run, run with progress, and the error file. */
export function useContactImport() {
  const client = useApolloClient();
  const { session } = useServices();
  const { language } = useI18n();

  const upload = useCallback(
    async (file: File): Promise<ImportDescription> => {
      const { importId } = await uploadContactsFile(file, session.getToken());
      const { data } = await client.query({
        query: ContactImportDocument,
        variables: { id: importId, language },
        fetchPolicy: "no-cache",
      });
      if (!data) throw new UploadError("upload");
      return data.contactImport;
    },
    [client, session, language],
  );

  const dryRun = useCallback(
    async (importId: string, mapping: ColumnMappingInput[]): Promise<ImportReport> => {
      const { data } = await client.mutate({
        mutation: RunContactImportDocument,
        variables: { input: { importId, mapping, dryRun: true, language } },
      });
      if (!data) throw new Error("no report");
      return data.runContactImport;
    },
    [client, language],
  );

  const runImport = useCallback(
    (importId: string, mapping: ColumnMappingInput[], onProgress: (processed: number, total: number) => void): Promise<ImportReport> =>
      new Promise((resolve, reject) => {
        let report: ImportReport | null = null;
        const subscription = client
          .subscribe({
            query: RunContactImportWithProgressDocument,
            variables: { input: { importId, mapping, dryRun: false, language } },
          })
          .subscribe({
            next: (result) => {
              if (result.error) {
                reject(result.error);
                subscription.unsubscribe();
                return;
              }
              const event = result.data?.runContactImportWithProgress;
              if (!event) return;
              onProgress(event.processed, event.total);
              if (event.report) report = event.report;
            },
            error: reject,
            complete: () => (report ? resolve(report) : reject(new Error("the import ended without a report"))),
          });
      }),
    [client, language],
  );

  const downloadErrors = useCallback(
    async (importId: string) => {
      const { data } = await client.query({
        query: ContactImportErrorsDocument,
        variables: { id: importId, language },
        fetchPolicy: "no-cache",
      });
      if (!data) throw new Error("no error file");
      downloadText(data.contactImportErrors.csv, data.contactImportErrors.filename);
    },
    [client, language],
  );

  return { upload, dryRun, runImport, downloadErrors };
}
