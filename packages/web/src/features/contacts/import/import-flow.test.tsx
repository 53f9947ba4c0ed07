import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ContactImportDocument, RunContactImportDocument } from "../../../generated/gql/graphql";
import { renderWithProviders, testServices } from "../../../test/render";
import { createSessionStore } from "../../../lib/session-store";
import { ImportFlow } from "./contact-import-page";
import { importReducer, initialImportState, mappingInput, type ImportDescription, type ImportReport } from "./import-state";

const upload: ImportDescription = {
  __typename: "ContactImport",
  id: "imp-1",
  filename: "bondgenoten.csv",
  format: "CSV",
  encoding: "windows-1252",
  separator: ";",
  rowCount: 3,
  columns: [
    { __typename: "ContactImportColumn", column: 0, header: "Naam", field: "FULL_NAME" },
    { __typename: "ContactImportColumn", column: 1, header: "E-mail", field: "EMAIL" },
    { __typename: "ContactImportColumn", column: 2, header: "Postcode", field: null },
  ],
  warnings: [
    {
      __typename: "ContactImportWarning",
      column: 2,
      header: "Postcode",
      code: "UNKNOWN_COLUMN",
      message: 'Kolom "Postcode" is niet herkend en wordt overgeslagen.',
    },
  ],
  preview: [
    { __typename: "ContactImportPreviewRow", line: 2, cells: ["Henriëtte Müller", "h@voorbeeld.nl", "3511 AB"] },
    { __typename: "ContactImportPreviewRow", line: 3, cells: ["Iris", "geen-email", "3512 CD"] },
  ],
};

