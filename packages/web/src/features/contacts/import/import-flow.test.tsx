import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ImportContactsDocument } from "../../../generated/gql/graphql";
import { renderWithProviders } from "../../../test/render";
import { ImportFlow } from "./contact-import-page";
import { importableRows, importReducer, initialImportState, type ImportReport } from "./import-state";

const CSV = "naam;email\nSem;sem@voorbeeld.nl\nIris;geen-email\nRuben;ruben@voorbeeld.nl\n";
const dryReport: ImportReport = {
  __typename: "ContactImportReport",
  dryRun: true,
  rowCount: 3,
  created: 0,
  skipped: 0,
  errors: [{ __typename: "ImportRowError", line: 3, field: "email", message: "Enter a valid email address." }],
  duplicates: [
    {
      __typename: "ImportDuplicate",
      line: 4,
      matchedOn: "EMAIL",
      contact: { __typename: "Contact", id: "c-ruben", fullName: "Ruben Zeldenrust" },
    },
  ],
};

describe("import state", () => {
  it("goes choose → checking → checked → importing → done, and progress only moves forward", () => {
    let state = importReducer(initialImportState, { type: "check", fileName: "a.csv" });
    expect(state.step).toBe("checking");
    state = importReducer(state, { type: "checked", csv: CSV, report: dryReport });
    expect(state.step).toBe("checked");
    state = importReducer(state, { type: "start" });
    expect(state).toMatchObject({ step: "importing", processed: 0, total: 3 });
    state = importReducer(state, { type: "progress", processed: 2, total: 3 });
    state = importReducer(state, { type: "progress", processed: 1, total: 3 });
    expect(state).toMatchObject({ step: "importing", processed: 2 });
    state = importReducer(state, { type: "done", report: { ...dryReport, dryRun: false, created: 1, skipped: 2 } });
    expect(state).toMatchObject({ step: "done", fileName: "a.csv" });
  });

  it("ignores a start that does not follow a dry run", () => {
    expect(importReducer(initialImportState, { type: "start" })).toBe(initialImportState);
  });

  it("counts a row once however many errors it has, and leaves out duplicates", () => {
    const report = { ...dryReport, errors: [...dryReport.errors, { ...dryReport.errors[0]!, field: "naam" }] };
    expect(importableRows(report)).toBe(1);
  });
});

describe("ImportFlow", () => {
  it("shows the dry run's errors (line, column, message) and duplicates, and offers to import the good rows", async () => {
    renderWithProviders(<ImportFlow />, {
      mocks: [
        {
          request: { query: ImportContactsDocument, variables: { input: { csv: CSV, dryRun: true } } },
          result: { data: { importContacts: dryReport } },
        },
      ],
    });
    const file = new File([CSV], "bondgenoten.csv", { type: "text/csv" });
    fireEvent.change(screen.getByLabelText("CSV-bestand"), { target: { files: [file] } });
    const errors = await screen.findByRole("table", { name: "Fouten (1)" });
    const cells = within(errors).getAllByRole("row")[1]!;
    expect(within(cells).getByRole("rowheader").textContent).toBe("3");
    expect(
      within(cells)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["email", "Enter a valid email address."]);
    const duplicates = screen.getByRole("table", { name: "Staan er al in (1)" });
    expect(within(duplicates).getByRole("link", { name: "Ruben Zeldenrust" }).getAttribute("href")).toBe("/contacten/c-ruben");
    expect(within(duplicates).getByText("e-mailadres")).toBeTruthy();
    expect(screen.getByText("3 rijen gelezen. 1 contacten kunnen worden toegevoegd. 1 fouten, 1 dubbele contacten.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "1 contacten importeren" })).toBeTruthy();
  });

  it("says so when the dry run fails", async () => {
    renderWithProviders(<ImportFlow />, {
      mocks: [
        { request: { query: ImportContactsDocument, variables: { input: { csv: CSV, dryRun: true } } }, error: new TypeError("offline") },
      ],
    });
    fireEvent.change(screen.getByLabelText("CSV-bestand"), { target: { files: [new File([CSV], "a.csv")] } });
    expect(await screen.findByText(/Het controleren is niet gelukt/)).toBeTruthy();
    // The file picker is back, so the user can try again.
    expect(screen.getByLabelText("CSV-bestand")).toBeTruthy();
  });

  it("shows a labelled progress bar and the count while importing", () => {
    renderWithProviders(<ImportFlow initialState={{ step: "importing", fileName: "a.csv", csv: CSV, processed: 250, total: 1000 }} />);
    const bar = screen.getByRole("progressbar", { name: "Voortgang van het importeren" });
    expect(bar.getAttribute("value")).toBe("250");
    expect(bar.getAttribute("max")).toBe("1000");
    expect(screen.getByText("250 van 1000 rijen verwerkt")).toBeTruthy();
  });

  it("shows the result when done", () => {
    renderWithProviders(
      <ImportFlow initialState={{ step: "done", fileName: "a.csv", report: { ...dryReport, dryRun: false, created: 1, skipped: 2 } }} />,
    );
    expect(screen.getByText("Klaar. 1 contacten toegevoegd, 2 overgeslagen.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Naar de contacten" }).getAttribute("href")).toBe("/contacten");
  });
});
