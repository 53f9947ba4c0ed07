import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, gqlAs, startTestApp } from "./support/app.js";
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

const asCoordinator = gqlAs(
  () => app,
  () => w.tokens.coordinator,
);
const CREATE_NETWORK = graphql(
  `mutation NetworksCreateNetwork($input: CreateNetworkInput!) { createNetwork(input: $input) { id kind name district { name } memberCount } }`,
);
const ADD = graphql(
  `mutation NetworksAdd($input: AddMemberInput!) { addNetworkMember(input: $input) { id role since until contact { id } network { id } } }`,
);

async function contact(fullName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await asCoordinator(
    graphql(`mutation NetworksCreateContact($input: CreateContactInput!) { createContact(input: $input) { id } }`),
    {
      input: { fullName, ...extra },
    },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createContact.id;
}

describe("networks and memberships", () => {
  it("creates networks of each kind with the district rules, names unique", async () => {
    const allies = await asCoordinator(CREATE_NETWORK, {
      input: { kind: "ALLIES", name: "Bondgenoten Noord", districtId: w.districts[0]!.id },
    });
    expect(allies.data!.createNetwork).toMatchObject({
      kind: "ALLIES",
      name: "Bondgenoten Noord",
      district: { name: "Noord" },
      memberCount: 0,
    });
    const city = await asCoordinator(CREATE_NETWORK, { input: { kind: "CITYWIDE_ALLIES", name: "Stedelijk overleg" } });
    expect(city.data!.createNetwork).toMatchObject({ kind: "CITYWIDE_ALLIES", district: null });
    const noDistrict = await asCoordinator(CREATE_NETWORK, { input: { kind: "ALLIES", name: "Zonder wijk" } });
    expect(noDistrict.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.districtId" });
    const cityWithDistrict = await asCoordinator(CREATE_NETWORK, {
      input: { kind: "CITYWIDE_ALLIES", name: "Fout", districtId: w.districts[0]!.id },
    });
    expect(cityWithDistrict.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.districtId" });
    const dup = await asCoordinator(CREATE_NETWORK, {
      input: { kind: "ALLIES", name: "bondgenoten noord", districtId: w.districts[0]!.id },
    });
    expect(errorCode(dup)).toBe("CONFLICT");
  });

  it("keeps membership history: leaving sets until, a role change and a rejoin are new rows", async () => {
    const net = (await asCoordinator(CREATE_NETWORK, { input: { kind: "YOUTH", name: "Jongeren Zuid", districtId: w.districts[1]!.id } }))
      .data!.createNetwork.id;
    const c = await contact("Historie Hanna");
    const first = await asCoordinator(ADD, { input: { networkId: net, contactId: c } });
    expect(first.data!.addNetworkMember).toMatchObject({ role: "MEMBER", until: null, contact: { id: c }, network: { id: net } });
    const twice = await asCoordinator(ADD, { input: { networkId: net, contactId: c } });
    expect(errorCode(twice)).toBe("CONFLICT");
    const chair = await asCoordinator(
      graphql(`mutation NetworksChangeMembershipRole($id: ID!) { changeMembershipRole(id: $id, role: CHAIR) { id role until } }`),
      {
        id: first.data!.addNetworkMember.id,
      },
    );
    expect(chair.data!.changeMembershipRole).toMatchObject({ role: "CHAIR", until: null });
    const ended = await asCoordinator(graphql(`mutation NetworksEndMembership($id: ID!) { endMembership(id: $id) { until } }`), {
      id: chair.data!.changeMembershipRole.id,
    });
    expect(ended.data!.endMembership.until).not.toBeNull();
    await asCoordinator(ADD, { input: { networkId: net, contactId: c, role: "LIAISON" } });

    const res = await asCoordinator(
      graphql(`query NetworksNetwork($id: ID!) { network(id: $id) { memberCount
      current: members { role } all: members(includeEnded: true) { role until } } }`),
      { id: net },
    );
    expect(res.data!.network.memberCount).toBe(1);
    expect(res.data!.network.current).toEqual([{ role: "LIAISON" }]);
    expect(res.data!.network.all.map((m: any) => [m.role, m.until === null])).toEqual([
      ["LIAISON", true],
      ["CHAIR", false],
      ["MEMBER", false],
    ]);
    const endAgain = await asCoordinator(graphql(`mutation NetworksEndMembership2($id: ID!) { endMembership(id: $id) { until } }`), {
      id: chair.data!.changeMembershipRole.id,
    });
    expect(errorCode(endAgain)).toBe("CONFLICT");
  });

  it("lists networks by kind and district; archived ones only on request", async () => {
    const n = (await asCoordinator(CREATE_NETWORK, { input: { kind: "OTHER", name: "Tijdelijk Oost", districtId: w.districts[2]!.id } }))
      .data!.createNetwork.id;
    await asCoordinator(graphql(`mutation NetworksArchiveNetwork($id: ID!) { archiveNetwork(id: $id) { archivedAt } }`), { id: n });
    const list = await asCoordinator(graphql(`query NetworksNetworks($f: NetworkFilter) { networks(filter: $f) { id } }`), {
      f: { districtId: w.districts[2]!.id },
    });
    expect(list.data!.networks).toEqual([]);
    const withArchived = await asCoordinator(graphql(`query NetworksNetworks2($f: NetworkFilter) { networks(filter: $f) { id } }`), {
      f: { districtId: w.districts[2]!.id, includeArchived: true },
    });
    expect(withArchived.data!.networks).toEqual([{ id: n }]);
    const add = await asCoordinator(ADD, { input: { networkId: n, contactId: await contact("Te laat") } });
    expect(add.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.networkId" });
  });
});

describe("network health (the dashboard)", () => {
  const HEALTH =
    graphql(`query NetworksHealth($d: ID!, $from: DateTime, $to: DateTime) { networkHealth(districtId: $d, from: $from, to: $to) {
    district { name } allies { value suppressed } activeMembers { value suppressed }
    youthByAgeBand { ageBand count { value suppressed } } youthShare
    newMembers { value suppressed } lostMembers { value suppressed } staleMembers { value suppressed } staleShare
    sessionsHeld attendees { value suppressed } turnout } }`);

  it("counts members, youth, new, lost and stale, suppressing every cell under 5", async () => {
    const { prisma } = app.db;
    const district = w.districts[2]!;
    const allies = (await asCoordinator(CREATE_NETWORK, { input: { kind: "ALLIES", name: "Bondgenoten Oost", districtId: district.id } }))
      .data!.createNetwork.id;
    const youth = (await asCoordinator(CREATE_NETWORK, { input: { kind: "YOUTH", name: "Jongeren Oost", districtId: district.id } })).data!
      .createNetwork.id;
    const now = Date.now();
    const daysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();
    // 8 allies: 6 recent (spoken to recently), 2 stale; 7 youth aged 16-17 and 3 aged 12-15.
    for (let i = 0; i < 8; i++) {
      const c = await contact(`Oost Ally ${i}`);
      if (i < 6) await prisma.contact.update({ where: { id: c }, data: { lastInteractionAt: new Date(daysAgo(5)) } });
      await asCoordinator(ADD, { input: { networkId: allies, contactId: c, since: daysAgo(i < 5 ? 10 : 400) } });
    }
    for (let i = 0; i < 10; i++) {
      // Under-16s join with a guardian's consent for network membership (core/minors.ts).
      const guardian = { purpose: "NETWORK_MEMBERSHIP", legalBasis: "CONSENT", byGuardian: true, guardianName: "Ouder" };
      const c = await contact(`Oost Jong ${i}`, i < 7 ? { ageBand: "AGE_16_17" } : { ageBand: "AGE_12_15", consents: [guardian] });
      await prisma.contact.update({ where: { id: c }, data: { lastInteractionAt: new Date(daysAgo(1)) } });
      await asCoordinator(ADD, { input: { networkId: youth, contactId: c, since: daysAgo(400) } });
    }
    // 5 left in the period (and 1 before it).
    for (let i = 0; i < 6; i++) {
      const c = await contact(`Oost Vertrokken ${i}`);
      const m = await asCoordinator(ADD, { input: { networkId: allies, contactId: c, since: daysAgo(500) } });
      await asCoordinator(graphql(`mutation NetworksEndMembership3($id: ID!, $u: DateTime) { endMembership(id: $id, until: $u) { id } }`), {
        id: m.data!.addNetworkMember.id,
        u: daysAgo(i < 5 ? 20 : 200),
      });
    }

    const res = await asCoordinator(HEALTH, { d: district.id });
    expect(res.errors).toBeUndefined();
    const h = res.data!.networkHealth;
    expect(h.district.name).toBe("Oost");
    expect(h.allies).toEqual({ value: 8, suppressed: false });
    expect(h.activeMembers).toEqual({ value: 18, suppressed: false });
    // 7 of the youth network's 10 would give the other bands' 3 back: complementary suppression.
    expect(h.youthByAgeBand).toEqual([
      { ageBand: "UNDER_12", count: { value: null, suppressed: true } },
      { ageBand: "AGE_12_15", count: { value: null, suppressed: true } },
      { ageBand: "AGE_16_17", count: { value: null, suppressed: true } },
      { ageBand: "AGE_18_23", count: { value: null, suppressed: true } },
      { ageBand: "AGE_24_27", count: { value: null, suppressed: true } },
    ]);
    expect(h.youthShare).toBeCloseTo(10 / 18, 3);
    expect(h.newMembers).toEqual({ value: 5, suppressed: false });
    expect(h.lostMembers).toEqual({ value: 5, suppressed: false });
    // 2 stale allies: suppressed, and so is the share that would give the count back.
    expect(h.staleMembers).toEqual({ value: null, suppressed: true });
    expect(h.staleShare).toBeNull();
    expect(h.sessionsHeld).toBe(0);
    expect(h.attendees).toEqual({ value: null, suppressed: true });
    expect(h.turnout).toBeNull();

    // A shorter period: nobody joined or left in the last 5 days.
    const recent = await asCoordinator(HEALTH, { d: district.id, from: daysAgo(5) });
    expect(recent.data!.networkHealth.newMembers).toEqual({ value: null, suppressed: true });
  });

  it("rejects a bad period and an unknown district", async () => {
    const d = w.districts[0]!.id;
    const backwards = await asCoordinator(HEALTH, { d, from: "2026-05-01T00:00:00Z", to: "2026-04-01T00:00:00Z" });
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
    const tooLong = await asCoordinator(HEALTH, { d, from: "2010-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" });
    expect(errorCode(tooLong)).toBe("BAD_USER_INPUT");
    const unknown = await asCoordinator(HEALTH, { d: "0195f0c0-0000-7000-8000-000000000009" });
    expect(errorCode(unknown)).toBe("NOT_FOUND");
    const badDate = await asCoordinator(HEALTH, { d, from: "gisteren" });
    expect(errorCode(badDate)).toBe("BAD_USER_INPUT");
  });
});
