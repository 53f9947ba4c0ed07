/** Two-factor authentication (TOTP, RFC 6238): enrolment, the second login step, recovery codes, limits. */
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, startTestApp } from "./support/app.js";
import { createMunicipality, createUser, TEST_PASSWORD } from "./support/factories.js";
import { graphql } from "./generated/index.js";

let app: App;
beforeAll(async () => {
  app = await startTestApp({ TWO_FACTOR_REQUIRED_ROLES: "POLICE_LIAISON", RATE_LIMIT_TWO_FACTOR_PER_ACCOUNT: "5" });
});
afterAll(async () => {
  await app?.stop();
});

const LOGIN = graphql(`mutation TwoFactorLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token next expiresAt } }`);
const VERIFY = graphql(
  `mutation TwoFactorVerify($t: String!, $c: String!) { verifySecondFactor(token: $t, code: $c) { token next expiresAt } }`,
);
const STATUS = graphql(`query TwoFactorStatusOf { twoFactorStatus { enabled required enrolmentRequired recoveryCodesLeft } }`);
const BEGIN = graphql(`mutation TwoFactorBegin { beginTwoFactorEnrolment { secret otpauthUrl qrCodeDataUrl } }`);
const CONFIRM = graphql(`mutation TwoFactorConfirm($c: String!) { confirmTwoFactorEnrolment(code: $c) }`);
const DISABLE = graphql(`mutation TwoFactorDisable($p: String!) { disableTwoFactor(password: $p) }`);
const DISTRICTS_OF_VIEWER = graphql(`query TwoFactorViewer { viewer { id } networks { id } }`);

async function login(email: string) {
  const res = await gql(app, LOGIN, { e: email, p: TEST_PASSWORD });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.login;
}

/** A code of the next time step: valid now (one step of drift is allowed) and never accepted before. */
const nextCode = (secret: string, steps = 1) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * steps });

