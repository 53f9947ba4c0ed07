import type {
  ColumnMappingInput,
  ContactImportField,
  ContactImportQuery,
  ImportReportFieldsFragment,
} from "../../../generated/gql/graphql";

export type ImportReport = ImportReportFieldsFragment;
export type ImportDescription = ContactImportQuery["contactImport"];

/** The column → field choices: one entry per column of the file, null = skip the column. */
export type Mapping = ReadonlyArray<ContactImportField | null>;

/** The import screen as a small state machine, so every state is explicit (and testable). */
export type ImportState =
  | { step: "choose" }
  | { step: "uploading"; fileName: string }
  | { step: "mapping"; upload: ImportDescription; mapping: Mapping; checking: boolean }
  | { step: "checked"; upload: ImportDescription; mapping: Mapping; report: ImportReport }
  | { step: "importing"; upload: ImportDescription; mapping: Mapping; processed: number; total: number }
  | { step: "done"; upload: ImportDescription; report: ImportReport }
  | { step: "failed"; reason: ImportFailure };

export type ImportFailure = "tooLarge" | "upload" | "unreadable" | "check" | "import";

export type ImportAction =
  | { type: "upload"; fileName: string }
  | { type: "uploaded"; upload: ImportDescription }
  | { type: "map"; column: number; field: ContactImportField | null }
  | { type: "check" }
  | { type: "checked"; report: ImportReport }
  | { type: "start" }
  | { type: "progress"; processed: number; total: number }
  | { type: "done"; report: ImportReport }
  | { type: "fail"; reason: ImportFailure }
  | { type: "reset" };

export const initialImportState: ImportState = { step: "choose" };

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case "upload":
      return { step: "uploading", fileName: action.fileName };
    case "uploaded":
      return state.step === "uploading"
        ? { step: "mapping", upload: action.upload, mapping: action.upload.columns.map((c) => c.field ?? null), checking: false }
        : state;
    case "map": {
      // Changing the mapping after a dry run asks for a new dry run.
      if (state.step !== "mapping" && state.step !== "checked") return state;
      const mapping = state.mapping.map((field, column) => {
        if (column === action.column) return action.field;
        // A field belongs to one column: choosing it elsewhere clears it here.
        return action.field !== null && field === action.field ? null : field;
      });
      return { step: "mapping", upload: state.upload, mapping, checking: false };
    }
    case "check":
      return state.step === "mapping" || state.step === "checked"
        ? { step: "mapping", upload: state.upload, mapping: state.mapping, checking: true }
        : state;
    case "checked":
      return state.step === "mapping" && state.checking
        ? { step: "checked", upload: state.upload, mapping: state.mapping, report: action.report }
        : state;
    case "start":
      return state.step === "checked"
        ? { step: "importing", upload: state.upload, mapping: state.mapping, processed: 0, total: state.upload.rowCount }
        : state;
    case "progress":
      // Progress only moves forward (events can repeat after a reconnect).
      return state.step === "importing" ? { ...state, processed: Math.max(state.processed, action.processed), total: action.total } : state;
    case "done":
      return state.step === "importing" ? { step: "done", upload: state.upload, report: action.report } : state;
    case "fail":
      return { step: "failed", reason: action.reason };
    case "reset":
      return initialImportState;
  }
}

/** The mapping as the server takes it: the columns that are not skipped. */
export function mappingInput(mapping: Mapping): ColumnMappingInput[] {
  return mapping.flatMap((field, column) => (field ? [{ column, field }] : []));
}

/** A name is needed: the full name, or a first or last name. */
export function mappingHasName(mapping: Mapping): boolean {
  return mapping.some((f) => f === "FULL_NAME" || f === "FIRST_NAME" || f === "LAST_NAME");
}