const dryReport: ImportReport = {
  __typename: "ContactImportReport",
  importId: "imp-1",
  dryRun: true,
  rowCount: 3,
  created: 1,
  unchanged: 1,
  errorCount: 1,
  errors: [
    { __typename: "ImportRowError", line: 3, column: "E-mail", code: "INVALID_EMAIL", message: '"geen-email" is geen geldig e-mailadres.' },
  ],
  duplicates: [
    {
      __typename: "ImportDuplicate",
      line: 4,
      matchedOn: "EMAIL",
      contact: { __typename: "Contact", id: "c-ruben", fullName: "Ruben Zeldenrust" },
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe("import state", () => {
  it("goes choose → uploading → mapping → checked → importing → done, and progress only moves forward", () => {
    let state = importReducer(initialImportState, { type: "upload", fileName: "a.csv" });
    expect(state.step).toBe("uploading");
    state = importReducer(state, { type: "uploaded", upload });
    expect(state).toMatchObject({ step: "mapping", mapping: ["FULL_NAME", "EMAIL", null] });
    state = importReducer(state, { type: "check" });
    state = importReducer(state, { type: "checked", report: dryReport });
    expect(state.step).toBe("checked");
    state = importReducer(state, { type: "start" });
    expect(state).toMatchObject({ step: "importing", processed: 0, total: 3 });
    state = importReducer(state, { type: "progress", processed: 2, total: 3 });
    state = importReducer(state, { type: "progress", processed: 1, total: 3 });
    expect(state).toMatchObject({ step: "importing", processed: 2 });
    state = importReducer(state, { type: "done", report: { ...dryReport, dryRun: false } });
    expect(state).toMatchObject({ step: "done", upload: { filename: "bondgenoten.csv" } });
  });

  it("a changed mapping needs a new dry run, and a field belongs to one column", () => {
    let state = importReducer(importReducer(initialImportState, { type: "upload", fileName: "a.csv" }), { type: "uploaded", upload });
    state = importReducer(importReducer(state, { type: "check" }), { type: "checked", report: dryReport });
    state = importReducer(state, { type: "map", column: 2, field: "EMAIL" });
    expect(state).toMatchObject({ step: "mapping", mapping: ["FULL_NAME", null, "EMAIL"] });
    expect(importReducer(state, { type: "start" })).toBe(state);
    expect(mappingInput(["FULL_NAME", null, "EMAIL"])).toEqual([
      { column: 0, field: "FULL_NAME" },
      { column: 2, field: "EMAIL" },
    ]);
  });
});

describe("ImportFlow", () => {
  it("uploads the file's bytes, shows what was detected, the mapping and a preview, then the dry run", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ importId: "imp-1", rowCount: 3 }), { status: 201 }));
    vi.stubGlobal("fetch", fetchMock);
    const services = testServices({ session: createSessionStore(null) });
    services.session.start({ token: "wkn_token", expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    renderWithProviders(<ImportFlow />, {
      services,
      mocks: [
        {
          request: { query: ContactImportDocument, variables: { id: "imp-1", language: "nl" } },
          result: { data: { contactImport: upload } },
        },
        {
          request: {
            query: RunContactImportDocument,
            variables: {
              input: {
                importId: "imp-1",
                mapping: [
                  { column: 0, field: "FULL_NAME" },
                  { column: 1, field: "EMAIL" },
                ],
                dryRun: true,
                language: "nl",
              },
            },
          },
          result: { data: { runContactImport: dryReport } },
        },
      ],
    });
    const bytes = new Uint8Array([0x48, 0x65, 0x6e, 0x72, 0x69, 0xeb]); // "Henrië" in Windows-1252
    const file = new File([bytes], "bondgenoten.csv", { type: "text/csv" });
    fireEvent.change(screen.getByLabelText("Bestand (CSV of XLSX)"), { target: { files: [file] } });

    expect(await screen.findByText("bondgenoten.csv: 3 rijen, tekenset windows-1252, scheidingsteken ;.")).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/import/contacts?filename=bondgenoten.csv");
    expect(init.body).toBe(file);
    expect(init.headers).toMatchObject({ "content-type": "application/octet-stream", authorization: "Bearer wkn_token" });

    const mapping = screen.getByRole("table", { name: "Kolommen toewijzen" });
    const postcode = within(mapping).getByRole("combobox", { name: "Gegeven in kolom Postcode" }) as HTMLSelectElement;
    expect(postcode.value).toBe("");
    expect((within(mapping).getByRole("combobox", { name: "Gegeven in kolom Naam" }) as HTMLSelectElement).value).toBe("FULL_NAME");
    expect(within(mapping).getByText("Henriëtte Müller")).toBeTruthy();
    expect(screen.getByText("Kolom 'Postcode' is niet herkend en wordt overgeslagen, tenzij je hem toewijst.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Controleren" }));
    const errors = await screen.findByRole("table", { name: "Rijen met een fout (1)" });
    const row = within(errors).getAllByRole("row")[1]!;
    expect(within(row).getByRole("rowheader").textContent).toBe("3");
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["E-mail", '"geen-email" is geen geldig e-mailadres.']);
    const duplicates = screen.getByRole("table", { name: "Staan er al in (1)" });
    expect(within(duplicates).getByRole("link", { name: "Ruben Zeldenrust" }).getAttribute("href")).toBe("/contacten/c-ruben");
    expect(screen.getByText("3 rijen gelezen. 1 nieuwe contacten, 1 staan er al in, 1 rijen met een fout.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Rijen met een fout downloaden (CSV)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "1 contact importeren" })).toBeTruthy();
  });

  it("says the file is too large when the server answers 413", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("{}", { status: 413 })),
    );
    renderWithProviders(<ImportFlow />);
    fireEvent.change(screen.getByLabelText("Bestand (CSV of XLSX)"), { target: { files: [new File(["x"], "groot.csv")] } });
    expect(await screen.findByText(/Het bestand is te groot/)).toBeTruthy();
    // The file picker is back, so the user can try again.
    expect(screen.getByLabelText("Bestand (CSV of XLSX)")).toBeTruthy();
  });

  it("asks for a name column before the dry run", () => {
    renderWithProviders(<ImportFlow initialState={{ step: "mapping", upload, mapping: [null, "EMAIL", null], checking: false }} />);
    expect(screen.getByText("Wijs een kolom toe aan Naam, of aan Voornaam en Achternaam.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Controleren" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows a labelled progress bar and the count while importing", () => {
    renderWithProviders(
      <ImportFlow initialState={{ step: "importing", upload, mapping: ["FULL_NAME", "EMAIL", null], processed: 250, total: 1000 }} />,
    );
    const bar = screen.getByRole("progressbar", { name: "Voortgang van het importeren" });
    expect(bar.getAttribute("value")).toBe("250");
    expect(bar.getAttribute("max")).toBe("1000");
    expect(screen.getByText("250 van 1000 rijen verwerkt")).toBeTruthy();
  });

  it("shows the result when done, in English too", () => {
    renderWithProviders(<ImportFlow initialState={{ step: "done", upload, report: { ...dryReport, dryRun: false } }} />, {
      language: "en",
    });
    expect(screen.getByText("Done. 1 contacts added, 1 already there, 1 rows with an error.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to the contacts" }).getAttribute("href")).toBe("/contacten");
  });
});
