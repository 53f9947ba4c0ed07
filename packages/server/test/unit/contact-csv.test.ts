import { describe, expect, it } from "vitest";
import type { AppError } from "../../src/core/errors.js";
import { contactsToCsv, parseContactsCsv } from "../../src/modules/contact/contact.csv.js";

describe("contact CSV", () => {
  it("reads Dutch Excel files: ';' separated, BOM, Dutch headers and labels", () => {
    const csv =
      "\uFEFFNaam;E-mail;Telefoon;Leeftijd;Wijken;Kanaal\r\nNoor de Vries;NOOR@example.org;06 1234 5678;16-17;overvecht;whatsapp\r\n";
    const { rows, errors, total } = parseContactsCsv(csv);
    expect(errors).toEqual([]);
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      line: 2,
      fullName: "Noor de Vries",
      email: "noor@example.org",
      ageBand: "AGE_16_17",
      districts: ["overvecht"],
      preferredChannel: "MESSAGING_APP",
    });
  });

  it("reports each bad row with its line and column and keeps the good ones", () => {
    const csv = [
      "naam,email,leeftijd",
      "Goed,goed@example.org,volwassen",
      ",leeg@example.org,",
      "Fout,geen-mail,",
      "Raar,raar@example.org,99-100",
    ].join("\n");
    const { rows, errors } = parseContactsCsv(csv);
    expect(rows.map((r) => r.fullName)).toEqual(["Goed"]);
    expect(errors).toEqual([
      { line: 3, field: "fullName", message: "Required." },
      { line: 4, field: "email", message: "Enter a valid email address." },
      { line: 5, field: "ageBand", message: expect.stringContaining("Unknown age band") },
    ]);
  });

  it("refuses a file without a name column or with unknown columns, naming them", () => {
    const fail = (csv: string) => {
      try {
        parseContactsCsv(csv);
      } catch (err) {
        return (err as AppError).message;
      }
      return "accepted";
    };
    expect(fail("email\nx@example.org")).toMatch(/naam/);
    expect(fail("naam,geboortedatum\nNoor,2001-01-01")).toMatch(/Unknown columns: geboortedatum/);
    expect(fail("")).toMatch(/empty/);
  });

  it("exports a file that reads back, with formulas defused", () => {
    const csv = contactsToCsv([
      {
        fullName: "=cmd|' /C calc'!A0",
        email: "a@example.org",
        phone: "+31 6 1234 5678",
        preferredChannel: "PHONE",
        preferredLanguage: "nl",
        ageBand: "ADULT",
        status: "ACTIVE",
        districts: ["Overvecht"],
        networks: ["Bondgenoten Overvecht"],
        organisations: [],
        roles: ["voorzitter"],
        lastInteractionAt: null,
      },
    ]);
    expect(csv.split("\r\n")[1]).toMatch(/^"?'=cmd/);
    const { rows, errors } = parseContactsCsv(csv);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      fullName: "=cmd|' /C calc'!A0",
      phone: "+31 6 1234 5678",
      districts: ["Overvecht"],
      role: "voorzitter",
    });
  });
});
