/**
 * User administration, invitations and password resets by email, one's own account, and
 * backup liaisons in the escalation ladder — through GraphQL, against two instances.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, type GqlResult, gql, newTestDataDir, startTestApp, wsConnect, wsQuery } from "./support/app.js";
import { createMunicipality, createUser, TEST_PASSWORD } from "./support/factories.js";
import { collect, MY_ALERTS, REPORT, reportInput, settle } from "./support/live.js";
import { readMailbox } from "./support/sessions.js";
import { waitUntil } from "./support/wait.js";
import { graphql } from "./generated/index.js";
import type { AccountsUsersQuery } from "./generated/graphql.js";

// Two instances sharing one DATA_DIR (so one mailbox): a socket on one, the admin on the other.
const FAST = { ALERT_ESCALATE_AFTER: "CRITICAL:1s,HIGH:60s,MEDIUM:60s,LOW:off", ESCALATION_SWEEP_INTERVAL_MS: "100" };
let a: App;
let b: App;
beforeAll(async () => {
  const DATA_DIR = newTestDataDir();
  [a, b] = await Promise.all([startTestApp({ ...FAST, DATA_DIR }), startTestApp({ ...FAST, DATA_DIR })]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const LOGIN = graphql(`mutation AccountsLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`);
const VIEWER = graphql(`query AccountsViewer { viewer { id role language lastSignInAt } }`);
const CREATE = graphql(`mutation AccountsCreate($i: CreateUserInput!) {
  createUser(input: $i) { id email role language status passwordSet districtAssignments { backup district { id } } }
}`);
const UPDATE = graphql(`mutation AccountsUpdate($id: ID!, $i: UpdateUserInput!) {
  updateUser(id: $id, input: $i) { id role districtAssignments { backup district { id } } }
}`);
const DISABLE = graphql(`mutation AccountsDisable($id: ID!) { disableUser(id: $id) { id status } }`);
const ENABLE = graphql(`mutation AccountsEnable($id: ID!) { enableUser(id: $id) { id status } }`);
const USERS = graphql(`query AccountsUsers($f: UserFilter, $first: Int, $after: String) {
  users(filter: $f, first: $first, after: $after) { users { id displayName lastSignInAt } nextCursor }
}`);
const SET_PASSWORD = graphql(`mutation AccountsSetPassword($t: String!, $p: String!) { setPassword(token: $t, password: $p) }`);
const FORGOT = graphql(`mutation AccountsForgot($e: String!) { requestPasswordReset(email: $e) }`);
const CHANGE = graphql(`mutation AccountsChange($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`);
const INVITE_ALLY = graphql(`mutation AccountsInviteAlly($id: ID!, $l: Language) {
  inviteAlly(contactId: $id, language: $l) { id role email districtAssignments { district { id } } }
}`);
const SESSIONS = graphql(`query AccountsSessions { mySessions { id current } }`);
const EVERYWHERE = graphql(`mutation AccountsEverywhere { signOutEverywhere }`);

const GOOD_PASSWORD = "fietsen langs de vecht in mei";
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function loginAs(app: App, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await gql(app, LOGIN, { e: email, p: password });
  if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

async function adminWorld() {
  const { municipality, districts } = await createMunicipality(a.db.prisma);
  const admin = await createUser(a.db.prisma, municipality.id, { role: "ADMIN" });
  return { municipality, districts, admin, token: await loginAs(a, admin.email) };
}

/** Delivers this municipality's due mail and returns the one link in the newest message to `to`. */
async function linkIn(municipalityId: string, to: string, kind: string): Promise<{ token: string; text: string; subject: string }> {
  await a.services.notifications.deliverDue(new Date(), { municipalityId });
  const mails = (await readMailbox(a, to)).filter((m) => m.kind === kind);
  const last = mails.at(-1);
  if (!last) throw new Error(`no ${kind} mail to ${to}`);
  const match = /\/wachtwoord\/(wkn_[A-Za-z0-9_-]+)/.exec(last.text);
  if (!match) throw new Error(`no link in ${last.text}`);
  return { token: match[1]!, text: last.text, subject: last.subject };
}

