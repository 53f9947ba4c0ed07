import { useMutation } from "@apollo/client/react";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { useCallback } from "react";
import { ReportSignalDocument, type ReportSignalInput } from "../../generated/gql/graphql";
import { badInputFields } from "../../kit/graphql-errors";

export interface SituationWarning {
  /** Last path segment: summary, details or place. */
  field: string;
  term: string;
}

export type ReportOutcome =
  | { ok: true; id: string }
  | { ok: false; kind: "warnings"; warnings: SituationWarning[] }
  | { ok: false; kind: "fields"; fields: string[] }
  | { ok: false; kind: "unknown" };

/** The DESCRIBES_PERSONS refusal: `extensions.warnings` lists each term with its field. */
export function situationWarnings(error: unknown): SituationWarning[] | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const item of error.errors) {
    if (item.extensions?.reason !== "DESCRIBES_PERSONS") continue;
    const raw = item.extensions.warnings;
    const list = Array.isArray(raw) ? (raw as Array<{ field?: unknown; term?: unknown }>) : [];
    return list.flatMap((w) =>
      typeof w.field === "string" && typeof w.term === "string" ? [{ field: w.field.split(".").pop() ?? w.field, term: w.term }] : [],
    );
  }
  return null;
}

export function useReportSignal() {
  const [mutate, { loading }] = useMutation(ReportSignalDocument);
  const report = useCallback(
    async (input: ReportSignalInput): Promise<ReportOutcome> => {
      try {
        const { data } = await mutate({ variables: { input } });
        return data ? { ok: true, id: data.reportSignal.signal.id } : { ok: false, kind: "unknown" };
      } catch (error) {
        const warnings = situationWarnings(error);
        if (warnings) return { ok: false, kind: "warnings", warnings };
        const fields = badInputFields(error);
        return fields.length > 0 ? { ok: false, kind: "fields", fields } : { ok: false, kind: "unknown" };
      }
    },
    [mutate],
  );
  return { report, sending: loading };
}
