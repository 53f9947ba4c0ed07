import { TableContainer, type TableContainerProps } from "@utrecht/component-library-react";
import { useLayoutEffect, useRef, type ReactNode } from "react";

/**
 * The app's table pattern: a drop-in for Utrecht's `TableContainer` (same props) around an
 * ordinary Utrecht `Table` with a `TableHeader` of `scope="col"` header cells.
 *
 * - Words are never broken inside a table (app.css `.wijknet-table`: no hyphenation, no
 *   break-word); a wide table scrolls inside its container instead (`overflowInline`).
 * - On a narrow screen (a phone, or 200 % zoom) each row becomes a card: the row header is its
 *   title and every other cell shows its column's name before its value (`data-label`, copied
 *   here from the header cells, also after the rows change).
 * - The table keeps its semantics when the CSS turns it into blocks: explicit roles (table, row,
 *   columnheader, rowheader, cell) go on the elements, as screen readers otherwise lose them.
 */
export function ResponsiveTableContainer({ className, children, ...props }: TableContainerProps & { children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) return;
    const label = () => labelCells(container);
    label();
    const observer = new MutationObserver(label);
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <TableContainer ref={ref} className={["wijknet-table", "wijknet-table--stack", className].filter(Boolean).join(" ")} {...props}>
      {children}
    </TableContainer>
  );
}

function setIfChanged(element: Element, name: string, value: string) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Copies each column's header text onto the body cells (`data-label`) and makes the table roles explicit. */
export function labelCells(container: HTMLElement): void {
  for (const table of container.querySelectorAll("table")) {
    setIfChanged(table, "role", "table");
    const cellsOf = (row: Element) => [...row.querySelectorAll(":scope > th, :scope > td")];
    const headerRow = table.querySelector(":scope > thead > tr");
    const labels = headerRow ? cellsOf(headerRow).map((cell) => (cell.textContent ?? "").trim()) : [];
    for (const group of table.querySelectorAll(":scope > thead, :scope > tbody, :scope > tfoot")) {
      setIfChanged(group, "role", "rowgroup");
      const inHead = group.tagName === "THEAD";
      for (const row of group.querySelectorAll(":scope > tr")) {
        setIfChanged(row, "role", "row");
        cellsOf(row).forEach((cell, index) => {
          setIfChanged(cell, "role", inHead ? "columnheader" : cell.tagName === "TH" ? "rowheader" : "cell");
          const text = labels[index];
          if (!inHead && text) setIfChanged(cell, "data-label", text);
        });
      }
    }
  }
}
