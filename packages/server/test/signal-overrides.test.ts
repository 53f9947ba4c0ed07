import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { eventCursor } from "../src/core/cursor.js";
import { errorCode, gql, startTestApp } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { collect, loggedIn } from "./support/live.js";
import { waitUntil } from "./support/wait.js";
import { graphql } from "./generated/index.js";

/**
 * An overridden situation-text warning is stored with the signal, shown to the
 * coordinator as a flag, and handled before police: sharing needs a rewording that passes
 * the guard, and police read only the rewording, by every path (query, list, alert,
 * live feed, replay).
 */
let app: App;
let municipalityId: string;
let districtId: string;
beforeAll(async () => {
  app = await startTestApp();
  const m = await createMunicipality(app.db.prisma);
  municipalityId = m.municipality.id;
  districtId = m.districts[0]!.id;
});
afterAll(async () => {
  await app?.stop();
});

const ORIGINAL = "Marokkaanse jongeren hangen rond bij het winkelcentrum";
const ORIGINAL_DETAILS = "Het zijn weer die Marrokaanse jongens, bekend bij ons";
const REWORDED = "Groep jongeren hangt rond bij het winkelcentrum";
const REWORDED_DETAILS = "Al enkele avonden dezelfde groep, rond 21:00";

const REPORT = graphql(`mutation OverridesReport($input: ReportSignalInput!) {
  reportSignal(input: $input) { signal { id visibility flagged } warnings { field term family } }
}`);
const UPDATE = graphql(`mutation OverridesUpdate($id: ID!, $input: UpdateSignalInput!) {
  updateSignal(id: $id, input: $input) { id visibility summary details policeSummary policeDetails timeline { kind toValue } }
}`);
const COORD_VIEW = graphql(`query OverridesCoordinator($id: ID!) {
  signal(id: $id) { id summary details flagged policeSummary
    textOverrides { field acknowledgedAt acknowledgedBy { id } words { term family category positions { start end } } } }
}`);
const POLICE_VIEW = graphql(`query OverridesPolice($id: ID!) {
  signal(id: $id) { id summary details place flagged policeSummary policeDetails textOverrides { field } timeline { kind note toValue } }
  signals { nodes { id summary details } }
  alertHistory { signal { id summary details } }
}`);
const FEED = graphql(`subscription OverridesFeed($after: String) {
  signalFeed(after: $after) { cursor kind signalId signal { id summary details place } }
}`);
const ALERTS = graphql(`subscription OverridesAlerts($after: String) {
  myAlerts(after: $after) { cursor kind alert { id signal { id summary details place } } }
}`);