describe("two-factor authentication", () => {
  it("a role that requires it may only enrol at first; a QR code and a first code turn it on, and the same token then works", async () => {
    const { municipality, districts } = await createMunicipality(app.db.prisma);
    const liaison = await createUser(app.db.prisma, municipality.id, { role: "POLICE_LIAISON", districtIds: [districts[0]!.id] });
    const first = await login(liaison.email);
    expect(first.next).toBe("ENROL_SECOND_FACTOR");
    const blocked = await gql(app, DISTRICTS_OF_VIEWER, {}, first.token);
    expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "TWO_FACTOR_ENROLMENT_REQUIRED" });
    expect((await gql(app, STATUS, {}, first.token)).data!.twoFactorStatus).toEqual({
      enabled: false,
      required: true,
      enrolmentRequired: true,
      recoveryCodesLeft: 0,
    });

    const begun = (await gql(app, BEGIN, {}, first.token)).data!.beginTwoFactorEnrolment;
    expect(begun.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(begun.otpauthUrl).toMatch(/^otpauth:\/\/totp\/wijknet:.*secret=/);
    expect(begun.otpauthUrl).toContain(begun.secret);
    expect(errorCode(await gql(app, CONFIRM, { c: "000000" }, first.token))).toBe("UNAUTHENTICATED");
    const enrolCode = await generate({ secret: begun.secret });
    const confirmed = await gql(app, CONFIRM, { c: enrolCode }, first.token);
    expect(confirmed.errors).toBeUndefined();
    const codes = confirmed.data!.confirmTwoFactorEnrolment;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    // Shown once: only hashes are stored.
    const stored = await app.db.prisma.recoveryCode.findMany({ where: { userId: liaison.id } });
    expect(stored.some((r) => codes.some((c) => r.codeHash.includes(c.replace("-", ""))))).toBe(false);
    expect((await gql(app, DISTRICTS_OF_VIEWER, {}, first.token)).data!.viewer!.id).toBe(liaison.id);
    expect(errorCode(await gql(app, BEGIN, {}, first.token))).toBe("CONFLICT");

    // The next login needs the second factor; its token authorizes nothing before that.
    const second = await login(liaison.email);
    expect(second.next).toBe("SECOND_FACTOR");
    expect((await gql(app, DISTRICTS_OF_VIEWER, {}, second.token)).data?.viewer ?? null).toBeNull();
    // The code already used at enrolment is not accepted again.
    const replay = await gql(app, VERIFY, { t: second.token, c: enrolCode });
    expect(replay.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "TWO_FACTOR_INVALID" });
    const verified = await gql(app, VERIFY, { t: second.token, c: await nextCode(begun.secret) });
    expect(verified.data!.verifySecondFactor).toMatchObject({ token: second.token, next: "DONE" });
    expect((await gql(app, DISTRICTS_OF_VIEWER, {}, second.token)).data!.viewer!.id).toBe(liaison.id);
    // A finished login cannot be "verified" again.
    expect(errorCode(await gql(app, VERIFY, { t: second.token, c: codes[0]! }))).toBe("UNAUTHENTICATED");

    // A recovery code works once.
    const third = await login(liaison.email);
    expect((await gql(app, VERIFY, { t: third.token, c: codes[0]!.toUpperCase() })).data!.verifySecondFactor.next).toBe("DONE");
    const fourth = await login(liaison.email);
    expect(errorCode(await gql(app, VERIFY, { t: fourth.token, c: codes[0]! }))).toBe("UNAUTHENTICATED");
    expect((await gql(app, STATUS, {}, third.token)).data!.twoFactorStatus).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
    const audit = await app.db.prisma.auditEntry.findMany({ where: { actorId: liaison.id, action: "LOGIN", entityType: "AuthSession" } });
    expect(
      audit
        .map((a) => (a.details as { secondFactor?: string } | null)?.secondFactor ?? null)
        .filter(Boolean)
        .sort(),
    ).toEqual(["RECOVERY_CODE", "TOTP"]);
  });

  it("is optional for allies; sessions from before enrolment stay valid", async () => {
    const { municipality } = await createMunicipality(app.db.prisma);
    const ally = await createUser(app.db.prisma, municipality.id, { role: "ALLY" });
    const a = await login(ally.email);
    const b = await login(ally.email);
    expect([a.next, b.next]).toEqual(["DONE", "DONE"]);
    const begun = (await gql(app, BEGIN, {}, a.token)).data!.beginTwoFactorEnrolment;
    expect((await gql(app, CONFIRM, { c: await nextCode(begun.secret) }, a.token)).data!.confirmTwoFactorEnrolment).toHaveLength(10);
    for (const token of [a.token, b.token]) expect((await gql(app, DISTRICTS_OF_VIEWER, {}, token)).data!.viewer!.id).toBe(ally.id);
    expect((await login(ally.email)).next).toBe("SECOND_FACTOR");
    // Optional for allies: off again with the password (a wrong one is refused).
    expect(errorCode(await gql(app, DISABLE, { p: "not my password" }, a.token))).toBe("BAD_USER_INPUT");
    expect((await gql(app, DISABLE, { p: TEST_PASSWORD }, a.token)).data!.disableTwoFactor).toBe(true);
    expect((await login(ally.email)).next).toBe("DONE");
    expect(await app.db.prisma.recoveryCode.count({ where: { userId: ally.id } })).toBe(0);
  });

  it("cannot be turned off by a role that requires it", async () => {
    const { municipality, districts } = await createMunicipality(app.db.prisma);
    const liaison = await createUser(app.db.prisma, municipality.id, { role: "POLICE_LIAISON", districtIds: [districts[0]!.id] });
    const first = await login(liaison.email);
    const begun = (await gql(app, BEGIN, {}, first.token)).data!.beginTwoFactorEnrolment;
    await gql(app, CONFIRM, { c: await nextCode(begun.secret) }, first.token);
    const res = await gql(app, DISABLE, { p: TEST_PASSWORD }, first.token);
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect((await gql(app, STATUS, {}, first.token)).data!.twoFactorStatus.enabled).toBe(true);
  });

  it("wrong codes are rate-limited per account", async () => {
    const { municipality } = await createMunicipality(app.db.prisma);
    const ally = await createUser(app.db.prisma, municipality.id, { role: "ALLY" });
    const a = await login(ally.email);
    const begun = (await gql(app, BEGIN, {}, a.token)).data!.beginTwoFactorEnrolment;
    await gql(app, CONFIRM, { c: await nextCode(begun.secret) }, a.token);
    const pending = await login(ally.email);
    const outcomes: unknown[] = [];
    for (let i = 0; i < 6; i++) outcomes.push(errorCode(await gql(app, VERIFY, { t: pending.token, c: "123456" })));
    expect(outcomes.slice(0, 5).every((c) => c === "UNAUTHENTICATED")).toBe(true);
    expect(outcomes[5]).toBe("RATE_LIMITED");
    // Even the right code waits now.
    expect(errorCode(await gql(app, VERIFY, { t: pending.token, c: await nextCode(begun.secret, 2) }))).toBe("RATE_LIMITED");
  });
});
