/**
 * Partner organisations (issue 19): sharing a signal per organisation (police, the
 * municipality's enforcement, both), over two instances — who gets the live alert, who
 * sees it in their feed and queries, and whose agreement decides who reported.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, startTestApp } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { collect, loggedIn, MY_ALERTS, REPORT, reportInput, SIGNAL_FEED, settle } from "./support/live.js";
import { waitUntil } from "./support/wait.js";
import { graphql } from "./generated/index.js";

let a: App;
let b: App;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestApp(), startTestApp()]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const CREATE_PARTNER = graphql(`mutation PartnersCreate($input: CreatePartnerOrganisationInput!) {
  createPartnerOrganisation(input: $input) { id kind name }
}`);
const LIST_PARTNERS = graphql(`query PartnersList { partnerOrganisations { id kind name } }`);
const SHARE = graphql(`mutation PartnersShare($id: ID!, $input: UpdateSignalInput!) {
  updateSignal(id: $id, input: $input) { id visibility sharedWith { id kind } }
}`);
const READ = graphql(`query PartnersRead($id: ID!) {
  signal(id: $id) { id visibility sharedWith { id } reporter { id } reporterIdentitySharable reporterIdentitySharableWith }
}`);
const CREATE_USER = graphql(`mutation PartnersCreateUser($input: CreateUserInput!) {
  createUser(input: $input) { id role partnerOrganisation { id kind name } }
}`);
const ME = graphql(`query PartnersMe { viewer { id partnerOrganisation { id kind } } }`);

async function world() {
  const { municipality, districts } = await createMunicipality(a.db.prisma);
  const m = municipality.id;
  const d = districts[0]!.id;
  const admin = await loggedIn(a, a.db.prisma, m, "ADMIN");
  const coord = await loggedIn(a, a.db.prisma, m, "COORDINATOR");
  const make = async (kind: "POLICE" | "ENFORCEMENT", name: string) => {
    const res = await gql(a, CREATE_PARTNER, { input: { kind, name } }, admin.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.createPartnerOrganisation.id;
  };
  const police = await make("POLICE", "Politie Midden-Nederland");
  const enforcement = await make("ENFORCEMENT", "Handhaving (VTH)");
  const agent = await loggedIn(a, a.db.prisma, m, "POLICE_LIAISON", [d], { partnerOrganisationId: police });
  const boa = await loggedIn(a, a.db.prisma, m, "POLICE_LIAISON", [d], { partnerOrganisationId: enforcement });
  return { m, d, districts, admin, coord, police, enforcement, agent, boa };
}

const report = async (token: string, input: Parameters<typeof reportInput>[1] & {}, d: string) => {
  const res = await gql(a, REPORT, { input: reportInput(d, input) }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.reportSignal.signal.id;
};

describe("sharing per partner organisation", () => {
  it("enforcement only: the district's wijkboa gets the live alert and the police liaison does not; both: both do", async () => {
    const w = await world();
    // Each on another instance than the one the coordinator writes to.
    const boaAlerts = collect(b.url, w.boa.token, MY_ALERTS, "myAlerts");
    const agentAlerts = collect(b.url, w.agent.token, MY_ALERTS, "myAlerts");
    const boaFeed = collect(a.url, w.boa.token, SIGNAL_FEED, "signalFeed");
    const agentFeed = collect(b.url, w.agent.token, SIGNAL_FEED, "signalFeed");
    const all = [boaAlerts, agentAlerts, boaFeed, agentFeed];
    try {
      await Promise.all(all.map((c) => c.connected()));
      await waitUntil(() => a.fanout.subscriberCount() + b.fanout.subscriberCount() >= 4, { timeoutMs: 5_000 });

      const s1 = await report(w.coord.token, { summary: "Spanning op het plein" }, w.d);
      const shared = await gql(b, SHARE, { id: s1, input: { shareWith: [w.enforcement] } }, w.coord.token);
      expect(shared.errors).toBeUndefined();
      expect(shared.data!.updateSignal).toMatchObject({ visibility: "COORDINATION_ONLY", sharedWith: [{ id: w.enforcement }] });
      await boaAlerts.waitFor(1, 5_000);
      expect(boaAlerts.events[0]).toMatchObject({ kind: "RAISED", alert: { reason: "DISTRICT_LIAISON", signal: { id: s1 } } });
      await boaFeed.waitFor(1, 5_000);
      expect(boaFeed.events.map((e) => [e.signalId, e.kind])).toEqual([[s1, "UPDATED"]]);
      // The police liaison reads nothing of it, live or by query; the wijkboa does.
      expect((await gql(a, READ, { id: s1 }, w.agent.token)).data!.signal).toBeNull();
      expect((await gql(a, READ, { id: s1 }, w.boa.token)).data!.signal).toMatchObject({ id: s1, sharedWith: [] });

      // Both: a new signal shared with police and enforcement reaches both.
      const s2 = await report(w.coord.token, { summary: "Onrust bij de snackbar", shareWith: [w.police, w.enforcement] }, w.d);
      await boaAlerts.waitFor(2, 5_000);
      await agentAlerts.waitFor(1, 5_000);
      expect(agentAlerts.events[0]).toMatchObject({ alert: { reason: "DISTRICT_LIAISON", signal: { id: s2 } } });
      expect(boaAlerts.events[1]).toMatchObject({ alert: { signal: { id: s2 } } });
      const both = await gql(a, READ, { id: s2 }, w.coord.token);
      expect(both.data!.signal).toMatchObject({ visibility: "SHARED_WITH_POLICE" });
      expect(both.data!.signal!.sharedWith.map((o) => o.id).sort()).toEqual([w.police, w.enforcement].sort());

      // s1 now also with police: police hear of it, the wijkboa is not paged again.
      await gql(b, SHARE, { id: s1, input: { shareWith: [w.enforcement, w.police] } }, w.coord.token);
      await agentAlerts.waitFor(2, 5_000);
      expect(agentAlerts.events[1]).toMatchObject({ alert: { signal: { id: s1 } } });
      await settle(500);
      expect(boaAlerts.events).toHaveLength(2);
      expect(agentAlerts.events).toHaveLength(2);
      const rows = await a.db.prisma.alert.findMany({ where: { signalId: { in: [s1, s2] }, reason: "DISTRICT_LIAISON" } });
      const pairs = rows.map((r) => `${r.signalId === s1 ? "s1" : "s2"}:${r.recipientId === w.boa.user.id ? "boa" : "agent"}`);
      expect(pairs.sort()).toEqual(["s1:agent", "s1:boa", "s2:agent", "s2:boa"]);

      // An old client's "coordination only" withdraws it from every partner's feed.
      await gql(b, SHARE, { id: s1, input: { visibility: "COORDINATION_ONLY" } }, w.coord.token);
      await waitUntil(() => boaFeed.events.some((e) => e.signalId === s1 && e.kind === "WITHDRAWN"), {
        timeoutMs: 5_000,
        message: "the wijkboa's feed to withdraw s1",
      });
      expect((await gql(a, READ, { id: s1 }, w.boa.token)).data!.signal).toBeNull();
      expect(agentFeed.events.filter((e) => e.signalId === s1).map((e) => e.kind)).toEqual(["UPDATED", "WITHDRAWN"]);
    } finally {
      await Promise.all(all.map((c) => c.dispose()));
    }
  });

  it("an old client's SHARED_WITH_POLICE reaches police only; enforcement sharing needs the rewording of flagged text too", async () => {
    const w = await world();
    const s = await report(w.coord.token, { summary: "Groep jongeren bij het station", visibility: "SHARED_WITH_POLICE" }, w.d);
    expect((await gql(a, READ, { id: s }, w.agent.token)).data!.signal).toMatchObject({ id: s });
    expect((await gql(a, READ, { id: s }, w.boa.token)).data!.signal).toBeNull();
    const boaAlerts = await a.db.prisma.alert.count({ where: { signalId: s, recipientId: w.boa.user.id } });
    expect(boaAlerts).toBe(0);

    const flagged = await gql(
      a,
      REPORT,
      { input: reportInput(w.d, { summary: "Ruzie tussen Marokkaanse jongens", acknowledgeWarnings: true }) },
      w.coord.token,
    );
    const id = flagged.data!.reportSignal.signal.id;
    const refused = await gql(a, SHARE, { id, input: { shareWith: [w.enforcement] } }, w.coord.token);
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors![0]!.extensions).toMatchObject({ reason: "REWORDING_REQUIRED" });
    // An organisation of another municipality (or a made-up id) is refused, not ignored.
    const unknown = await gql(a, SHARE, { id, input: { shareWith: ["0190a000-0000-7000-8000-000000000000"] } }, w.coord.token);
    expect(errorCode(unknown)).toBe("BAD_USER_INPUT");
  });

  it("the reporter's agreement to be known is per audience", async () => {
    const w = await world();
    const s = await report(
      w.agent.token,
      { summary: "Opstootje bij de markt", shareWith: [w.police, w.enforcement], reporterIdentitySharableWith: ["ENFORCEMENT"] },
      w.d,
    );
    const asBoa = await gql(a, READ, { id: s }, w.boa.token);
    expect(asBoa.data!.signal).toMatchObject({ reporter: { id: w.agent.user.id }, reporterIdentitySharable: false });
    expect(asBoa.data!.signal!.reporterIdentitySharableWith).toEqual(["ENFORCEMENT"]);
    // A second police liaison of the district reads it, without who reported.
    const agent2 = await loggedIn(a, a.db.prisma, w.m, "POLICE_LIAISON", [w.d], { partnerOrganisationId: w.police });
    expect((await gql(a, READ, { id: s }, agent2.token)).data!.signal).toMatchObject({ id: s, reporter: null });
  });
});

describe("partner organisations as data", () => {
  it("admins add organisations and liaisons to them; a liaison without one is made police; coordinators list them", async () => {
    const w = await world();
    const withOrg = await gql(
      a,
      CREATE_USER,
      {
        input: {
          displayName: "Wijkboa Test",
          email: `boa-${w.m}@test.example`,
          role: "POLICE_LIAISON",
          partnerOrganisationId: w.enforcement,
        },
      },
      w.admin.token,
    );
    expect(withOrg.data!.createUser.partnerOrganisation).toMatchObject({ id: w.enforcement, kind: "ENFORCEMENT" });
    const old = await gql(
      a,
      CREATE_USER,
      { input: { displayName: "Agent Test", email: `agent-${w.m}@test.example`, role: "POLICE_LIAISON" } },
      w.admin.token,
    );
    expect(old.data!.createUser.partnerOrganisation).toMatchObject({ id: w.police, kind: "POLICE" });
    const ally = await gql(
      a,
      CREATE_USER,
      { input: { displayName: "Bondgenoot", email: `ally-${w.m}@test.example`, role: "ALLY", partnerOrganisationId: w.police } },
      w.admin.token,
    );
    expect(errorCode(ally)).toBe("BAD_USER_INPUT");

    const list = await gql(a, LIST_PARTNERS, {}, w.coord.token);
    expect(list.data!.partnerOrganisations.map((o) => o.kind)).toEqual(["ENFORCEMENT", "POLICE"]);
    expect(errorCode(await gql(a, LIST_PARTNERS, {}, w.boa.token))).toBe("FORBIDDEN");
    expect(errorCode(await gql(a, CREATE_PARTNER, { input: { kind: "OTHER", name: "Jongerenwerk" } }, w.coord.token))).toBe("FORBIDDEN");
    expect(errorCode(await gql(a, CREATE_PARTNER, { input: { kind: "OTHER", name: "Politie Midden-Nederland" } }, w.admin.token))).toBe(
      "CONFLICT",
    );
    const me = await gql(a, ME, {}, w.boa.token);
    expect(me.data!.viewer!.partnerOrganisation).toMatchObject({ id: w.enforcement, kind: "ENFORCEMENT" });
  });
});