describe("overridden warnings on signals", () => {
  it("are stored and shown to the coordinator as a flag: which words, which field, who, when", async () => {
    const ally = await loggedIn(app, app.db.prisma, municipalityId, "ALLY", [districtId]);
    const coord = await loggedIn(app, app.db.prisma, municipalityId, "COORDINATOR");
    const res = await gql(
      app,
      REPORT,
      { input: { districtId, kind: "TENSION", severity: "MEDIUM", summary: ORIGINAL, acknowledgeWarnings: true } },
      ally.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportSignal.signal.flagged).toBe(true);
    const id = res.data!.reportSignal.signal.id;
    const seen = await gql(app, COORD_VIEW, { id }, coord.token);
    const s = seen.data!.signal!;
    expect(s).toMatchObject({ summary: ORIGINAL, flagged: true, policeSummary: null });
    expect(s.textOverrides).toHaveLength(1);
    expect(s.textOverrides[0]).toMatchObject({
      field: "summary",
      acknowledgedBy: { id: ally.user.id },
      words: [{ term: "Marokkaanse", family: "marokkaan", category: "NATIONALITY_OR_ORIGIN", positions: [{ start: 0, end: 11 }] }],
    });
    expect(Date.parse(s.textOverrides[0]!.acknowledgedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("a report that overrides a warning is never shared at once, even by a coordinator", async () => {
    const coord = await loggedIn(app, app.db.prisma, municipalityId, "COORDINATOR");
    const res = await gql(
      app,
      REPORT,
      {
        input: {
          districtId,
          kind: "TENSION",
          severity: "HIGH",
          summary: ORIGINAL,
          visibility: "SHARED_WITH_POLICE",
          acknowledgeWarnings: true,
        },
      },
      coord.token,
    );
    expect(res.data!.reportSignal.signal.visibility).toBe("COORDINATION_ONLY");
    expect(await app.db.prisma.alert.count({ where: { signalId: res.data!.reportSignal.signal.id, reason: "DISTRICT_LIAISON" } })).toBe(0);
  });

  it("sharing needs a rewording of every flagged field that itself passes the guard; police only ever read the rewording", async () => {
    const ally = await loggedIn(app, app.db.prisma, municipalityId, "ALLY", [districtId]);
    const coord = await loggedIn(app, app.db.prisma, municipalityId, "COORDINATOR");
    const liaison = await loggedIn(app, app.db.prisma, municipalityId, "POLICE_LIAISON", [districtId]);
    const feed = collect(app.url, liaison.token, FEED, "signalFeed");
    const alerts = collect(app.url, liaison.token, ALERTS, "myAlerts");
    try {
      await feed.connected();
      await alerts.connected();
      await waitUntil(() => app.fanout.subscriberCount() >= 2, { timeoutMs: 5_000 });
      const reported = await gql(
        app,
        REPORT,
        {
          input: {
            districtId,
            kind: "TENSION",
            severity: "HIGH",
            summary: ORIGINAL,
            details: ORIGINAL_DETAILS,
            place: "bij de Turkse bakker",
            acknowledgeWarnings: true,
          },
        },
        ally.token,
      );
      const id = reported.data!.reportSignal.signal.id;

      // No rewording: refused, naming both flagged fields (the place was not flagged).
      const bare = await gql(app, UPDATE, { id, input: { visibility: "SHARED_WITH_POLICE" } }, coord.token);
      expect(errorCode(bare)).toBe("BAD_USER_INPUT");
      expect(bare.errors![0]!.extensions).toMatchObject({
        reason: "REWORDING_REQUIRED",
        fields: ["input.policeSummary", "input.policeDetails"],
      });
      // Summary only: details still missing.
      const half = await gql(app, UPDATE, { id, input: { visibility: "SHARED_WITH_POLICE", policeSummary: REWORDED } }, coord.token);
      expect(half.errors![0]!.extensions).toMatchObject({ reason: "REWORDING_REQUIRED", fields: ["input.policeDetails"] });
      // A rewording that still describes people: refused, no acknowledgement possible.
      const still = await gql(
        app,
        UPDATE,
        {
          id,
          input: {
            visibility: "SHARED_WITH_POLICE",
            policeSummary: "Groep M.a.r.o.k.k.a.n.e.n bij het winkelcentrum",
            policeDetails: REWORDED_DETAILS,
            acknowledgeWarnings: true,
          },
        },
        coord.token,
      );
      expect(still.errors![0]!.extensions).toMatchObject({ reason: "DESCRIBES_PERSONS", field: "input.policeSummary" });
      // The same for the reworded details.
      const stillDetails = await gql(
        app,
        UPDATE,
        {
          id,
          input: {
            policeSummary: "Groep jongeren bij het winkelcentrum",
            policeDetails: "Het waren Marokkaanse jongens",
            acknowledgeWarnings: true,
          },
        },
        coord.token,
      );
      expect(stillDetails.errors![0]!.extensions).toMatchObject({ reason: "DESCRIBES_PERSONS", field: "input.policeDetails" });
      // A place that was not flagged gets no rewording.
      const unflagged = await gql(app, UPDATE, { id, input: { policePlace: "bij het winkelcentrum" } }, coord.token);
      expect(unflagged.errors![0]!.extensions).toMatchObject({ field: "input.policePlace" });
      expect(await app.db.prisma.alert.count({ where: { signalId: id, recipientId: liaison.user.id } })).toBe(0);

      const shared = await gql(
        app,
        UPDATE,
        { id, input: { visibility: "SHARED_WITH_POLICE", policeSummary: REWORDED, policeDetails: REWORDED_DETAILS } },
        coord.token,
      );
      expect(shared.errors).toBeUndefined();
      // The coordinator keeps the original, sees the rewording, and the timeline records it.
      expect(shared.data!.updateSignal).toMatchObject({
        summary: ORIGINAL,
        details: ORIGINAL_DETAILS,
        policeSummary: REWORDED,
        policeDetails: REWORDED_DETAILS,
      });
      expect(shared.data!.updateSignal.timeline.find((t) => t.kind === "TEXT_REWORDED")?.toValue).toBe("summary,details");
      const audit = await app.db.prisma.auditEntry.findFirst({ where: { entityId: id, action: "UPDATE" }, orderBy: { at: "desc" } });
      expect((audit!.details as Record<string, unknown>)["rewordedForPolice"]).toEqual(["summary", "details"]);

      // Police: live feed and alert carry the rewording only.
      await feed.waitFor(1, 5_000);
      await alerts.waitFor(1, 5_000);
      expect(feed.events.find((e) => e.signalId === id)?.signal).toMatchObject({
        summary: REWORDED,
        details: REWORDED_DETAILS,
        place: "bij de Turkse bakker",
      });
      expect(alerts.events.find((e) => e.alert.signal.id === id)?.alert.signal).toMatchObject({
        summary: REWORDED,
        details: REWORDED_DETAILS,
      });

      // Query, list, alert history: the rewording, no flag, no overrides, no rewording entry.
      const police = await gql(app, POLICE_VIEW, { id }, liaison.token);
      expect(police.errors).toBeUndefined();
      expect(police.data!.signal).toMatchObject({
        summary: REWORDED,
        details: REWORDED_DETAILS,
        flagged: false,
        policeSummary: null,
        policeDetails: null,
        textOverrides: [],
      });
      expect(police.data!.signal!.timeline.map((t) => t.kind)).not.toContain("TEXT_REWORDED");

      // A replay of the feed from the start, and everything else police read: never the original.
      const replay = collect(app.url, liaison.token, FEED, "signalFeed", { after: eventCursor.encode(0n) });
      try {
        await replay.waitFor(1, 5_000);
        const everything = JSON.stringify([police.data, feed.events, alerts.events, replay.events]);
        for (const word of ["Marokkaanse", "Marrokaanse", "bekend bij ons"]) expect(everything).not.toContain(word);
        expect(everything).toContain(REWORDED);
      } finally {
        await replay.dispose();
      }
    } finally {
      await feed.dispose();
      await alerts.dispose();
    }
  });

  it("retention's anonymisation removes the rewording and the overridden words too", async () => {
    const ally = await loggedIn(app, app.db.prisma, municipalityId, "ALLY", [districtId]);
    const coord = await loggedIn(app, app.db.prisma, municipalityId, "COORDINATOR");
    const res = await gql(
      app,
      REPORT,
      { input: { districtId, kind: "TENSION", severity: "LOW", summary: ORIGINAL, acknowledgeWarnings: true } },
      ally.token,
    );
    const id = res.data!.reportSignal.signal.id;
    await gql(app, UPDATE, { id, input: { policeSummary: REWORDED } }, coord.token);
    expect(await app.db.prisma.signalTextOverride.count({ where: { signalId: id } })).toBe(1);
    await app.services.retention.run(new Date(Date.now() + 366 * 86_400_000), { municipalityId });
    expect(await app.db.prisma.signal.findUniqueOrThrow({ where: { id } })).toMatchObject({
      summary: "Geanonimiseerd signaal",
      policeSummary: null,
      policeDetails: null,
      policePlace: null,
    });
    expect(await app.db.prisma.signalTextOverride.count({ where: { signalId: id } })).toBe(0);
  });
});
