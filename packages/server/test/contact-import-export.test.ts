import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, gqlAs, startTestApp, wsConnect } from "./support/app.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

const IMPORT = graphql(`mutation ContactImportImport($input: ImportContactsInput!) { importContacts(input: $input) {
  dryRun rowCount created skipped errors { line field message } duplicates { line matchedOn contact { id } } } }`);

let app: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});
const asCoordinator = gqlAs(
  () => app,
  () => w.tokens.coordinator,
);
const count = () => app.db.prisma.contact.count({ where: { municipalityId: w.municipality.id } });

describe("CSV import", () => {
  const existingEmail = "bestaand@example.org";
  const csv = [
    "naam;email;telefoon;leeftijd;wijken;organisatie;rol",
    "Yara Boukhari;yara@example.org;06 1234 0001;18-23;noord;Buurthuis De Brug;vrijwilliger",
    "Tom de Wit;;06 1234 0002;volwassen;Zuid;;",
    ";leeg@example.org;;;noord;;",
    "Dubbel in bestand;yara@example.org;;;noord;;",
    `Al bekend;${existingEmail.toUpperCase()};;;noord;;`,
    "Verkeerde wijk;wijk@example.org;;;Atlantis;;",
  ].join("\r\n");

  it("a dry run reports per row and writes nothing", async () => {
    await asCoordinator(
      graphql(`mutation ContactImportCreateContact($e: String!) { createContact(input: { fullName: "Bestaand", email: $e }) { id } }`),
      { e: existingEmail },
    );
    const before = await count();
    const res = await asCoordinator(IMPORT, { input: { csv } });
    expect(res.errors).toBeUndefined();
    const report = res.data!.importContacts;
    expect(report).toMatchObject({ dryRun: true, rowCount: 6, created: 0, skipped: 4 });
    expect(report.errors).toEqual([
      { line: 4, field: "fullName", message: "Required." },
      { line: 5, field: null, message: "The same person as on line 2 (same email or phone)." },
      { line: 7, field: "districts", message: "Unknown district: Atlantis." },
    ]);
    expect(report.duplicates).toEqual([{ line: 6, matchedOn: "EMAIL", contact: { id: expect.any(String) } }]);
    expect(await count()).toBe(before);
  });

  it("a real run writes the valid rows with districts, roles and new organisations, audited", async () => {
    const before = await count();
    const res = await asCoordinator(IMPORT, { input: { csv, dryRun: false } });
    expect(res.data!.importContacts).toMatchObject({ dryRun: false, created: 2, skipped: 4 });
    expect(await count()).toBe(before + 2);
    const yara = await asCoordinator(
      graphql(
        `query ContactImportContacts { contacts(filter: { text: "Yara" }) { edges { node { id email ageBand districts { name } roles { title organisation { name } } } } } }`,
      ),
    );
    const node = yara.data!.contacts.edges[0]!.node;
    expect(node).toMatchObject({
      email: "yara@example.org",
      ageBand: "AGE_18_23",
      districts: [{ name: "Noord" }],
      roles: [{ title: "vrijwilliger", organisation: { name: "Buurthuis De Brug" } }],
    });
    const audit = await app.db.prisma.auditEntry.count({ where: { entityId: node.id, action: "CREATE" } });
    expect(audit).toBe(1);
    // Importing the same file again finds them all as duplicates.
    const again = await asCoordinator(IMPORT, { input: { csv, dryRun: false } });
    expect(again.data!.importContacts).toMatchObject({ created: 0 });
    expect(again.data!.importContacts.duplicates.map((d: any) => d.matchedOn).sort()).toEqual(["EMAIL", "EMAIL", "PHONE"]);
  });

  it("refuses unreadable files with one clear error and writes nothing", async () => {
    const before = await count();
    for (const bad of ["", "email\nx@example.org", "naam,geboortedatum\nA,2000-01-01", 'naam\n"unterminated']) {
      const res = await asCoordinator(IMPORT, { input: { csv: bad, dryRun: false } });
      expect(errorCode(res), bad).toBe("BAD_USER_INPUT");
      expect(res.errors![0]!.extensions!["field"]).toBe("input.csv");
    }
    expect(await count()).toBe(before);
  });

  it("shows progress over WebSocket for a long file, then the report", async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `Voortgang ${i};voortgang${i}@example.org`);
    const big = ["naam,email", ...rows.map((r) => r.replace(";", ","))].join("\n");
    const { client } = wsConnect(app, w.tokens.coordinator);
    const events: any[] = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        {
          query: graphql(
            `subscription ContactImportImportContactsWithProgress($input: ImportContactsInput!) { importContactsWithProgress(input: $input) { processed total report { created } } }`,
          ).toString(),
          variables: { input: { csv: big, dryRun: false } },
        },
        { next: (v) => events.push(v.data!.importContactsWithProgress), error: reject, complete: resolve },
      );
    });
    await client.dispose();
    expect(events[0]).toEqual({ processed: 0, total: 600, report: null });
    expect(events.length).toBeGreaterThanOrEqual(4);
    const processed = events.map((e) => e.processed);
    expect([...processed].sort((a, b) => a - b)).toEqual(processed);
    expect(events.at(-1)).toEqual({ processed: 600, total: 600, report: { created: 600 } });
  });
});

describe("CSV export", () => {
  it("exports what the filter selects, re-importable, audited", async () => {
    const res = await asCoordinator(
      graphql(`query ContactImportExportContactsCsv { exportContactsCsv(filter: { text: "Yara" }) { filename rowCount csv } }`),
    );
    expect(res.errors).toBeUndefined();
    const out = res.data!.exportContactsCsv;
    expect(out.rowCount).toBe(1);
    expect(out.filename).toMatch(/^wijknet-contacten-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, line] = out.csv.trim().split("\r\n");
    expect(header).toBe("naam,email,telefoon,kanaal,taal,leeftijd,status,wijken,netwerken,organisatie,rol,laatste contact");
    expect(line).toContain("Yara Boukhari,yara@example.org");
    const dry = await asCoordinator(IMPORT, { input: { csv: out.csv } });
    expect(dry.data!.importContacts).toMatchObject({ rowCount: 1, errors: [], duplicates: [{ matchedOn: "EMAIL" }] });
    const audit = await app.db.prisma.auditEntry.findMany({
      where: { municipalityId: w.municipality.id, action: "EXPORT", entityType: "Contact" },
    });
    expect(audit.some((a) => (a.details as { kind?: string } | null)?.kind === "csv")).toBe(true);
  });
});
