import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gqlAs, startTestApp, wsConnect } from "./support/app.js";
import { uploadImport } from "./support/imports.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

const DESCRIBE = graphql(`query ContactImportDescribe($id: ID!, $language: String) { contactImport(id: $id, language: $language) {
  id filename format encoding separator rowCount columns { column header field } warnings { column header code message }
  preview { line cells } } }`);
const RUN = graphql(`mutation ContactImportRun($input: RunContactImportInput!) { runContactImport(input: $input) {
  importId dryRun rowCount created unchanged errorCount errors { line column code message } duplicates { line matchedOn contact { id } } } }`);
const ERRORS = graphql(
  `query ContactImportErrors($id: ID!, $language: String) { contactImportErrors(id: $id, language: $language) { filename rowCount csv } }`,
);
const FIND = graphql(`query ContactImportFind($text: String!) { contacts(filter: { text: $text }, first: 50) { totalCount edges { node {
  id fullName email phone phoneDisplay ageBand preferredChannel notes districts { name } roles { title organisation { name } } } } } }`);

const MAX_BYTES = 3_000_000;
let app: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp({ IMPORT_MAX_BYTES: String(MAX_BYTES) });
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});
const asCoordinator = gqlAs(
  () => app,
  () => w.tokens.coordinator,
);
const upload = async (bytes: Uint8Array | string, filename?: string) => {
  const res = await uploadImport(app, w.tokens.coordinator, bytes, filename);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.importId as string;
};
const find = async (text: string) => (await asCoordinator(FIND, { text })).data!.contacts.edges.map((e) => e.node);
const run = async (importId: string, extra: { dryRun?: boolean; language?: string; mapping?: any } = {}) => {
  const res = await asCoordinator(RUN, { input: { importId, ...extra } });
  expect(res.errors).toBeUndefined();
  return res.data!.runContactImport;
};

describe("upload endpoint", () => {
  it("needs a coordinator, CSRF-safe requests and a size limit (413 above it)", async () => {
    expect((await uploadImport(app, undefined, "naam\nA\n")).status).toBe(401);
    const ally = await uploadImport(app, w.tokens.ally, "naam\nA\n");
    expect(ally.status).toBe(403);
    const simple = await uploadImport(app, w.tokens.coordinator, "naam\nA\n", "a.csv", { "content-type": "text/plain" });
    expect(simple.status).toBe(400);
    expect(simple.body.errors[0].message).toMatch(/CSRF/);
    const big = await uploadImport(app, w.tokens.coordinator, new Uint8Array(MAX_BYTES + 1).fill(65));
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions).toMatchObject({ code: "PAYLOAD_TOO_LARGE", maxBytes: MAX_BYTES });
    const empty = await uploadImport(app, w.tokens.coordinator, "");
    expect(empty.status).toBe(400);
  });

  it("refuses an old binary Excel file (.xls) with a clear message", async () => {
    const xls = await uploadImport(app, w.tokens.coordinator, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "oud.xls");
    expect(xls.status).toBe(400);
    expect(xls.body.errors[0].message).toMatch(/oud Excel-bestand \(\.xls\); sla het op als \.xlsx of als CSV/);
  });

  it("a second real run of the same upload while the first is running is refused, so nothing is created twice", async () => {
    const rows = Array.from({ length: 1_500 }, (_, i) => `Dubbelklik ${i};dubbelklik${i}@example.org`);
    const id = await upload(["naam;email", ...rows].join("\n"));
    const [first, second] = await Promise.all([
      asCoordinator(RUN, { input: { importId: id, dryRun: false } }),
      asCoordinator(RUN, { input: { importId: id, dryRun: false } }),
    ]);
    const codes = [first, second].map((r) => (r.errors ? errorCode(r) : "OK")).sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
    expect(
      await app.db.prisma.contact.count({ where: { municipalityId: w.municipality.id, fullName: { startsWith: "Dubbelklik " } } }),
    ).toBe(1_500);
  });

  it("the retention sweep deletes an upload after IMPORT_RETENTION_HOURS (24), not before", async () => {
    const id = await upload("naam\nWeg Na Een Dag\n");
    const scope = { municipalityId: w.municipality.id };
    await app.services.retention.run(new Date(Date.now() + 23 * 3_600_000), scope);
    expect(await app.db.prisma.contactImport.count({ where: { id } })).toBe(1);
    await app.services.retention.run(new Date(Date.now() + 25 * 3_600_000), scope);
    expect(await app.db.prisma.contactImport.count({ where: { id } })).toBe(0);
    expect(errorCode(await asCoordinator(DESCRIBE, { id }))).toBe("NOT_FOUND");
  });

  it("another municipality's or an unknown import id is NOT_FOUND", async () => {
    const res = await asCoordinator(DESCRIBE, { id: "01900000-0000-7000-8000-000000000000" });
    expect(errorCode(res)).toBe("NOT_FOUND");
  });
});

