import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useId, useReducer, type ChangeEvent } from "react";
import { PageHeading } from "../../../kit/page-heading";
import { RouteLink } from "../../../kit/router";
import { useI18n } from "../../../i18n/i18n-provider";
import { importableRows, importReducer, initialImportState, type ImportReport, type ImportState } from "./import-state";
import { MAX_CSV_BYTES, useImportContacts } from "./use-import-contacts";

export function ContactImportPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("import.title")}>{t("import.title")}</PageHeading>
      <Paragraph>{t("import.intro")}</Paragraph>
      <Paragraph className="wijknet-muted">{t("import.columns")}</Paragraph>
      <ImportFlow />
    </>
  );
}

export function ImportFlow({ initialState = initialImportState }: { initialState?: ImportState }) {
  const { t } = useI18n();
  const [state, dispatch] = useReducer(importReducer, initialState);
  const { dryRun, runImport } = useImportContacts();
  const fileId = useId();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      dispatch({ type: "fail", reason: "tooLarge" });
      return;
    }
    dispatch({ type: "check", fileName: file.name });
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      dispatch({ type: "fail", reason: "read" });
      return;
    }
    try {
      dispatch({ type: "checked", csv, report: await dryRun(csv) });
    } catch {
      dispatch({ type: "fail", reason: "check" });
    }
  };

  const onImport = async () => {
    if (state.step !== "checked") return;
    dispatch({ type: "start" });
    try {
      const report = await runImport(state.csv, (processed, total) => dispatch({ type: "progress", processed, total }));
      dispatch({ type: "done", report });
    } catch {
      dispatch({ type: "fail", reason: "import" });
    }
  };

  return (
    <div className="wijknet-stack">
      {(state.step === "choose" || state.step === "failed") && (
        <FormField
          label={<FormLabel htmlFor={fileId}>{t("import.file")}</FormLabel>}
          input={
            <input
              id={fileId}
              className="wijknet-file-input"
              type="file"
              name="csv"
              accept=".csv,text/csv"
              onChange={(event) => void onFile(event)}
            />
          }
        />
      )}
      <div aria-live="polite" className="wijknet-stack">
        {state.step === "checking" && <Paragraph>{t("import.checking", { file: state.fileName })}</Paragraph>}
        {state.step === "failed" && (
          <Alert type="error" role="none">
            <Paragraph>{t(`import.failed.${state.reason}`)}</Paragraph>
          </Alert>
        )}
        {state.step === "done" && (
          <Alert type="ok" role="none">
            <Paragraph>{t("import.done", { created: state.report.created, skipped: state.report.skipped })}</Paragraph>
          </Alert>
        )}
      </div>
      {state.step === "checked" && (
        <>
          <DryRunReport report={state.report} fileName={state.fileName} />
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              type="button"
              disabled={importableRows(state.report) === 0}
              onClick={() => void onImport()}
            >
              {t("import.confirm", { count: importableRows(state.report) })}
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={() => dispatch({ type: "reset" })}>
              {t("import.other")}
            </Button>
          </ButtonGroup>
        </>
      )}
      {state.step === "importing" && <ImportProgressBar processed={state.processed} total={state.total} />}
      {state.step === "done" && (
        <>
          <DryRunReport report={state.report} fileName={state.fileName} />
          <ButtonGroup>
            <RouteLink to={{ name: "contacts" }}>{t("import.toContacts")}</RouteLink>
            <Button appearance="secondary-action-button" type="button" onClick={() => dispatch({ type: "reset" })}>
              {t("import.another")}
            </Button>
          </ButtonGroup>
        </>
      )}
    </div>
  );
}

export function ImportProgressBar({ processed, total }: { processed: number; total: number }) {
  const { t } = useI18n();
  const labelId = useId();
  return (
    <div className="wijknet-stack">
      <Paragraph id={labelId}>{t("import.progressLabel")}</Paragraph>
      {/* A native progress element: screen readers know the role and the value. */}
      <progress className="wijknet-progress" aria-labelledby={labelId} max={Math.max(total, 1)} value={processed} />
      <Paragraph aria-live="polite">{t("import.progress", { processed, total })}</Paragraph>
    </div>
  );
}

function DryRunReport({ report, fileName }: { report: ImportReport; fileName: string }) {
  const { t } = useI18n();
  const errorsId = useId();
  const duplicatesId = useId();
  return (
    <section className="wijknet-stack" aria-labelledby={`${errorsId}-summary`}>
      <Heading level={2} id={`${errorsId}-summary`}>
        {report.dryRun ? t("import.reportHeading", { file: fileName }) : t("import.resultHeading", { file: fileName })}
      </Heading>
      <Paragraph>
        {report.dryRun
          ? t("import.summaryDry", {
              rows: report.rowCount,
              created: importableRows(report),
              errors: report.errors.length,
              duplicates: report.duplicates.length,
            })
          : t("import.summaryDone", { rows: report.rowCount, created: report.created, skipped: report.skipped })}
      </Paragraph>
      {report.errors.length > 0 && (
        <>
          <Heading level={3} id={errorsId}>
            {t("import.errorsHeading", { count: report.errors.length })}
          </Heading>
          <Paragraph>{t("import.errorsHelp")}</Paragraph>
          <TableContainer overflowInline tabIndex={0} role="region" aria-labelledby={errorsId}>
            <Table aria-labelledby={errorsId}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("import.line")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("import.column")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("import.message")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.errors.map((error, index) => (
                  <TableRow key={`${error.line}-${error.field ?? ""}-${index}`}>
                    <TableHeaderCell scope="row">{error.line}</TableHeaderCell>
                    <TableCell>{error.field ?? t("import.wholeRow")}</TableCell>
                    {/* The server's message is English; it is shown as it is, marked so screen readers pronounce it right. */}
                    <TableCell lang="en">{error.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
      {report.duplicates.length > 0 && (
        <>
          <Heading level={3} id={duplicatesId}>
            {t("import.duplicatesHeading", { count: report.duplicates.length })}
          </Heading>
          <TableContainer overflowInline tabIndex={0} role="region" aria-labelledby={duplicatesId}>
            <Table aria-labelledby={duplicatesId}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("import.line")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("import.existing")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("import.matchedOn")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.duplicates.map((duplicate) => (
                  <TableRow key={`${duplicate.line}-${duplicate.contact.id}`}>
                    <TableHeaderCell scope="row">{duplicate.line}</TableHeaderCell>
                    <TableCell>
                      <RouteLink to={{ name: "contact", id: duplicate.contact.id }}>{duplicate.contact.fullName}</RouteLink>
                    </TableCell>
                    <TableCell>{matchedOnLabel(duplicate.matchedOn, t)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
    </section>
  );
}

function matchedOnLabel(matchedOn: string, t: ReturnType<typeof useI18n>["t"]): string {
  switch (matchedOn) {
    case "EMAIL":
      return t("import.matched.EMAIL");
    case "PHONE":
      return t("import.matched.PHONE");
    case "NAME_AND_DISTRICT":
      return t("import.matched.NAME_AND_DISTRICT");
    default:
      return matchedOn;
  }
}
