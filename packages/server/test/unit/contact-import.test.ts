import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { exportTable, localDateTime, tableToExcelCsv } from "../../src/modules/contact/contact.export-file.js";
import { detectShape, readRecords, startLine } from "../../src/modules/contact/contact.import-file.js";
import { mapRecord, mappingProblem, suggestMapping } from "../../src/modules/contact/contact.import-mapping.js";
import { importLanguage } from "../../src/modules/contact/contact.import-messages.js";

const records = async (bytes: Buffer) => {
  const out = [];
  for await (const r of readRecords(bytes, detectShape(bytes))) out.push(r);
  return out;
};

describe("reading a file", () => {
  it("detects encoding: BOM, valid UTF-8, else Windows-1252", () => {
    expect(detectShape(Buffer.from("\uFEFFnaam;email\n", "utf8"))).toMatchObject({ format: "CSV", encoding: "utf-8", separator: ";" });
    expect(detectShape(Buffer.from("naam,email\nZoë,z@x.nl\n", "utf8"))).toMatchObject({ encoding: "utf-8", separator: "," });
    expect(detectShape(iconv.encode("naam\temail\nZoë\tz@x.nl\n", "windows-1252"))).toMatchObject({
      encoding: "windows-1252",
      separator: "\t",
    });
    expect(detectShape(Buffer.from([0xff, 0xfe, 0x6e, 0x00]))).toMatchObject({ encoding: "utf-16le" });
    expect(detectShape(Buffer.from("PK\u0003\u0004rest"))).toMatchObject({ format: "XLSX", separator: null });
  });

  it("takes Excel's sep= line over counting, and counts outside quotes", () => {
    expect(detectShape(Buffer.from("sep=,\nnaam;x,email\n"))).toMatchObject({ separator: ",", skipLines: 1 });
    expect(detectShape(Buffer.from('"naam, volledig";email;telefoon\n'))).toMatchObject({ separator: ";" });
  });

  it("decodes Windows-1252 across slice borders and numbers lines from where a record starts", async () => {
    const text = `naam;notes\r\n"Henriëtte";"twee\r\nregels"\r\n\r\nMüller;${"é".repeat(300_000)}\r\nLaatste;x`;
    const out = await records(iconv.encode(text, "windows-1252"));
    expect(out.map((r) => r.line)).toEqual([1, 2, 5, 6]);
    expect(out[1]!.cells).toEqual(["Henriëtte", "twee\nregels"]);
    expect(out[2]!.cells![1]).toHaveLength(300_000);
    expect(out[2]!.cells![1]!.startsWith("é")).toBe(true);
    expect(startLine(7, '"a\nb\nc"\n')).toBe(5);
  });

  it("keeps a stray quote inside a cell and reports an unclosed one as a row error", async () => {
    const out = await records(Buffer.from('naam;email\nQuote "in" cel;a@x.nl\n"open;b@x.nl\nna;c@x.nl\n'));
    expect(out[1]).toEqual({ line: 2, cells: ['Quote "in" cel', "a@x.nl"] });
    expect(out[2]).toMatchObject({ error: "UNCLOSED_QUOTE" });
  });
});