describe("Dutch Excel files", () => {
  it("reads a Windows-1252 file with Excel's sep=; line, quoted line breaks and correct line numbers", async () => {
    const text = [
      "sep=;",
      "Naam;E-mailadres;Mobiel;Wijk;Opmerkingen",
      "Henriëtte Müller;henriette@example.org;0031 6 1111 0001;Noord;",
      'Zoë Çelik;zoe@example.org;+31 (0)6 1111 0002;Zuid;"Eerste regel',
      'tweede regel; met scheidingsteken"',
      "Fout Nummer;fout@example.org;12;Noord;",
      "Désirée Brandt;desiree@example.org;06-11110003;Oost;Komt op dinsdag",
    ].join("\r\n");
    const bytes = iconv.encode(text, "windows-1252");
    expect(Buffer.from(bytes).includes(Buffer.from("ë", "utf8"))).toBe(false);
    const id = await upload(bytes, "export uit excel.csv");
    const described = (await asCoordinator(DESCRIBE, { id })).data!.contactImport;
    expect(described).toMatchObject({ format: "CSV", encoding: "windows-1252", separator: ";", rowCount: 4 });
    expect(described.columns.map((c) => c.field)).toEqual(["FULL_NAME", "EMAIL", "PHONE", "DISTRICTS", "NOTES"]);
    expect(described.preview[0]).toEqual({
      line: 3,
      cells: ["Henriëtte Müller", "henriette@example.org", "0031 6 1111 0001", "Noord", ""],
    });
    expect(described.preview[1]!.cells[4]).toBe("Eerste regel\ntweede regel; met scheidingsteken");

    const report = await run(id, { dryRun: false });
    expect(report).toMatchObject({ rowCount: 4, created: 3, unchanged: 0, errorCount: 1 });
    // The quoted cell spans lines 4-5, so the bad row is line 6, and the message names the column as the file does.
    expect(report.errors).toEqual([{ line: 6, column: "Mobiel", code: "INVALID_PHONE", message: expect.stringContaining('"12"') }]);
    const [henriette] = await find("Henriëtte");
    expect(henriette).toMatchObject({ fullName: "Henriëtte Müller", phone: "+31611110001", phoneDisplay: "06 11110001" });
    const [zoe] = await find("Zoë");
    expect(zoe).toMatchObject({ phone: "+31611110002", districts: [{ name: "Zuid" }] });
  });

  it("maps Voornaam/Tussenvoegsel/Achternaam from a UTF-8 BOM file, skips Postcode with a warning, and is idempotent", async () => {
    const csv =
      "\uFEFFVoornaam;Tussenvoegsel;Achternaam;Postcode;Telefoon;Leeftijd;Organisatie;Functie\r\n" +
      "Jan;van der;Berg;3511 AB;06 2222 0001;volwassen;Buurthuis De Brug;vrijwilliger\r\n" +
      "Fatima;;Amrani;3512 CD;06 2222 0002;18-23;;\r\n" +
      "Pieter;de;Vries;3513 EF;;24-27;Buurthuis De Brug;\r\n";
    const id = await upload(csv);
    const described = (await asCoordinator(DESCRIBE, { id })).data!.contactImport;
    expect(described).toMatchObject({ encoding: "utf-8", separator: ";", rowCount: 3 });
    expect(described.columns.map((c) => c.field)).toEqual([
      "FIRST_NAME",
      "NAME_PREFIX",
      "LAST_NAME",
      null,
      "PHONE",
      "AGE_BAND",
      "ORGANISATION",
      "ROLE",
    ]);
    expect(described.warnings).toEqual([
      { column: 3, header: "Postcode", code: "UNKNOWN_COLUMN", message: 'Kolom "Postcode" is niet herkend en wordt overgeslagen.' },
    ]);
    const before = await app.db.prisma.contact.count({ where: { municipalityId: w.municipality.id } });
    const dry = await run(id);
    expect(dry).toMatchObject({ dryRun: true, rowCount: 3, created: 3, unchanged: 0, errorCount: 0 });
    expect(await app.db.prisma.contact.count({ where: { municipalityId: w.municipality.id } })).toBe(before);

    const real = await run(id, { dryRun: false });
    expect(real).toMatchObject({ dryRun: false, created: 3, unchanged: 0, errorCount: 0 });
    const [jan] = await find("Jan van der Berg");
    expect(jan).toMatchObject({
      fullName: "Jan van der Berg",
      phone: "+31622220001",
      roles: [{ title: "vrijwilliger", organisation: { name: "Buurthuis De Brug" } }],
    });
    expect(await app.db.prisma.auditEntry.count({ where: { entityId: jan!.id, action: "CREATE" } })).toBe(1);
    const uploadAudit = await app.db.prisma.auditEntry.findFirst({ where: { entityType: "ContactImport", entityId: id } });
    expect(uploadAudit).toMatchObject({ action: "CREATE", actorId: w.users.coordinator.id, details: { format: "CSV", rowCount: 3 } });

    // The same file again creates nothing; the same people in other notations are found too.
    const again = await run(await upload(csv), { dryRun: false });
    expect(again).toMatchObject({ created: 0, unchanged: 3, errorCount: 0 });
    const otherNotation = await upload("Naam;GSM\r\nJ. van der Berg;+31 (0)6 2222 0001\r\nF. Amrani;0031622220002\r\n");
    const dup = await run(otherNotation);
    expect(dup).toMatchObject({ created: 0, unchanged: 2 });
    expect(dup.duplicates.map((d) => d.matchedOn)).toEqual(["PHONE", "PHONE"]);
    expect(dup.duplicates[0]!.contact.id).toBe(jan!.id);
  });

  it("lets the coordinator change the mapping before the run", async () => {
    const id = await upload("Wie;Nummer\nMapping Persoon;06 3333 0001\n");
    const described = (await asCoordinator(DESCRIBE, { id })).data!.contactImport;
    expect(described.columns.map((c) => c.field)).toEqual([null, null]);
    const noName = await asCoordinator(RUN, { input: { importId: id } });
    expect(errorCode(noName)).toBe("BAD_USER_INPUT");
    expect(noName.errors![0]!.message).toMatch(/Geen kolom voor de naam/);
    const report = await run(id, {
      dryRun: false,
      mapping: [
        { column: 0, field: "FULL_NAME" },
        { column: 1, field: "PHONE" },
      ],
    });
    expect(report).toMatchObject({ created: 1 });
    expect((await find("Mapping Persoon"))[0]).toMatchObject({ phone: "+31633330001" });
  });
});

