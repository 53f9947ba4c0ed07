import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, startTestApp } from "./support/app.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

let app: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

const AUDIT =
  graphql(`query AuditLog($filter: AuditFilter, $first: Int, $after: String) { auditLog(filter: $filter, first: $first, after: $after) {
  nextCursor entries { id at action entityType entityId actorRole details actor { id } } } }`);

const SIGNAL_SUMMARY = graphql(`query AuditSignalSummary($id: ID!) { signal(id: $id) { summary } }`);

describe("audit log", () => {
  it("is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const { prisma } = app.db;
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { municipalityId: w.municipality.id } });
    await expect(prisma.auditEntry.update({ where: { id: entry.id }, data: { action: "READ" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    expect(await prisma.auditEntry.findUnique({ where: { id: entry.id } })).toEqual(entry);
  });

  it("lets an admin search their municipality's log, newest first, with filters and pages; the search is audited", async () => {
    const created = await gql(
      app,
      graphql(`mutation AuditCreateContact { createContact(input: { fullName: "Audit Persoon" }) { id } }`),
      {},
      w.tokens.coordinator,
    );
    const contactId = created.data!.createContact.id;
    const res = await gql(app, AUDIT, { filter: { entityType: "Contact", entityId: contactId } }, w.tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.auditLog.entries).toEqual([
      expect.objectContaining({
        action: "CREATE",
        entityType: "Contact",
        entityId: contactId,
        actorRole: "COORDINATOR",
        actor: { id: w.users.coordinator.id },
      }),
    ]);
    // Every login of the world's five users, in pages of two, newest first.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const r: any = await gql(app, AUDIT, { filter: { action: "LOGIN" }, first: 2, after }, w.tokens.admin);
      seen.push(...r.data.auditLog.entries.map((e: any) => e.id));
      after = r.data.auditLog.nextCursor;
      if (!after) break;
    }
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect([...seen].sort((a, b) => Number(BigInt(b) - BigInt(a)))).toEqual(seen);
    const searches = await app.db.prisma.auditEntry.count({ where: { actorId: w.users.admin.id, entityType: "AuditLog", action: "READ" } });
    expect(searches).toBeGreaterThanOrEqual(2);
  });

  it("shows nothing of another municipality and refuses everyone but admins", async () => {
    const other = await createWorld(app);
    const res = await gql(app, AUDIT, { filter: { actorId: other.users.coordinator.id } }, w.tokens.admin);
    expect(res.data!.auditLog.entries).toEqual([]);
    for (const role of ["coordinator", "liaison", "ally"] as const) {
      expect(errorCode(await gql(app, AUDIT, {}, w.tokens[role]))).toBe("FORBIDDEN");
    }
    expect(errorCode(await gql(app, AUDIT, {}, undefined))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(app, AUDIT, { after: "bogus" }, w.tokens.admin))).toBe("BAD_USER_INPUT");
  });

  it("records every read of a signal by anyone but the coordinator", async () => {
    const report = await gql(
      app,
      graphql(`mutation AuditReportSignal($i: ReportSignalInput!) { reportSignal(input: $i) { signal { id } } }`),
      {
        i: {
          districtId: w.districts[0]!.id,
          kind: "INCIDENT",
          severity: "HIGH",
          summary: "Vechtpartij bij de tramhalte",
          visibility: "SHARED_WITH_POLICE",
        },
      },
      w.tokens.coordinator,
    );
    const id = report.data!.reportSignal.signal.id;
    const reads = () => app.db.prisma.auditEntry.findMany({ where: { entityType: "Signal", entityId: id, action: "READ" } });
    await gql(app, SIGNAL_SUMMARY, { id }, w.tokens.coordinator);
    expect(await reads()).toEqual([]);
    await gql(app, SIGNAL_SUMMARY, { id }, w.tokens.liaison);
    await gql(app, graphql(`query AuditSignals { signals { nodes { id } } }`), {}, w.tokens.liaison);
    const rows = await reads();
    expect(rows.map((r) => r.actorId)).toEqual([w.users.liaison.id, w.users.liaison.id]);
  });
});
