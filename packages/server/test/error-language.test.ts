/**
 * API errors in the caller's language: the account's language, else `Accept-Language`, else
 * Dutch — over HTTP and WebSocket. Codes, fields and reasons never change (clients
 * translate by those); only the human text does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import type { App } from "../src/app.js";
import { startTestApp, wsQuery } from "./support/app.js";
import { createMunicipality, createUser } from "./support/factories.js";
import { login } from "./support/world.js";

let app: App;
let dutchToken: string;
let englishToken: string;
let districtId: string;

const BAD_EMAIL = `mutation { login(email: "not-an-email", password: "x") { token } }`;
const DESCRIBES_PEOPLE = `mutation R($i: ReportSignalInput!) { reportSignal(input: $i) { signal { id } } }`;

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const res = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { errors?: Array<{ message: string; extensions: Record<string, any> }> };
}

beforeAll(async () => {
  app = await startTestApp();
  const { municipality, districts } = await createMunicipality(app.db.prisma);
  districtId = districts[0]!.id;
  const nl = await createUser(app.db.prisma, municipality.id, { role: "COORDINATOR" });
  const en = await createUser(app.db.prisma, municipality.id, { role: "COORDINATOR" });
  await app.db.prisma.user.update({ where: { id: en.id }, data: { language: "EN" } });
  dutchToken = await login(app, nl.email);
  englishToken = await login(app, en.email);
});
afterAll(() => app?.stop());

describe("without an account", () => {
  it("answers in Dutch, or in the language Accept-Language prefers", async () => {
    const none = await post(BAD_EMAIL, {}, {});
    const english = await post(BAD_EMAIL, {}, { "accept-language": "en-GB,en;q=0.9,nl;q=0.5" });
    const dutch = await post(BAD_EMAIL, {}, { "accept-language": "nl-NL, en;q=0.8" });
    const other = await post(BAD_EMAIL, {}, { "accept-language": "fr, de;q=0.9" });
    expect(none.errors![0]!.message).toBe("email: Vul een geldig e-mailadres in.");
    expect(dutch.errors![0]!.message).toBe("email: Vul een geldig e-mailadres in.");
    expect(other.errors![0]!.message).toBe("email: Vul een geldig e-mailadres in.");
    expect(english.errors![0]!.message).toBe("email: Enter a valid email address.");
    for (const r of [none, english, dutch]) expect(r.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
  });
});

describe("with an account", () => {
  const report = { i: { districtId: "", kind: "TENSION", severity: "LOW", summary: "Een groep Marokkanen bij het plein" } };

  it("answers in the account's language, whatever Accept-Language says", async () => {
    const vars = { i: { ...report.i, districtId } };
    const dutch = await post(DESCRIBES_PEOPLE, vars, { authorization: `Bearer ${dutchToken}`, "accept-language": "en" });
    const english = await post(DESCRIBES_PEOPLE, vars, { authorization: `Bearer ${englishToken}`, "accept-language": "nl" });
    expect(dutch.errors![0]!.message).toMatch(/^input\.summary: Beschrijf de situatie/);
    expect(english.errors![0]!.message).toMatch(/^input\.summary: Describe the situation/);
    // The warnings carry the same text in the same language; codes and words as they were.
    expect(dutch.errors![0]!.extensions["warnings"][0].message).toMatch(/^Beschrijf de situatie/);
    expect(english.errors![0]!.extensions["warnings"][0].message).toMatch(/^Describe the situation/);
    for (const r of [dutch, english]) {
      expect(r.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DESCRIBES_PERSONS", field: "input.summary" });
      expect(r.errors![0]!.extensions["warnings"][0].term).toBe("Marokkanen");
    }
    expect(await app.db.prisma.signal.count({ where: { districtId } })).toBe(0);
  });

  it("gives the warnings of an accepted report in the account's language", async () => {
    const accepted = `mutation R($i: ReportSignalInput!) { reportSignal(input: $i) { signal { id } warnings { term message } } }`;
    const vars = { i: { ...report.i, districtId, acknowledgeWarnings: true } };
    const dutch = await post(accepted, vars, { authorization: `Bearer ${dutchToken}` });
    const english = await post(accepted, vars, { authorization: `Bearer ${englishToken}` });
    const warning = (r: typeof dutch) =>
      (r as { data: { reportSignal: { warnings: Array<{ term: string; message: string }> } } }).data.reportSignal.warnings[0]!;
    expect(warning(dutch)).toMatchObject({ term: "Marokkanen", message: expect.stringMatching(/^Beschrijf de situatie/) });
    expect(warning(english)).toMatchObject({ term: "Marokkanen", message: expect.stringMatching(/^Describe the situation/) });
    await app.db.prisma.signal.deleteMany({ where: { districtId } });
  });

  it("answers over WebSocket in the account's language too", async () => {
    const vars = { i: { ...report.i, districtId } };
    for (const [token, expected] of [
      [dutchToken, /^input\.summary: Beschrijf de situatie/],
      [englishToken, /^input\.summary: Describe the situation/],
    ] as const) {
      const client = createClient({
        url: `${app.url.replace(/^http/, "ws")}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${token}` },
      });
      try {
        const res = await wsQuery(client, DESCRIBES_PEOPLE, vars);
        expect(res.errors![0]!.message).toMatch(expected);
      } finally {
        await client.dispose();
      }
    }
  });

  it("names a missing thing in the language too", async () => {
    const res = await post(
      `mutation { acknowledgeAlert(id: "00000000-0000-7000-8000-000000000000") { id } }`,
      {},
      { authorization: `Bearer ${dutchToken}` },
    );
    expect(res.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", entity: "Alert" });
    expect(res.errors![0]!.message).toBe("Melding niet gevonden.");
  });
});