describe("rows, not files, fail", () => {
  const csv = [
    "naam,email,telefoon,leeftijd,wijken,opmerkingen,kanaal",
    "Goed Een,goed1@example.org,,volwassen,noord,,",
    ",leeg@example.org,,,noord,,",
    "Slecht Adres,geen-mail,06 4444 0001,,,,",
    "Goed Twee,goed2@example.org,,,,,sms",
    "Jonge Jan,jan@example.org,,12-15,,,",
    "Beschrijving,b@example.org,,,,Marokkaanse jongen,",
    "Dubbel,goed1@example.org,,,,,",
    "Ver Weg,ver@example.org,,,Atlantis,,",
    'Quote "in" cel,quote@example.org,,,,,',
  ].join("\n");

  it("imports the good rows, lists the bad ones in the user's language, and the error CSV reads back", async () => {
    const id = await upload(csv, "lijst.csv");
    const report = await run(id, { dryRun: false, language: "en" });
    expect(report).toMatchObject({ rowCount: 9, created: 3, unchanged: 0, errorCount: 6 });
    expect(report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, "naam", "REQUIRED"],
      [4, "email", "INVALID_EMAIL"],
      [6, "leeftijd", "GUARDIAN_CONSENT_REQUIRED"],
      [7, "opmerkingen", "NOTES_DESCRIBE_PERSON"],
      [8, null, "DUPLICATE_IN_FILE"],
      [9, "wijken", "UNKNOWN_DISTRICT"],
    ]);
    expect(report.errors.find((e) => e.line === 8)!.message).toBe("The same person as on line 2 (same email address or phone number).");
    // No internal field names anywhere.
    for (const e of report.errors) expect(e.message).not.toMatch(/fullName|Required\.|ageBand/);
    expect((await find("Goed Twee"))[0]).toMatchObject({ preferredChannel: "SMS" });
    expect(await find("Beschrijving")).toEqual([]);
    expect((await find("Quote"))[0]!.fullName).toBe('Quote "in" cel');

    const errors = (await asCoordinator(ERRORS, { id })).data!.contactImportErrors;
    expect(errors.filename).toBe("lijst-fouten.csv");
    expect(errors.rowCount).toBe(6);
    expect(errors.csv.startsWith("\uFEFF")).toBe(true);
    const lines = errors.csv.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("naam,email,telefoon,leeftijd,wijken,opmerkingen,kanaal,Fout");
    expect(lines[1]).toBe(",leeg@example.org,,,noord,,,naam: Empty; this is required.");
    expect(lines[6]).toMatch(/^Ver Weg,ver@example.org,,,Atlantis,,,wijken: Unknown district: Atlantis\.$/);

    // Fixed and sent back: the error column is skipped with a warning, the fixed rows go in
    // (line 8 is now the only row with goed1@…, so it matches the contact made above).
    const fixed = errors.csv.replace(",leeg@example.org,", "Nu Met Naam,leeg@example.org,").replace("Atlantis", "Oost");
    const second = await upload(fixed, "lijst-fouten.csv");
    const warnings = (await asCoordinator(DESCRIBE, { id: second })).data!.contactImport.warnings;
    expect(warnings.map((x) => x.header)).toEqual(["Fout"]);
    const again = await run(second, { dryRun: false });
    expect(again).toMatchObject({ created: 2, unchanged: 1, errorCount: 3 });
    expect(again.errors.map((e) => e.code)).toEqual(["INVALID_EMAIL", "GUARDIAN_CONSENT_REQUIRED", "NOTES_DESCRIBE_PERSON"]);
    expect(again.errors[0]!.message).toMatch(/is geen geldig e-mailadres/);
  });

  it("reports an unclosed quote on its line and keeps the rows before it", async () => {
    const id = await upload('naam;email\nVoor Quote;voor@example.org\n"Open quote;x@example.org\nNa Quote;na@example.org\n');
    const report = await run(id);
    expect(report).toMatchObject({ created: 1, errorCount: 1 });
    expect(report.errors[0]).toMatchObject({ code: "UNCLOSED_QUOTE", column: null });
  });
});