describe("user administration", () => {
  it("an admin creates a liaison who sets a password through the emailed link (once) and signs in", async () => {
    const { municipality, districts, admin, token } = await adminWorld();
    const email = `wijkagent-${Date.now()}@test.example`;
    const created = await gql(
      a,
      CREATE,
      {
        i: {
          displayName: "Wijkagent Noord",
          email: ` ${email.toUpperCase()} `,
          role: "POLICE_LIAISON",
          districts: [{ districtId: districts[0]!.id, backup: true }],
          language: "EN",
        },
      },
      token,
    );
    expect(created.errors).toBeUndefined();
    const user = created.data!.createUser;
    expect(user).toMatchObject({ email, role: "POLICE_LIAISON", language: "EN", status: "ACTIVE", passwordSet: false });
    expect(user.districtAssignments).toEqual([{ backup: true, district: { id: districts[0]!.id } }]);
    // Audited in the same transaction, references only.
    const audit = await a.db.prisma.auditEntry.findFirst({ where: { entityId: user.id, action: "CREATE" } });
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "User" });
    expect(JSON.stringify(audit!.details)).not.toContain(email);
    // The same address twice is a conflict; no login before a password is set.
    expect(errorCode(await gql(a, CREATE, { i: { displayName: "X", email, role: "ALLY" } }, token))).toBe("CONFLICT");
    expect(errorCode(await gql(a, LOGIN, { e: email, p: "!invited" }))).toBe("UNAUTHENTICATED");

    const link = await linkIn(municipality.id, email, "ACCOUNT_INVITATION");
    expect(link.subject).toContain("Your wijknet account"); // the user's language
    // Only the hash is stored.
    const stored = await a.db.prisma.accountToken.findMany({ where: { userId: user.id } });
    expect(stored.map((t) => t.tokenHash)).toEqual([sha256(link.token)]);
    expect(JSON.stringify(stored)).not.toContain(link.token);

    // NIST 800-63B: length and a common-password list, no composition rules.
    const tooShort = await gql(a, SET_PASSWORD, { t: link.token, p: "kort1!A" });
    expect(tooShort.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PASSWORD_TOO_SHORT" });
    const common = await gql(a, SET_PASSWORD, { t: link.token, p: "passwordpassword" });
    expect(common.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PASSWORD_COMMON" });
    expect((await gql(a, SET_PASSWORD, { t: link.token, p: GOOD_PASSWORD })).data?.setPassword).toBe(true);
    // Single use.
    const again = await gql(b, SET_PASSWORD, { t: link.token, p: `${GOOD_PASSWORD}!` });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "TOKEN_INVALID" });

    const liaisonToken = await loginAs(b, email, GOOD_PASSWORD);
    const me = await gql(b, VIEWER, {}, liaisonToken);
    expect(me.data!.viewer).toMatchObject({ id: user.id, role: "POLICE_LIAISON", language: "EN" });
    // The admin sees the last sign-in.
    const list = await gql(a, USERS, { f: { search: "wijkagent" } }, token);
    expect(list.data!.users.users).toEqual([{ id: user.id, displayName: "Wijkagent Noord", lastSignInAt: expect.any(String) }]);
  });

  it("lists users sorted by name with a keyset cursor, filtered by role and district", async () => {
    const { municipality, districts, token } = await adminWorld();
    for (const name of ["Bram", "Anna", "Cor", "Dirk", "Eva"]) {
      const u = await createUser(a.db.prisma, municipality.id, { role: "ALLY", districtIds: [districts[1]!.id] });
      await a.db.prisma.user.update({ where: { id: u.id }, data: { displayName: name } });
    }
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (let i = 0; i < 5; i++) {
      const page: GqlResult<AccountsUsersQuery> = await gql(a, USERS, { f: { role: "ALLY" }, first: 2, after }, token);
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.users.users.map((u) => u.displayName));
      after = page.data!.users.nextCursor;
      if (!after) break;
    }
    expect(seen).toEqual(["Anna", "Bram", "Cor", "Dirk", "Eva"]);
    const inDistrict = await gql(a, USERS, { f: { districtId: districts[0]!.id } }, token);
    expect(inDistrict.data!.users.users).toEqual([]);
    expect(errorCode(await gql(a, USERS, { after: "bm9wZQ" }, token))).toBe("BAD_USER_INPUT");
  });

  it("disabling a user closes their socket on another instance within a second; re-enabling lets them sign in", async () => {
    const { municipality, districts, token } = await adminWorld();
    const liaison = await createUser(a.db.prisma, municipality.id, { role: "POLICE_LIAISON", districtIds: [districts[0]!.id] });
    const liaisonToken = await loginAs(b, liaison.email);
    const conn = wsConnect(b, liaisonToken);
    const ok = await wsQuery(conn.client, VIEWER);
    expect(ok.data?.viewer?.id).toBe(liaison.id);

    const started = Date.now();
    const res = await gql(a, DISABLE, { id: liaison.id }, token);
    expect(res.data!.disableUser).toEqual({ id: liaison.id, status: "DISABLED" });
    const code = await Promise.race([conn.closed, settle(1_000).then(() => "still open")]);
    expect(code).toBe(4401);
    expect(Date.now() - started).toBeLessThan(1_500);
    await conn.client.dispose();

    expect((await gql(b, VIEWER, {}, liaisonToken)).data!.viewer).toBeNull();
    expect(errorCode(await gql(b, LOGIN, { e: liaison.email, p: TEST_PASSWORD }))).toBe("UNAUTHENTICATED");
    expect(await a.db.prisma.authSession.count({ where: { userId: liaison.id, revokedAt: null } })).toBe(0);

    expect((await gql(a, ENABLE, { id: liaison.id }, token)).data!.enableUser.status).toBe("ACTIVE");
    await loginAs(b, liaison.email);
    const audits = await a.db.prisma.auditEntry.findMany({ where: { entityId: liaison.id, action: "UPDATE" }, orderBy: { id: "asc" } });
    expect(audits.map((e) => (e.details as { status: string }).status)).toEqual(["DISABLED", "ACTIVE"]);
  });

  it("keeps one active admin: no disabling oneself, no demoting the last admin, two admins cannot remove each other at once", async () => {
    const { municipality, admin, token } = await adminWorld();
    expect(errorCode(await gql(a, DISABLE, { id: admin.id }, token))).toBe("CONFLICT");
    const demote = await gql(a, UPDATE, { id: admin.id, i: { role: "COORDINATOR" } }, token);
    expect(demote.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "LAST_ADMIN" });

    const second = await createUser(a.db.prisma, municipality.id, { role: "ADMIN" });
    const secondToken = await loginAs(b, second.email);
    // Each disables the other at the same moment: the row lock lets exactly one through.
    const [r1, r2] = await Promise.all([
      gql(a, UPDATE, { id: second.id, i: { role: "COORDINATOR" } }, token),
      gql(b, UPDATE, { id: admin.id, i: { role: "ALLY" } }, secondToken),
    ]);
    // The loser either waited for the lock (CONFLICT: last admin) or came after the
    // winner's commit, when its own session had ended with its role (UNAUTHENTICATED).
    const outcomes = [r1, r2].map((r) => (r.errors ? errorCode(r) : "OK"));
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(1);
    expect(outcomes.find((o) => o !== "OK")).toMatch(/^(CONFLICT|UNAUTHENTICATED|FORBIDDEN)$/);
    expect(await a.db.prisma.user.count({ where: { municipalityId: municipality.id, role: "ADMIN", status: "ACTIVE" } })).toBe(1);
  });

  it("a role or district change ends the user's sessions; districts must fit the role", async () => {
    const { municipality, districts, token } = await adminWorld();
    const ally = await createUser(a.db.prisma, municipality.id, { role: "ALLY", districtIds: [districts[0]!.id] });
    const allyToken = await loginAs(a, ally.email);
    const bad = await gql(a, UPDATE, { id: ally.id, i: { districts: [{ districtId: districts[0]!.id, backup: true }] } }, token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.districts" });
    const promoted = await gql(
      a,
      UPDATE,
      { id: ally.id, i: { role: "POLICE_LIAISON", districts: [{ districtId: districts[1]!.id, backup: true }] } },
      token,
    );
    expect(promoted.data!.updateUser).toMatchObject({
      role: "POLICE_LIAISON",
      districtAssignments: [{ backup: true, district: { id: districts[1]!.id } }],
    });
    expect((await gql(a, VIEWER, {}, allyToken)).data!.viewer).toBeNull();
    // Becoming a coordinator drops the districts.
    const coord = await gql(a, UPDATE, { id: ally.id, i: { role: "COORDINATOR" } }, token);
    expect(coord.data!.updateUser.districtAssignments).toEqual([]);
  });

  it("a coordinator invites an ally to their own contact record", async () => {
    const { municipality, districts } = await adminWorld();
    const coordinator = await createUser(a.db.prisma, municipality.id, { role: "COORDINATOR" });
    const coordToken = await loginAs(a, coordinator.email);
    const email = `bondgenoot-${Date.now()}@test.example`;
    const contact = await a.db.prisma.contact.create({
      data: {
        municipalityId: municipality.id,
        fullName: "Fatma Bondgenoot",
        email,
        districts: { create: [{ districtId: districts[2]!.id }] },
      },
    });
    const res = await gql(a, INVITE_ALLY, { id: contact.id, l: "NL" }, coordToken);
    expect(res.errors).toBeUndefined();
    expect(res.data!.inviteAlly).toMatchObject({ role: "ALLY", email });
    const user = await a.db.prisma.user.findUniqueOrThrow({ where: { id: res.data!.inviteAlly.id }, include: { districts: true } });
    expect(user.contactId).toBe(contact.id);
    expect(user.districts.map((d) => d.districtId)).toEqual([districts[2]!.id]);
    expect(errorCode(await gql(a, INVITE_ALLY, { id: contact.id }, coordToken))).toBe("CONFLICT");
    const link = await linkIn(municipality.id, email, "ACCOUNT_INVITATION");
    expect(link.subject).toContain("Uw wijknet-account");
    expect((await gql(a, SET_PASSWORD, { t: link.token, p: GOOD_PASSWORD })).data?.setPassword).toBe(true);
    await loginAs(a, email, GOOD_PASSWORD);
  });
});

