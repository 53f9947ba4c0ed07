import { randomBytes, randomInt } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, startTestApp, wsConnect, wsQuery } from "./support/app.js";
import { createUser } from "./support/factories.js";
import { invite, ok, publishedSession, respond } from "./support/sessions.js";
import { createWorld, login, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

/**
 * Issue 12, part 6: erasure that leaves nothing. A person who did everything (network
 * member, invitee with a guest, attendee, signal reporter, user account) is erased, then
 * every text and JSON column of every table and the mailbox folder are searched for
 * anything of theirs.
 */

let app: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

const ADD = graphql(`mutation ErasureAdd($input: AddMemberInput!) { addNetworkMember(input: $input) { id } }`);
const CREATE_NETWORK = graphql(`mutation ErasureCreateNetwork($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }`);
const CHECK_IN = graphql(`mutation ErasureCheckIn($id: ID!) { checkInRegistration(id: $id, result: ATTENDED) { id attendance } }`);
const REPORT = graphql(`mutation ErasureReport($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`);
const SHARE = graphql(`mutation ErasureShare($id: ID!) { updateSignal(id: $id, input: { visibility: SHARED_WITH_POLICE }) { id } }`);
const EXPORT = graphql(`query ErasureExport($id: ID!) { contactDataExport(id: $id) { json } }`);
const ERASE_USER = graphql(`mutation ErasureEraseUser($id: ID!) { eraseUser(id: $id) { id displayName email erased } }`);
const SIGNAL = graphql(`query ErasureSignal($id: ID!) { signal(id: $id) { id reporter { id displayName erased } } }`);
const RENEW = graphql(`mutation ErasureRenew($id: ID!) { renewInvitationLink(id: $id) { url } }`);
const PAGE = graphql(`query ErasurePage($token: String!) { invitation(token: $token) { response } }`);
const USER_EXPORT = graphql(`query ErasureUserExport($id: ID!) { userDataExport(id: $id) { json } }`);
const VIEWER = graphql(`query ErasureViewer { viewer { id } }`);
const BAD_LOGIN = graphql(`mutation ErasureBadLogin($e: String!) { login(email: $e, password: "not the password") { token } }`);

/** Every text, varchar and JSON column of every table in the app's schema: where any of `values` occurs. */
async function findEverywhere(values: readonly string[]): Promise<string[]> {
  const prisma = app.db.prisma;
  const columns = await prisma.$queryRaw<Array<{ table_name: string; column_name: string }>>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')
      AND table_name NOT LIKE '\\_prisma%'`;
  expect(columns.length).toBeGreaterThan(30);
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const value of values) {
      const rows = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(
        `SELECT count(*) AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE '%' || $1 || '%'`,
        value,
      );
      if (Number(rows[0]!.n) > 0) hits.push(`${table_name}.${column_name} holds "${value}"`);
    }
  }
  return hits;
}

async function mailboxHits(values: readonly string[]): Promise<string[]> {
  let names: string[] = [];
  try {
    names = await readdir(app.mailboxDir);
  } catch {
    return [];
  }
  const hits: string[] = [];
  for (const name of names) {
    const text = (await readFile(join(app.mailboxDir, name), "utf8")).toLowerCase();
    for (const v of values) if (text.includes(v.toLowerCase())) hits.push(`${name} holds "${v}"`);
  }
  return hits;
}

async function redisKeysHolding(values: readonly string[]): Promise<string[]> {
  const redis = new Redis(inject("redisUrl"), { lazyConnect: true });
  try {
    await redis.connect();
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await redis.scan(cursor, "COUNT", 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== "0");
    return keys.filter((k) => values.some((v) => k.toLowerCase().includes(v.toLowerCase())));
  } finally {
    redis.disconnect();
  }
}

describe("erasing a person who did everything", () => {
  it("leaves none of their values in any table, the mailbox or Redis; links, sessions and sockets end", { timeout: 120_000 }, async () => {
    const prisma = app.db.prisma;
    const d0 = w.districts[0]!.id;
    // Letters only: a guest label may hold no digits (it is a first name or initials).
    const tag = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
    const person = {
      name: `Zoë Wisbaar${tag}`,
      email: `zoe.${tag}@wisbaar.example`,
      phone: `+3161${String(randomInt(1_000_000, 9_999_999))}`,
      guest: `Gast${tag}`,
    };
    const values = [person.name, person.email, person.phone, person.guest];

    // The person: a contact with an ally account linked to it.
    const contact = await prisma.contact.create({
      data: {
        municipalityId: w.municipality.id,
        fullName: person.name,
        email: person.email,
        phone: person.phone,
        notes: `Bereikbaar via ${person.phone}`,
        districts: { create: [{ districtId: d0 }] },
      },
    });
    const account = await createUser(prisma, w.municipality.id, { role: "ALLY", districtIds: [d0], email: person.email });
    await prisma.user.update({ where: { id: account.id }, data: { displayName: person.name, contactId: contact.id } });
    const token = await login(app, person.email);
    // A failed login counts against the address in the rate limiter (Redis).
    await gql(app, BAD_LOGIN, { e: person.email });

    // Member of a network.
    const network = ok(
      await gql(app, CREATE_NETWORK, { input: { kind: "ALLIES", name: `Wisbaar ${tag}`, districtId: d0 } }, w.tokens.coordinator),
    ).createNetwork.id;
    ok(await gql(app, ADD, { input: { networkId: network, contactId: contact.id } }, w.tokens.coordinator));

    // Invitee with a guest, and attendee; the messages are delivered to the mailbox.
    const session = await publishedSession(app, w, {}, 1);
    const [link] = await invite(app, w, session, [contact.id]);
    const answer = ok(await respond(app, link!.token, "YES", [{ label: person.guest, ageBand: "AGE_16_17" }]));
    for (const r of answer.respondToInvitation.registrations) ok(await gql(app, CHECK_IN, { id: r.id }, w.tokens.coordinator));
    // Delivered by this app only: other test files' apps share the database (and sweep every
    // due message into their own mailbox), so these are due only far in the future.
    const farFuture = new Date(Date.now() + 10 * 365 * 86_400_000);
    await prisma.notification.updateMany({ where: { municipalityId: w.municipality.id, status: "PENDING" }, data: { dueAt: farFuture } });
    await app.services.notifications.deliverDue(new Date(farFuture.getTime() + 60_000), { municipalityId: w.municipality.id });
    expect((await mailboxHits([person.email])).length).toBeGreaterThanOrEqual(2);

    // Reporter of a signal the coordinator shared with police (who may know the reporter).
    const signalId = ok(
      await gql(
        app,
        REPORT,
        {
          input: {
            districtId: d0,
            kind: "TENSION",
            severity: "LOW",
            summary: "Geluidsoverlast bij het plein",
            reporterIdentitySharable: true,
          },
        },
        token,
      ),
    ).reportSignal.signal.id;
    ok(await gql(app, SHARE, { id: signalId }, w.tokens.coordinator));

    // Before: the subject-access export shows the messages, the guest and the signal reported.
    const before = JSON.parse(ok(await gql(app, EXPORT, { id: contact.id }, w.tokens.coordinator)).contactDataExport.json);
    expect(before.notifications.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(before.invitations)).toContain(person.guest);
    expect(before.account.signalsReported.map((s: { id: string }) => s.id)).toEqual([signalId]);
    expect(before.account.auditEntries.length).toBeGreaterThan(0);
    // The account's own export: the account, the signal it reported, its audit trail, its contact.
    const mine = JSON.parse(ok(await gql(app, USER_EXPORT, { id: account.id }, w.tokens.admin)).userDataExport.json);
    expect(mine.account.email).toBe(person.email);
    expect(mine.account.passwordHash).toBeUndefined();
    expect(mine.signalsReported.map((s: { id: string }) => s.id)).toEqual([signalId]);
    expect(mine.auditEntries.some((e: { entityId: string }) => e.entityId === signalId)).toBe(true);
    expect(mine.contact.contact.fullName).toBe(person.name);
    // The data really is there to be found (the search below can fail).
    expect((await findEverywhere(values)).length).toBeGreaterThan(3);
    // Rate-limit keys never hold the address as written.
    expect(await redisKeysHolding([person.email])).toEqual([]);

    const socket = wsConnect(app, token);
    expect((await wsQuery(socket.client, VIEWER)).data?.viewer?.id).toBe(account.id);

    // Their account's own secrets: a second factor, recovery codes, a reset link, a sign-in in progress.
    await prisma.user.update({ where: { id: account.id }, data: { totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() } });
    await prisma.recoveryCode.create({ data: { userId: account.id, codeHash: `h-${tag}` } });
    await prisma.accountToken.create({
      data: { userId: account.id, purpose: "RESET_PASSWORD", tokenHash: `t-${tag}`, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await prisma.ssoLogin.create({
      data: { userId: account.id, stateHash: `s-${tag}`, codeVerifier: "v", nonce: "n", expiresAt: new Date(Date.now() + 600_000) },
    });

    // Erase (an admin).
    const erased = ok(await gql(app, ERASE_USER, { id: account.id }, w.tokens.admin)).eraseUser;
    // The account row stays (references read "erased person"), so nothing cascades: each is erased.
    expect(await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    for (const count of [
      prisma.recoveryCode.count({ where: { userId: account.id } }),
      prisma.accountToken.count({ where: { userId: account.id } }),
      prisma.ssoLogin.count({ where: { userId: account.id } }),
    ])
      expect(await count).toBe(0);
    expect(erased).toMatchObject({ id: account.id, displayName: "Verwijderde persoon", erased: true });
    expect(erased.email).not.toContain(tag);

    // Nothing of theirs anywhere.
    expect(await findEverywhere(values)).toEqual([]);
    expect(await mailboxHits(values)).toEqual([]);
    expect(await redisKeysHolding(values)).toEqual([]);

    // What is left of the account holds nothing of theirs either.
    const after = ok(await gql(app, USER_EXPORT, { id: account.id }, w.tokens.admin)).userDataExport.json;
    for (const v of values) expect(after).not.toContain(v);

    // Their sessions ended and their socket closed; their login is gone.
    expect(await socket.closed).toBe(4401);
    expect((await gql(app, VIEWER, {}, token)).data?.viewer ?? null).toBeNull();

    // The RSVP link, its .ics and a renewal: not found.
    expect(errorCode(await gql(app, PAGE, { token: link!.token }))).toBe("NOT_FOUND");
    expect((await fetch(`${app.url}/ics/invitation/${link!.token}.ics`)).status).toBe(404);
    expect(errorCode(await gql(app, RENEW, { id: link!.invitationId }, w.tokens.coordinator))).toBe("NOT_FOUND");

    // The signal stays, reported by an erased person, for the coordinator and for police.
    for (const t of [w.tokens.coordinator, w.tokens.liaison]) {
      expect(ok(await gql(app, SIGNAL, { id: signalId }, t)).signal?.reporter).toEqual({
        id: account.id,
        displayName: "Verwijderde persoon",
        erased: true,
      });
    }

    // Aggregates stay: the seats and the attendance are kept, anonymously.
    const seats = await prisma.registration.findMany({ where: { sessionId: session } });
    expect(seats.map((r) => [r.attendance, r.guestLabel])).toEqual([
      ["ATTENDED", null],
      ["ATTENDED", null],
    ]);

    // Erasing again is harmless; erasing oneself is refused; only admins erase accounts.
    expect(ok(await gql(app, ERASE_USER, { id: account.id }, w.tokens.admin)).eraseUser.erased).toBe(true);
    expect(errorCode(await gql(app, ERASE_USER, { id: w.users.admin.id }, w.tokens.admin))).toBe("CONFLICT");
    expect(errorCode(await gql(app, ERASE_USER, { id: w.users.ally.id }, w.tokens.coordinator))).toBe("FORBIDDEN");
  });
});

describe("erasing a police liaison's account", () => {
  const ALERTS = graphql(`query ErasureAlerts { alertHistory { id signal { id } } }`);
  const ACK = graphql(`mutation ErasureAck($id: ID!, $c: String) { acknowledgeAlert(id: $id, comment: $c) { id } }`);
  const TIMELINE = graphql(`query ErasureTimeline($id: ID!) { signal(id: $id) { timeline { kind note author { displayName erased } } } }`);

  it("removes what they wrote when acknowledging, from the alerts and from the outbox replays", { timeout: 60_000 }, async () => {
    const prisma = app.db.prisma;
    const tag = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
    const name = `Agent Wisbaar${tag}`;
    const email = `agent.${tag}@politie.example`;
    const liaison = await createUser(prisma, w.municipality.id, { role: "POLICE_LIAISON", districtIds: [w.districts[0]!.id], email });
    await prisma.user.update({ where: { id: liaison.id }, data: { displayName: name } });
    const token = await login(app, email);
    const signalId = ok(
      await gql(
        app,
        REPORT,
        {
          input: {
            districtId: w.districts[0]!.id,
            kind: "TENSION",
            severity: "LOW",
            summary: "Drukte bij de markt",
            visibility: "SHARED_WITH_POLICE",
          },
        },
        w.tokens.coordinator,
      ),
    ).reportSignal.signal.id;
    const alert = ok(await gql(app, ALERTS, {}, token)).alertHistory.find((a) => a.signal.id === signalId)!;
    ok(await gql(app, ACK, { id: alert.id, c: `Gezien, groet ${name}` }, token));
    expect((await findEverywhere([name])).some((h) => h.startsWith("Event."))).toBe(true);

    ok(await gql(app, ERASE_USER, { id: liaison.id }, w.tokens.admin));
    expect(await findEverywhere([name, email])).toEqual([]);
    const timeline = ok(await gql(app, TIMELINE, { id: signalId }, w.tokens.coordinator)).signal!.timeline;
    const ack = timeline.find((e) => e.kind === "ALERT_ACKNOWLEDGED")!;
    expect(ack.author).toEqual({ displayName: "Verwijderde persoon", erased: true });
  });
});