describe("XLSX", () => {
  it("imports the first worksheet through the same upload, never running formulas", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Contacten");
    sheet.addRow(["Naam", "E-mail", "Telefoon", "Wijk", "Aantal"]);
    sheet.addRow(["Xander Excel", "xander@example.org", "06 5555 0001", "Noord", 3]);
    sheet.addRow(["(formule)", "formule@example.org", "", "", 1]);
    sheet.addRow(["Yvonne Excel", "yvonne@example.org", 612345678, "Zuid", { formula: "1+1", result: 2 }]);
    sheet.getCell("A3").value = { formula: 'CONCATENATE("Zo","ë Formule")', result: "Zoë Formule" };
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const id = await upload(bytes, "contacten.xlsx");
    const described = (await asCoordinator(DESCRIBE, { id })).data!.contactImport;
    expect(described).toMatchObject({ format: "XLSX", separator: null, rowCount: 3 });
    expect(described.warnings.map((x) => x.code)).toEqual(["UNKNOWN_COLUMN"]);
    const report = await run(id, { dryRun: false });
    expect(report).toMatchObject({ created: 3, errorCount: 0 });
    expect((await find("Xander"))[0]).toMatchObject({ phone: "+31655550001", districts: [{ name: "Noord" }] });
    // The formula's saved result, not the formula.
    expect((await find("Formule"))[0]).toMatchObject({ fullName: "Zoë Formule" });
    expect((await find("Yvonne"))[0]).toMatchObject({ phone: "+31612345678" });
  });
});

