import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../test/render";
import { FigureSection, toCsv } from "./figure-section";

describe("FigureSection", () => {
  it("shows every figure in a table (the chart's text alternative): suppressed counts never as a number", () => {
    renderWithProviders(
      <FigureSection
        title="Themabijeenkomsten"
        fileName="bijeenkomsten"
        periods={["2026-01", "2026-02"]}
        series={[
          {
            label: "Aanwezig",
            kind: "count",
            values: [
              { value: 12, suppressed: false },
              { value: null, suppressed: true },
            ],
          },
          { label: "Opkomst", kind: "share", values: [0.75, null] },
        ]}
      />,
    );
    const table = screen.getByRole("table", { name: "Tabel: Themabijeenkomsten" });
    const rows = within(table).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual(["PeriodeAanwezigOpkomst", "2026-011275%", "2026-02minder dan 5geen cijfer"]);
    const csv = screen.getByRole("link", { name: "Download als CSV" });
    expect(csv.getAttribute("download")).toBe("bijeenkomsten.csv");
    expect(decodeURIComponent(csv.getAttribute("href")!.split(",").slice(1).join(","))).toContain("2026-02,minder dan 5,geen cijfer");
  });

  it("quotes CSV cells that need it", () => {
    expect(toCsv([["a,b", 'say "hi"', "plain"]])).toBe('"a,b","say ""hi""",plain\r\n');
  });
});