describe("column mapping", () => {
  it("matches Dutch and English synonyms, accents and punctuation ignored; unknown columns get a note", () => {
    const { mapping, notes } = suggestMapping([
      "Voornaam",
      "Tussenvoegsel",
      "Achternaam",
      "E-mailadres",
      "GSM",
      "Postcode",
      "Status",
      "Wijk",
    ]);
    expect(mapping).toEqual([
      { column: 0, field: "FIRST_NAME" },
      { column: 1, field: "NAME_PREFIX" },
      { column: 2, field: "LAST_NAME" },
      { column: 3, field: "EMAIL" },
      { column: 4, field: "PHONE" },
      { column: 7, field: "DISTRICTS" },
    ]);
    expect(notes).toEqual([
      { column: 5, header: "Postcode", code: "UNKNOWN_COLUMN" },
      { column: 6, header: "Status", code: "NOT_IMPORTED_COLUMN" },
    ]);
    expect(suggestMapping(["Full name", "Mobile", "Remarks"]).mapping.map((m) => m.field)).toEqual(["FULL_NAME", "PHONE", "NOTES"]);
  });

  it("refuses a mapping without a name, with a field twice or past the last column", () => {
    expect(mappingProblem([{ column: 0, field: "EMAIL" }], 2)).toMatchObject({ code: "NO_NAME_COLUMN" });
    expect(
      mappingProblem(
        [
          { column: 0, field: "FULL_NAME" },
          { column: 1, field: "FULL_NAME" },
        ],
        2,
      ),
    ).toMatchObject({ code: "DUPLICATE_FIELD" });
    expect(mappingProblem([{ column: 5, field: "FULL_NAME" }], 2)).toMatchObject({ code: "UNKNOWN_COLUMN" });
    expect(mappingProblem([{ column: 1, field: "LAST_NAME" }], 2)).toBeNull();
  });

  it("joins the name parts, normalises the phone and reads labels", () => {
    const headers = ["Voornaam", "Tussenvoegsel", "Achternaam", "Mobiel", "Kanaal", "Leeftijd", "Wijken"];
    const { mapping } = suggestMapping(headers);
    const mapped = mapRecord(
      7,
      ["Jan", "van der", "Berg", "+31 (0)6 1234 5678", "WhatsApp", "18-23", "Noord; Zuid"],
      headers,
      mapping,
      "nl",
    );
    expect(mapped.row).toMatchObject({
      line: 7,
      fullName: "Jan van der Berg",
      phone: "+31612345678",
      preferredChannel: "MESSAGING_APP",
      ageBand: "AGE_18_23",
      districts: ["Noord", "Zuid"],
    });
    expect(mapRecord(8, ["Sara", "", "Ali", "", "", "28+", ""], headers, mapping, "nl").row).toMatchObject({
      fullName: "Sara Ali",
      ageBand: "ADULT",
    });
  });

  it("reports every problem of a row with its column as the file names it, in the chosen language", () => {
    const headers = ["Naam", "E-mail", "Telefoon", "Leeftijd", "Opmerkingen"];
    const { mapping } = suggestMapping(headers);
    const nl = mapRecord(3, ["", "geen", "12", "99", "Turkse buurman"], headers, mapping, "nl");
    expect(nl.errors!.map((e) => [e.column, e.code])).toEqual([
      ["Naam", "REQUIRED"],
      ["E-mail", "INVALID_EMAIL"],
      ["Telefoon", "INVALID_PHONE"],
      ["Leeftijd", "UNKNOWN_AGE_BAND"],
      ["Opmerkingen", "NOTES_DESCRIBE_PERSON"],
    ]);
    expect(nl.errors![0]!.message).toBe("Niet ingevuld; dit is verplicht.");
    const en = mapRecord(3, ["Kind", "", "", "12-15", ""], headers, mapping, "en");
    expect(en.errors).toEqual([
      { line: 3, column: "Leeftijd", code: "GUARDIAN_CONSENT_REQUIRED", message: expect.stringMatching(/^Under 16/) },
    ]);
    expect(importLanguage("en-GB")).toBe("en");
    expect(importLanguage("fr")).toBe("nl");
    expect(importLanguage(null)).toBe("nl");
  });
});

describe("export for Dutch Excel", () => {
  it("writes labels, national phone numbers, Amsterdam times, ';' and a BOM, formulas defused", () => {
    const row = {
      fullName: "=cmd|' /C calc'!A0",
      email: "a@example.org",
      phone: "+31612345678",
      preferredChannel: "PHONE",
      preferredLanguage: "nl",
      ageBand: "AGE_16_17",
      status: "ACTIVE",
      districts: ["Noord", "Zuid"],
      networks: [],
      organisations: [],
      roles: [],
      lastInteractionAt: new Date("2026-01-15T12:05:00Z"),
    };
    const csv = tableToExcelCsv(exportTable([row], "nl"));
    const [header, line] = csv.split("\r\n");
    expect(header).toBe("\uFEFFNaam;E-mail;Telefoon;Kanaal;Taal;Leeftijd;Status;Wijken;Netwerken;Organisatie;Functie;Laatste contact");
    expect(line).toBe(`'=cmd|' /C calc'!A0;a@example.org;06 12345678;telefoon;nl;16-17;actief;"Noord; Zuid";;;;15-01-2026 13:05`);
    expect(exportTable([row], "en")[1]!.slice(3, 7)).toEqual(["phone", "nl", "16-17", "active"]);
    expect(localDateTime(new Date("2026-07-01T22:30:00Z"))).toBe("02-07-2026 00:30");
  });
});
