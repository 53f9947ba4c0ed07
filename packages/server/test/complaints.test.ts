/**
 * Complaints about our own conduct (issue 19): registered apart from signals, handled by a
 * complaints handler, and invisible to the organisation they concern — proved by walking
 * every query root, the live feeds (with a full replay), the audit search and the exports
 * as a wijkboa (an enforcement liaison of the district).
 */
import { buildSchema, getNamedType, isEnumType, isNonNullType, isObjectType, isScalarType, type GraphQLObjectType } from "graphql";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { eventCursor } from "../src/core/cursor.js";
import { errorCode, gql, startTestApp } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { collect, loggedIn, MY_ALERTS, SIGNAL_FEED, settle } from "./support/live.js";
import { graphql } from "./generated/index.js";

let app: App;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const FILE = graphql(`mutation ComplaintsFile($input: FileComplaintInput!) {
  fileComplaint(input: $input) { id receivedAt handleBy referral { name url } }
}`);
const INBOX = graphql(`query ComplaintsInbox {
  complaints { id concerns description status overdue handleBy referralWanted reporter { id } district { id }
    timeline { kind note author { id } } }
}`);
const ONE = graphql(`query ComplaintsOne($id: ID!) { complaint(id: $id) { id status acknowledgedAt closedAt } }`);
const ACK = graphql(`mutation ComplaintsAck($id: ID!) { acknowledgeComplaint(id: $id) { id status acknowledgedAt } }`);
const NOTE = graphql(`mutation ComplaintsNote($id: ID!, $note: String!, $ack: Boolean) {
  addComplaintNote(id: $id, note: $note, acknowledgeWarnings: $ack) { id }
}`);
const CLOSE = graphql(`mutation ComplaintsClose($id: ID!, $note: String!) { closeComplaint(id: $id, note: $note) { id status closedAt } }`);
const AUDIT = graphql(`query ComplaintsAudit { auditLog(filter: { entityType: "Complaint" }) { entries { entityId action } } }`);

const MARKER = "Zwaluwstaartpleintje";

async function world() {
  const { municipality, districts } = await createMunicipality(app.db.prisma);
  const m = municipality.id;
  const d = districts[0]!.id;
  const enforcement = await app.db.prisma.partnerOrganisation.create({
    data: { municipalityId: m, kind: "ENFORCEMENT", name: "Handhaving" },
  });
  const police = await app.db.prisma.partnerOrganisation.create({ data: { municipalityId: m, kind: "POLICE", name: "Politie" } });
  return {
    m,
    d,
    admin: await loggedIn(app, app.db.prisma, m, "ADMIN"),
    coord: await loggedIn(app, app.db.prisma, m, "COORDINATOR"),
    handler: await loggedIn(app, app.db.prisma, m, "COMPLAINTS_HANDLER"),
    ally: await loggedIn(app, app.db.prisma, m, "ALLY", [d]),
    boa: await loggedIn(app, app.db.prisma, m, "POLICE_LIAISON", [d], { partnerOrganisationId: enforcement.id }),
    agent: await loggedIn(app, app.db.prisma, m, "POLICE_LIAISON", [d], { partnerOrganisationId: police.id }),
  };
}

