import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ExportContactsCsvDocument, ExportContactsXlsxDocument } from "../../generated/gql/graphql";
import { renderWithProviders } from "../../test/render";
import { useExportContacts, XLSX_TYPE } from "./use-export-contacts";

function Exporter() {
  const exporter = useExportContacts();
  return (
    <>
      <button type="button" onClick={() => void exporter.exportCsv({ text: "Lotte" })}>
        csv
      </button>
      <button type="button" onClick={() => void exporter.exportXlsx({ text: "Lotte" })}>
        xlsx
      </button>
      {exporter.rowCount !== null && <p>rows {exporter.rowCount}</p>}
    </>
  );
}

/** Captures what would be downloaded: the Blob handed to URL.createObjectURL and the link's file name. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.stubGlobal(
    "URL",
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        blobs.push(b);
        return "blob:x";
      },
      revokeObjectURL: () => {},
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("contact export", () => {
  it("downloads the XLSX the server sent (base64 → bytes) under its file name", async () => {
    const { blobs, names } = captureDownloads();
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    const base64 = btoa(String.fromCharCode(...bytes));
    renderWithProviders(<Exporter />, {
      mocks: [
        {
          request: { query: ExportContactsXlsxDocument, variables: { filter: { text: "Lotte" }, language: "nl" } },
          result: {
            data: {
              exportContactsXlsx: { __typename: "ContactXlsxExport", base64, filename: "wijknet-contacten-2026-12-02.xlsx", rowCount: 1 },
            },
          },
        },
      ],
    });
    fireEvent.click(screen.getByRole("button", { name: "xlsx" }));
    expect(await screen.findByText("rows 1")).toBeTruthy();
    expect(names).toEqual(["wijknet-contacten-2026-12-02.xlsx"]);
    expect(blobs[0]!.type).toBe(XLSX_TYPE);
    expect(new Uint8Array(await blobs[0]!.arrayBuffer())).toEqual(bytes);
  });

  it("asks for the CSV in the page's language and keeps the byte order mark", async () => {
    const { blobs, names } = captureDownloads();
    const csv = "\uFEFFName;Email\r\nLotte;l@example.org\r\n";
    renderWithProviders(<Exporter />, {
      language: "en",
      mocks: [
        {
          request: { query: ExportContactsCsvDocument, variables: { filter: { text: "Lotte" }, language: "en" } },
          result: { data: { exportContactsCsv: { __typename: "ContactCsvExport", csv, filename: "wijknet-contacten.csv", rowCount: 1 } } },
        },
      ],
    });
    fireEvent.click(screen.getByRole("button", { name: "csv" }));
    expect(await screen.findByText("rows 1")).toBeTruthy();
    expect(names).toEqual(["wijknet-contacten.csv"]);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
