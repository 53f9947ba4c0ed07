import { describe, expect, it } from "vitest";
import { mayOpen } from "../../shell/access";
import { parsePath, pathOf } from "../../shell/routes";

describe("session routes", () => {
  it("parses and prints the sessions pages and the public RSVP link", () => {
    const id = "3f0b8a52-8c1e-4c61-9a55-0d1f2e3a4b5c";
    for (const path of [
      "/bijeenkomsten",
      "/bijeenkomsten/nieuw",
      `/bijeenkomsten/${id}`,
      `/bijeenkomsten/${id}/bewerken`,
      "/rsvp/wki_abc-DEF_123",
    ]) {
      expect(pathOf(parsePath(path))).toBe(path);
    }
    expect(parsePath("/rsvp/wki_abc")).toEqual({ name: "rsvp", token: "wki_abc" });
    expect(parsePath("/rsvp/").name).toBe("notFound");
  });

  it("keeps the coordinator pages for staff, the RSVP page for everyone", () => {
    expect(mayOpen("COORDINATOR", "sessions")).toBe(true);
    expect(mayOpen("POLICE_LIAISON", "session")).toBe(false);
    expect(mayOpen("ALLY", "sessionNew")).toBe(false);
    expect(mayOpen("ALLY", "rsvp")).toBe(true);
  });
});