describe("progress", () => {
  it("a 5,000-row file shows progress in small messages, then the report", async () => {
    const rows = Array.from(
      { length: 5_000 },
      (_, i) => `Voortgang ${i};voortgang${i}@example.org;06 12${String(i).padStart(6, "0")};noord`,
    );
    rows[100] = "Kapot;geen-mail;;noord";
    const id = await upload(["naam;email;telefoon;wijk", ...rows].join("\r\n"));
    const { client } = wsConnect(app, w.tokens.coordinator);
    const events: any[] = [];
    const sizes: number[] = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        {
          query: graphql(
            `subscription ContactImportProgress($input: RunContactImportInput!) { runContactImportWithProgress(input: $input) { processed total created unchanged errorCount report { created errorCount errors { line code } } } }`,
          ).toString(),
          variables: { input: { importId: id, dryRun: false } },
        },
        {
          next: (v) => {
            sizes.push(JSON.stringify(v).length);
            events.push(v.data!.runContactImportWithProgress);
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    await client.dispose();
    expect(events[0]).toMatchObject({ processed: 0, total: 5_000, created: 0, report: null });
    expect(events.length).toBeGreaterThanOrEqual(10);
    const processed = events.map((e) => e.processed);
    expect([...processed].sort((a, b) => a - b)).toEqual(processed);
    expect(Math.max(...sizes)).toBeLessThan(16 * 1024);
    expect(events.at(-1)).toMatchObject({
      processed: 5_000,
      created: 4_999,
      report: { created: 4_999, errorCount: 1, errors: [{ line: 102, code: "INVALID_EMAIL" }] },
    });
    expect((await find("Voortgang 4999"))[0]).toMatchObject({ phone: "+31612004999" });
  });
});

describe("export for Dutch Excel", () => {
  it("CSV: ';' with a BOM, labels and Amsterdam times, formulas defused, and it reads back", async () => {
    const [jan] = await find("Jan van der Berg");
    await app.db.prisma.contact.update({ where: { id: jan!.id }, data: { lastInteractionAt: new Date("2026-07-01T22:30:00Z") } });
    const exportCsv = graphql(
      `query ContactImportExportCsv($text: String!, $language: String) { exportContactsCsv(filter: { text: $text }, language: $language) { filename rowCount csv } }`,
    );
    const out = (await asCoordinator(exportCsv, { text: "Jan van der Berg" })).data!.exportContactsCsv;
    expect(out.rowCount).toBe(1);
    expect(out.csv).toBe(
      "\uFEFFNaam;E-mail;Telefoon;Kanaal;Taal;Leeftijd;Status;Wijken;Netwerken;Organisatie;Functie;Laatste contact\r\n" +
        "Jan van der Berg;;06 22220001;e-mail;nl;volwassen;actief;;;Buurthuis De Brug;vrijwilliger;02-07-2026 00:30\r\n",
    );
    const english = (await asCoordinator(exportCsv, { text: "Jan van der Berg", language: "en" })).data!.exportContactsCsv.csv;
    expect(english).toContain("\uFEFFName;Email;Phone;");
    expect(english).toContain(";adult;active;");

    await asCoordinator(
      graphql(`mutation ContactImportCreateFormula { createContact(input: { fullName: "=1+2 Formule", email: "f@example.org" }) { id } }`),
    );
    const formula = (await asCoordinator(exportCsv, { text: "Formule" })).data!.exportContactsCsv.csv;
    expect(formula).toContain("\r\n'=1+2 Formule;f@example.org;");

    const back = await run(await upload(out.csv + formula.replace(/^[^\n]*\n/, ""), out.filename));
    expect(back).toMatchObject({ rowCount: 3, created: 0, unchanged: 3, errorCount: 0 });
  });

  it("XLSX: the same table as strings, formula-like cells defused", async () => {
    const res = await asCoordinator(
      graphql(`query ContactImportExportXlsx { exportContactsXlsx(filter: { text: "Formule" }) { filename rowCount base64 } }`),
    );
    expect(res.errors).toBeUndefined();
    const out = res.data!.exportContactsXlsx;
    expect(out.filename).toMatch(/^wijknet-contacten-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, "base64") as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Naam");
    const names = [];
    for (let r = 2; r <= sheet.rowCount; r++) names.push(sheet.getRow(r).getCell(1).value);
    expect(names).toContain("'=1+2 Formule");
    expect(names.every((v) => typeof v === "string")).toBe(true);
    const audit = await app.db.prisma.auditEntry.findMany({ where: { municipalityId: w.municipality.id, action: "EXPORT" } });
    expect(audit.map((a) => (a.details as { kind?: string }).kind).sort()).toEqual(["csv", "csv", "csv", "xlsx"]);
  });
});
