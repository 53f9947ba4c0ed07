import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../test/render";
import { HealthChart } from "./health-chart";
import { SuppressedCount, SuppressionExplanation } from "./suppressed-count";

describe("SuppressedCount", () => {
  it("shows 'minder dan 5' for a suppressed count, linked to the explanation, and never a number", () => {
    const { container } = renderWithProviders(
      <>
        <SuppressedCount count={{ value: null, suppressed: true }} explanationId="why" />
        <SuppressionExplanation id="why" />
      </>,
    );
    const cell = screen.getByText("minder dan 5");
    expect(cell.getAttribute("aria-describedby")).toBe("why");
    expect(document.getElementById("why")?.textContent).toMatch(/kleiner is dan 5 mensen, tonen we geen aantal/);
    expect(container.textContent?.replace(/5/g, "")).not.toMatch(/\d/);
  });

  it("treats a missing value as suppressed too (never shows 0)", () => {
    renderWithProviders(<SuppressedCount count={{ value: null, suppressed: false }} explanationId="why" />);
    expect(screen.getByText("minder dan 5")).toBeTruthy();
  });

  it("shows the number, in Dutch notation, when it is not suppressed", () => {
    const { container } = renderWithProviders(<SuppressedCount count={{ value: 1234, suppressed: false }} explanationId="why" />);
    expect(container.textContent).toBe("1.234");
  });

  it("in English says 'fewer than 5'", () => {
    renderWithProviders(<SuppressedCount count={{ value: null, suppressed: true }} explanationId="why" />, { language: "en" });
    expect(screen.getByText("fewer than 5")).toBeTruthy();
  });
});

describe("HealthChart", () => {
  it("draws no bar length for a suppressed count and hides the drawing from screen readers", () => {
    const { container } = renderWithProviders(
      <HealthChart
        captionId="cap"
        bars={[
          { label: "Bondgenoten", count: { value: 12, suppressed: false } },
          { label: "Deelnemers", count: { value: null, suppressed: true } },
        ]}
      />,
    );
    expect(container.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
    expect(container.querySelectorAll("rect.wijknet-chart__bar")).toHaveLength(1);
    expect(container.querySelectorAll("rect.wijknet-chart__bar--suppressed")).toHaveLength(1);
    expect(container.querySelector("figure")?.getAttribute("aria-labelledby")).toBe("cap");
    const texts = [...container.querySelectorAll("text")].map((t) => t.textContent);
    expect(texts).toEqual(["Bondgenoten", "12", "Deelnemers", "minder dan 5"]);
    // No inline style attributes: the production CSP forbids them.
    expect(container.querySelector("[style]")).toBeNull();
  });
});