describe("passwords", () => {
  it("forgot password: the same answer for any address; a reset link (in the user's language) that expires and ends all sessions", async () => {
    const { municipality } = await adminWorld();
    const user = await createUser(a.db.prisma, municipality.id, { role: "COORDINATOR" });
    await a.db.prisma.user.update({ where: { id: user.id }, data: { language: "EN" } });
    const session = await loginAs(a, user.email);

    const unknown = `nobody-${Date.now()}@test.example`;
    const answers = await Promise.all([gql(a, FORGOT, { e: unknown }), gql(b, FORGOT, { e: user.email.toUpperCase() })]);
    expect(answers.map((r) => [r.data, r.errors])).toEqual([
      [{ requestPasswordReset: true }, undefined],
      [{ requestPasswordReset: true }, undefined],
    ]);
    const link = await linkIn(municipality.id, user.email, "PASSWORD_RESET");
    expect(link.subject).toBe("Reset your wijknet password");
    expect(await readMailbox(a, unknown)).toEqual([]);

    // An expired link says so.
    await a.db.prisma.accountToken.updateMany({
      where: { tokenHash: sha256(link.token) },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const expired = await gql(a, SET_PASSWORD, { t: link.token, p: GOOD_PASSWORD });
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "TOKEN_EXPIRED" });

    // A new request replaces the old link; using it ends every session.
    await gql(a, FORGOT, { e: user.email });
    const fresh = await linkIn(municipality.id, user.email, "PASSWORD_RESET");
    expect(fresh.token).not.toBe(link.token);
    expect((await gql(a, SET_PASSWORD, { t: fresh.token, p: GOOD_PASSWORD })).data?.setPassword).toBe(true);
    expect((await gql(a, VIEWER, {}, session)).data!.viewer).toBeNull();
    await loginAs(a, user.email, GOOD_PASSWORD);
  });

  it("over the per-account limit nothing more is sent, and the answer stays the same", async () => {
    const { municipality } = await adminWorld();
    const user = await createUser(a.db.prisma, municipality.id, { role: "ALLY" });
    for (let i = 0; i < 5; i++) expect((await gql(a, FORGOT, { e: user.email })).data?.requestPasswordReset).toBe(true);
    expect(await a.db.prisma.accountToken.count({ where: { userId: user.id, purpose: "RESET_PASSWORD" } })).toBe(3);
  });

  it("changing one's password needs the current one and ends the other sessions, not this one", async () => {
    const { municipality } = await adminWorld();
    const user = await createUser(a.db.prisma, municipality.id, { role: "ALLY" });
    const here = await loginAs(a, user.email);
    const elsewhere = await loginAs(b, user.email);
    const conn = wsConnect(b, elsewhere);
    await wsQuery(conn.client, VIEWER);
    const wrong = await gql(a, CHANGE, { c: "not my password", n: GOOD_PASSWORD }, here);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "currentPassword" });
    const sessions = await gql(a, SESSIONS, {}, here);
    expect(sessions.data!.mySessions).toHaveLength(2);
    expect(sessions.data!.mySessions.filter((s) => s.current)).toHaveLength(1);

    expect((await gql(a, CHANGE, { c: TEST_PASSWORD, n: GOOD_PASSWORD }, here)).data?.changePassword).toBe(true);
    expect(await conn.closed).toBe(4401);
    expect((await gql(a, VIEWER, {}, elsewhere)).data!.viewer).toBeNull();
    expect((await gql(a, VIEWER, {}, here)).data!.viewer?.id).toBe(user.id);
    expect(errorCode(await gql(a, LOGIN, { e: user.email, p: TEST_PASSWORD }))).toBe("UNAUTHENTICATED");

    // "Sign out everywhere" ends this one too.
    expect((await gql(a, EVERYWHERE, {}, here)).data?.signOutEverywhere).toBe(1);
    expect((await gql(a, VIEWER, {}, here)).data!.viewer).toBeNull();
  });
});

