import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ResponsiveTableContainer } from "./responsive-table";

function People() {
  const [rows, setRows] = useState(["Anna"]);
  return (
    <>
      <button type="button" onClick={() => setRows((r) => [...r, "Bram"])}>
        meer
      </button>
      <ResponsiveTableContainer>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((name) => (
              <TableRow key={name}>
                <TableHeaderCell scope="row">{name}</TableHeaderCell>
                <TableCell>Niet actief</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ResponsiveTableContainer>
    </>
  );
}

describe("ResponsiveTableContainer", () => {
  it("labels each cell with its column and keeps the table's roles, also for rows added later", async () => {
    render(<People />);
    const cell = screen.getAllByRole("cell")[0]!;
    expect(cell.getAttribute("data-label")).toBe("Status");
    expect(screen.getByRole("rowheader", { name: "Anna" }).getAttribute("data-label")).toBe("Naam");
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Naam", "Status"]);
    expect(screen.getByRole("table").closest(".wijknet-table--stack")).not.toBeNull();
    screen.getByRole("button", { name: "meer" }).click();
    await waitFor(() => expect(screen.getAllByRole("cell").map((c) => c.getAttribute("data-label"))).toEqual(["Status", "Status"]));
  });
});
