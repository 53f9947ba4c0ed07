import { describe, expect, it } from "vitest";
import { mayOpen } from "./access";
import type { Route } from "../kit/router";
import { parsePath, pathOf } from "./routes";

describe("access", () => {
  it("gives the police liaison the dashboard but never contacts or organisations", () => {
    expect(mayOpen("POLICE_LIAISON", "dashboard")).toBe(true);
    for (const page of ["contacts", "contact", "contactNew", "organisations", "organisationNew", "organisationEdit"] as const) {
      expect(mayOpen("POLICE_LIAISON", page)).toBe(false);
    }
    expect(mayOpen("ALLY", "dashboard")).toBe(false);
    expect(mayOpen("COORDINATOR", "organisations")).toBe(true);
  });
});

describe("new routes", () => {
  it.each<Route>([
    { name: "contactNew" },
    { name: "organisations" },
    { name: "organisationNew" },
    { name: "organisationEdit", id: "0197c3a8-1111-7000-8000-000000000001" },
  ])("round-trip %o", (route) => {
    expect(parsePath(pathOf(route))).toEqual(route);
  });
});
