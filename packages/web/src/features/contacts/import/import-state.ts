import type { ImportReportFieldsFragment } from "../../../generated/gql/graphql";

export type ImportReport = ImportReportFieldsFragment;

/** The import screen as a small state machine, so every state is explicit (and testable). */
export type ImportState =
  | { step: "choose" }
  | { step: "checking"; fileName: string }
  | { step: "checked"; fileName: string; csv: string; report: ImportReport }
  | { step: "importing"; fileName: string; csv: string; processed: number; total: number }
  | { step: "done"; fileName: string; report: ImportReport }
  | { step: "failed"; reason: ImportFailure };

export type ImportFailure = "read" | "tooLarge" | "check" | "import";

export type ImportAction =
  | { type: "check"; fileName: string }
  | { type: "checked"; csv: string; report: ImportReport }
  | { type: "start" }
  | { type: "progress"; processed: number; total: number }
  | { type: "done"; report: ImportReport }
  | { type: "fail"; reason: ImportFailure }
  | { type: "reset" };

export const initialImportState: ImportState = { step: "choose" };

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case "check":
      return { step: "checking", fileName: action.fileName };
    case "checked":
      return state.step === "checking" ? { step: "checked", fileName: state.fileName, csv: action.csv, report: action.report } : state;
    case "start":
      return state.step === "checked"
        ? { step: "importing", fileName: state.fileName, csv: state.csv, processed: 0, total: state.report.rowCount }
        : state;
    case "progress":
      // Progress only moves forward (events can repeat after a reconnect).
      return state.step === "importing" ? { ...state, processed: Math.max(state.processed, action.processed), total: action.total } : state;
    case "done":
      return state.step === "importing" ? { step: "done", fileName: state.fileName, report: action.report } : state;
    case "fail":
      return { step: "failed", reason: action.reason };
    case "reset":
      return initialImportState;
  }
}

/**
 * Rows a real import would write: valid and not a duplicate. (A dry run's
 * `created` stays 0 because nothing is written.) A row with several errors
 * counts once.
 */
export function importableRows(report: ImportReport): number {
  const skipped = new Set([...report.errors.map((e) => e.line), ...report.duplicates.map((d) => d.line)]);
  skipped.delete(1); // a header problem is reported on line 1, not a data row
  return Math.max(0, report.rowCount - skipped.size);
}
