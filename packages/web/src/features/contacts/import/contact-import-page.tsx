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
  TableHeader,
  TableHeaderCell,
  TableRow,
  Select,
  SelectOption,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../../kit/responsive-table";
import { useId, useReducer, useState, type ChangeEvent } from "react";
import type { ContactImportField } from "../../../generated/gql/graphql";
import { PageHeading } from "../../../kit/page-heading";
import { RouteLink } from "../../../kit/router";
import { useFormat } from "../../../kit/format";
import { useI18n } from "../../../i18n/i18n-provider";
import {
  importReducer,
  initialImportState,
  mappingHasName,
  mappingInput,
  type ImportDescription,
  type ImportReport,
  type ImportState,
  type Mapping,
} from "./import-state";
import { UploadError, useContactImport } from "./use-contact-import";

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

const FIELDS: readonly ContactImportField[] = [
  "FULL_NAME",
  "FIRST_NAME",
  "NAME_PREFIX",
  "LAST_NAME",
  "EMAIL",
  "PHONE",
  "PREFERRED_CHANNEL",
  "PREFERRED_LANGUAGE",
  "AGE_BAND",
  "DISTRICTS",
  "ORGANISATION",
  "ROLE",
  "NOTES",
] as ContactImportField[];

export function ImportFlow({ initialState = initialImportState }: { initialState?: ImportState }) {
  const { t } = useI18n();
  const format = useFormat();
  const [state, dispatch] = useReducer(importReducer, initialState);
  const { upload, dryRun, runImport, downloadErrors } = useContactImport();
  const [downloadFailed, setDownloadFailed] = useState(false);
  const fileId = useId();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    dispatch({ type: "upload", fileName: file.name });
    try {
      dispatch({ type: "uploaded", upload: await upload(file) });
    } catch (error) {
      dispatch({ type: "fail", reason: error instanceof UploadError ? error.reason : "upload" });
    }
  };

  const onCheck = async () => {
    if (state.step !== "mapping" && state.step !== "checked") return;
    dispatch({ type: "check" });
    try {
      dispatch({ type: "checked", report: await dryRun(state.upload.id, mappingInput(state.mapping)) });
    } catch {
      dispatch({ type: "fail", reason: "check" });
    }
  };

  const onImport = async () => {
    if (state.step !== "checked") return;
    dispatch({ type: "start" });
    try {
      const report = await runImport(state.upload.id, mappingInput(state.mapping), (processed, total) =>
        dispatch({ type: "progress", processed, total }),
      );
      dispatch({ type: "done", report });
    } catch {
      dispatch({ type: "fail", reason: "import" });
    }
  };

  const onDownloadErrors = async (importId: string) => {
    setDownloadFailed(false);
    try {
      await downloadErrors(importId);
    } catch {
      setDownloadFailed(true);
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
              name="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => void onFile(event)}
            />
          }
        />
      )}
      <div aria-live="polite" className="wijknet-stack">
        {state.step === "uploading" && <Paragraph>{t("import.uploading", { file: state.fileName })}</Paragraph>}
        {state.step === "failed" && (
          <Alert type="error" role="none">
            <Paragraph>{t(`import.failed.${state.reason}`)}</Paragraph>
          </Alert>
        )}
        {state.step === "done" && (
          <Alert type="ok" role="none">
            <Paragraph>
              {t("import.done", { created: state.report.created, unchanged: state.report.unchanged, errors: state.report.errorCount })}
            </Paragraph>
          </Alert>
        )}
        {downloadFailed && (
          <Alert type="error" role="none">
            <Paragraph>{t("import.failed.download")}</Paragraph>
          </Alert>
        )}
      </div>
      {(state.step === "mapping" || state.step === "checked") && (
        <>
          <UploadSummary upload={state.upload} />
          <MappingEditor
            upload={state.upload}
            mapping={state.mapping}
            onChange={(column, field) => dispatch({ type: "map", column, field })}
          />
          {!mappingHasName(state.mapping) && (
            <Alert type="warning" role="none">
              <Paragraph>{t("import.needsName")}</Paragraph>
            </Alert>
          )}
          <ButtonGroup>
            <Button
              appearance={state.step === "mapping" ? "primary-action-button" : "secondary-action-button"}
              type="button"
              disabled={!mappingHasName(state.mapping) || (state.step === "mapping" && state.checking)}
              busy={state.step === "mapping" && state.checking}
              onClick={() => void onCheck()}
            >
              {t("import.check")}
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={() => dispatch({ type: "reset" })}>
              {t("import.other")}
            </Button>
          </ButtonGroup>
        </>
      )}
      {state.step === "checked" && (
        <>
          <ImportReportView report={state.report} fileName={state.upload.filename} onDownloadErrors={onDownloadErrors} />
          <ButtonGroup>
            <Button appearance="primary-action-button" type="button" disabled={state.report.created === 0} onClick={() => void onImport()}>
              {format.plural(state.report.created, {
                one: t("import.confirm.one"),
                other: t("import.confirm.other", { count: state.report.created }),
              })}
            </Button>
          </ButtonGroup>
        </>
      )}
      {state.step === "importing" && <ImportProgressBar processed={state.processed} total={state.total} />}
      {state.step === "done" && (
        <>
          <ImportReportView report={state.report} fileName={state.upload.filename} onDownloadErrors={onDownloadErrors} />
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

function UploadSummary({ upload }: { upload: ImportDescription }) {
  const { t } = useI18n();
  const separator = upload.separator === "\t" ? t("import.separator.tab") : upload.separator;
  return (
    <Paragraph>
      {upload.format === "XLSX"
        ? t("import.detectedXlsx", { file: upload.filename, rows: upload.rowCount })
        : t("import.detectedCsv", { file: upload.filename, rows: upload.rowCount, encoding: upload.encoding, separator: separator ?? "" })}
    </Paragraph>
  );
}

/** One row per column of the file: its header, the field it fills (or skip), and the first values. */
export function MappingEditor({
  upload,
  mapping,
  onChange,
}: {
  upload: ImportDescription;
  mapping: Mapping;
  onChange: (column: number, field: ContactImportField | null) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const options = [{ value: "", label: t("import.skip") }, ...FIELDS.map((f) => ({ value: f, label: t(`import.field.${f}`) }))];
  return (
    <section className="wijknet-stack" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {t("import.mappingHeading")}
      </Heading>
      <Paragraph>{t("import.mappingHelp")}</Paragraph>
      {upload.warnings.length > 0 && (
        <UnorderedList>
          {upload.warnings.map((w) => (
            <UnorderedListItem key={w.column}>
              {t(`import.warning.${w.code === "NOT_IMPORTED_COLUMN" ? "NOT_IMPORTED_COLUMN" : "UNKNOWN_COLUMN"}`, { header: w.header })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={headingId}>
        <Table aria-labelledby={headingId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("import.column")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("import.fieldLabel")}</TableHeaderCell>
              {upload.preview.map((row) => (
                <TableHeaderCell scope="col" key={row.line}>
                  {t("import.lineN", { line: row.line })}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {upload.columns.map((column) => (
              <TableRow key={column.column}>
                <TableHeaderCell scope="row">{column.header || t("import.noHeader", { n: column.column + 1 })}</TableHeaderCell>
                <TableCell>
                  <Select
                    aria-label={t("import.fieldFor", { header: column.header || String(column.column + 1) })}
                    value={mapping[column.column] ?? ""}
                    onChange={(event) => onChange(column.column, (event.target.value || null) as ContactImportField | null)}
                  >
                    {options.map((o) => (
                      <SelectOption key={o.value} value={o.value}>
                        {o.label}
                      </SelectOption>
                    ))}
                  </Select>
                </TableCell>
                {upload.preview.map((row) => (
                  <TableCell key={row.line}>{row.cells[column.column] ?? ""}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ResponsiveTableContainer>
    </section>
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

export function ImportReportView({
  report,
  fileName,
  onDownloadErrors,
}: {
  report: ImportReport;
  fileName: string;
  onDownloadErrors: (importId: string) => void;
}) {
  const { t } = useI18n();
  const errorsId = useId();
  const duplicatesId = useId();
  return (
    <section className="wijknet-stack" aria-labelledby={`${errorsId}-summary`}>
      <Heading level={2} id={`${errorsId}-summary`}>
        {report.dryRun ? t("import.reportHeading", { file: fileName }) : t("import.resultHeading", { file: fileName })}
      </Heading>
      <Paragraph>
        {t(report.dryRun ? "import.summaryDry" : "import.summaryDone", {
          rows: report.rowCount,
          created: report.created,
          unchanged: report.unchanged,
          errors: report.errorCount,
        })}
      </Paragraph>
      {report.errorCount > 0 && (
        <>
          <Heading level={3} id={errorsId}>
            {t("import.errorsHeading", { count: report.errorCount })}
          </Heading>
          <Paragraph>
            {t(report.errorCount > report.errors.length ? "import.errorsHelpMore" : "import.errorsHelp", { shown: report.errors.length })}
          </Paragraph>
          <ButtonGroup>
            <Button appearance="secondary-action-button" type="button" onClick={() => onDownloadErrors(report.importId)}>
              {t("import.downloadErrors")}
            </Button>
          </ButtonGroup>
          <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={errorsId}>
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
                  <TableRow key={`${error.line}-${error.column ?? ""}-${index}`}>
                    <TableHeaderCell scope="row">{error.line}</TableHeaderCell>
                    <TableCell>{error.column ?? t("import.wholeRow")}</TableCell>
                    {/* The server writes the message in the language this page asked for. */}
                    <TableCell>{error.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ResponsiveTableContainer>
        </>
      )}
      {report.duplicates.length > 0 && (
        <>
          <Heading level={3} id={duplicatesId}>
            {t("import.duplicatesHeading", { count: report.unchanged })}
          </Heading>
          <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={duplicatesId}>
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
          </ResponsiveTableContainer>
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