describe("escalation with backup liaisons named by the admin", () => {
  it("goes to the district's liaisons, then only its backups, then the coordinator", async () => {
    const { municipality, districts, token } = await adminWorld();
    const d = districts[0]!.id;
    const coord = await createUser(a.db.prisma, municipality.id, { role: "COORDINATOR" });
    const reporter = await createUser(a.db.prisma, municipality.id, { role: "POLICE_LIAISON", districtIds: [d] });
    const primary = await createUser(a.db.prisma, municipality.id, { role: "POLICE_LIAISON", districtIds: [d] });
    const backup = await createUser(a.db.prisma, municipality.id, { role: "POLICE_LIAISON" });
    const named = await gql(a, UPDATE, { id: backup.id, i: { districts: [{ districtId: d, backup: true }] } }, token);
    expect(named.errors).toBeUndefined();
    const backupToken = await loginAs(b, backup.email);
    const sub = collect(b.url, backupToken, MY_ALERTS, "myAlerts");
    try {
      await sub.connected();
      // The reporting liaison is not alerted about their own report, and not escalated to
      // either: level 1 is the backups only.
      const res = await gql(
        a,
        REPORT,
        { input: reportInput(d, { severity: "CRITICAL", visibility: "SHARED_WITH_POLICE" }) },
        await loginAs(a, reporter.email),
      );
      const signalId = res.data!.reportSignal.signal.id;
      await sub.waitFor(1, 5_000);
      expect(sub.events[0]!.alert).toMatchObject({ reason: "ESCALATION_BACKUP", escalationLevel: 1 });
      await waitUntil(() => a.db.prisma.alert.count({ where: { signalId, reason: "ESCALATION_COORDINATOR" } }), {
        timeoutMs: 5_000,
        message: "escalation to the coordinator",
      });
      const rows = await a.db.prisma.alert.findMany({
        where: { signalId, reason: { not: "COORDINATOR" } },
        orderBy: { escalationLevel: "asc" },
      });
      expect(rows.map((r) => [r.recipientId, r.reason])).toEqual([
        [primary.id, "DISTRICT_LIAISON"],
        [backup.id, "ESCALATION_BACKUP"],
        [coord.id, "ESCALATION_COORDINATOR"],
      ]);
    } finally {
      await sub.dispose();
    }
  });
});