describe("complaints", () => {
  it("reach the complaints handler with the statutory term and the referral; the handler acknowledges, notes and closes", async () => {
    const w = await world();
    const res = await gql(
      app,
      FILE,
      {
        input: {
          concerns: "ENFORCEMENT",
          description: "De boa's houden ons bij het plein steeds aan, alleen ons.",
          districtId: w.d,
          referralWanted: true,
        },
      },
      w.ally.token,
    );
    expect(res.errors).toBeUndefined();
    const receipt = res.data!.fileComplaint;
    // Awb art. 9:11 lid 1: six weeks (the municipality's default term).
    expect(Date.parse(receipt.handleBy) - Date.parse(receipt.receivedAt)).toBe(42 * 24 * 60 * 60_000);
    expect(receipt.referral.url).toMatch(/^https:\/\//);

    const inbox = await gql(app, INBOX, {}, w.handler.token);
    expect(inbox.data!.complaints).toHaveLength(1);
    expect(inbox.data!.complaints[0]).toMatchObject({
      id: receipt.id,
      concerns: "ENFORCEMENT",
      status: "RECEIVED",
      overdue: false,
      referralWanted: true,
      reporter: { id: w.ally.user.id },
      district: { id: w.d },
      timeline: [{ kind: "RECEIVED" }, { kind: "REFERRAL_OFFERED" }],
    });

    expect((await gql(app, ACK, { id: receipt.id }, w.handler.token)).data!.acknowledgeComplaint.status).toBe("ACKNOWLEDGED");
    expect(errorCode(await gql(app, ACK, { id: receipt.id }, w.handler.token))).toBe("CONFLICT");
    // A note that describes people is refused until acknowledged, like every free text.
    const refused = await gql(
      app,
      NOTE,
      { id: receipt.id, note: "Het zijn weer die Marrokaanse jongens, bekend bij ons" },
      w.handler.token,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DESCRIBES_PERSONS" });
    expect((await gql(app, NOTE, { id: receipt.id, note: "Gesprek met de melder gepland" }, w.handler.token)).errors).toBeUndefined();
    const closed = await gql(app, CLOSE, { id: receipt.id, note: "Gegrond; werkwijze aangepast" }, w.handler.token);
    expect(closed.data!.closeComplaint.status).toBe("CLOSED");

    const audit = await gql(app, AUDIT, {}, w.admin.token);
    expect(audit.data!.auditLog.entries.filter((e) => e.entityId === receipt.id).map((e) => e.action)).toEqual(
      expect.arrayContaining(["CREATE", "READ", "UPDATE"]),
    );
    const intake = await gql(app, FILE, { input: { concerns: "POLICE", description: "kort" } }, w.ally.token);
    expect(errorCode(intake)).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(app, FILE, { input: { concerns: "POLICE", description: "Lang genoeg verhaal" } }, w.handler.token))).toBe(
      "FORBIDDEN",
    );
  });

  it("a complaint about enforcement is invisible to the wijkboa: every query root, live feeds with replay, audit search, exports", {
    timeout: 120_000,
  }, async () => {
    const w = await world();
    const live = [collect(app.url, w.boa.token, SIGNAL_FEED, "signalFeed"), collect(app.url, w.boa.token, MY_ALERTS, "myAlerts")];
    try {
      await Promise.all(live.map((c) => c.connected()));
      const filed = await gql(
        app,
        FILE,
        {
          input: { concerns: "ENFORCEMENT", description: `Bij het ${MARKER} werden alleen wij aangehouden.`, districtId: w.d },
        },
        w.ally.token,
      );
      const complaintId = filed.data!.fileComplaint.id;
      // The handler does read it (the walk below would see the same text if it leaked).
      expect((await gql(app, ONE, { id: complaintId }, w.handler.token)).data!.complaint).toMatchObject({ id: complaintId });

      const leaks = (who: string, what: string, body: unknown) => {
        const text = JSON.stringify(body);
        expect(text.includes(complaintId) || text.includes(MARKER), `${who}: ${what} shows the complaint`).toBe(false);
      };

      // Every query root, with every field it has (three levels deep), the complaint's id for every id argument.
      const schema = buildSchema(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"));
      const roots = Object.values(schema.getQueryType()!.getFields());
      const walked: string[] = [];
      for (const who of ["boa", "agent", "coord"] as const) {
        for (const root of roots) {
          const args: string[] = [];
          let skip = false;
          for (const a of root.args) {
            if (!isNonNullType(a.type) || a.defaultValue !== undefined) continue;
            const named = getNamedType(a.type).name;
            if (a.name === "districtId") args.push(`${a.name}: "${w.d}"`);
            else if (named === "ID") args.push(`${a.name}: "${complaintId}"`);
            else if (named === "String") args.push(`${a.name}: "${complaintId}"`);
            else skip = true;
          }
          if (skip) continue;
          const type = getNamedType(root.type);
          const sel = isObjectType(type) ? selection(type, 3) : "";
          if (isObjectType(type) && !sel) continue;
          const q = `query Walk { ${root.name}${args.length ? `(${args.join(", ")})` : ""} ${sel ? `{ ${sel} }` : ""} }`;
          leaks(who, root.name, await gql(app, q, {}, w[who].token));
          if (who === "boa") walked.push(root.name);
        }
      }
      // The walk reached the roots that could carry it: signals, alerts, audit, exports, complaints.
      expect(walked).toEqual(
        expect.arrayContaining(["signals", "signal", "alertHistory", "auditLog", "complaints", "complaint", "exportContactsCsv"]),
      );
      expect(errorCode(await gql(app, INBOX, {}, w.boa.token))).toBe("FORBIDDEN");
      expect(errorCode(await gql(app, AUDIT, {}, w.boa.token))).toBe("FORBIDDEN");

      // Live feeds: nothing arrived, and a replay of everything from the start shows nothing either.
      await settle(500);
      for (const c of live) leaks("boa", "a live feed", c.events);
      const replay = [
        collect(app.url, w.boa.token, SIGNAL_FEED, "signalFeed", { after: eventCursor.encode(0n) }),
        collect(app.url, w.boa.token, MY_ALERTS, "myAlerts", { after: eventCursor.encode(0n) }),
      ];
      try {
        await Promise.all(replay.map((c) => c.connected()));
        await settle(500);
        for (const c of replay) {
          expect(c.errors).toEqual([]);
          leaks("boa", "a replay", c.events);
        }
      } finally {
        await Promise.all(replay.map((c) => c.dispose()));
      }
      // Nor was anyone alerted or any outbox event written about it.
      expect(await app.db.prisma.event.count({ where: { entityId: complaintId } })).toBe(0);
    } finally {
      await Promise.all(live.map((c) => c.dispose()));
    }
  });
});

/** Every field of a type that needs no argument, `depth` levels deep. */
function selection(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const t = getNamedType(f.type);
    if (isScalarType(t) || isEnumType(t)) parts.push(f.name);
    else if (isObjectType(t) && depth > 1) {
      const sub = selection(t, depth - 1);
      if (sub) parts.push(`${f.name} { ${sub} }`);
    }
  }
  return parts.join(" ");
}
