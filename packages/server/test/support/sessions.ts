import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import type { App } from "../../src/app.js";
import type { AgeBand } from "../../src/generated/prisma/enums.js";
import { gql, type GqlResult } from "./app.js";
import type { World } from "./world.js";
import { graphql } from "../generated/index.js";
import type { CreateThemeSessionInput, GuestInput, InviteInput } from "../generated/graphql.js";

export const CREATE = graphql(
  `mutation SessionCreate($input: CreateThemeSessionInput!) { createThemeSession(input: $input) { id status capacity } }`,
);
export const PUBLISH = graphql(`mutation SessionPublish($id: ID!) { publishThemeSession(id: $id) { id status } }`);
export const INVITE = graphql(
  `mutation SessionInvite($input: InviteInput!) { inviteToSession(input: $input) { token url invitation { id contact { id } viaNetwork { id } } } }`,
);
export const RESPOND = graphql(`mutation SessionRespond($token: String!, $response: RsvpResponse!, $guests: [GuestInput!]) {
  respondToInvitation(token: $token, response: $response, guests: $guests) {
    response registrations { id isGuest guestLabel ageBand seatStatus waitlistPosition }
    session { counts { confirmed waitlisted seatsLeft } } } }`);
export const PAGE = graphql(`query SessionPage($token: String!) { invitation(token: $token) { response expiresAt
  session { title place status district { name } counts { capacity confirmed waitlisted seatsLeft } }
  registrations { id isGuest guestLabel seatStatus waitlistPosition attendance } } }`);

const HOUR = 3_600_000;

export function ok<T = Record<string, any>>(res: GqlResult<T>): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/** A published session starting in `startsInHours` (default 48 h). */
export async function publishedSession(
  app: App,
  w: World,
  input: Partial<CreateThemeSessionInput> = {},
  startsInHours = 48,
): Promise<string> {
  const startsAt = new Date(Date.now() + startsInHours * HOUR);
  const res = ok(
    await gql(
      app,
      CREATE,
      {
        input: {
          title: `Sessie ${randomBytes(3).toString("hex")}`,
          theme: "ETHNIC_PROFILING",
          districtId: w.districts[0]!.id,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
          place: "Buurthuis De Boog",
          capacity: 10,
          ...input,
        },
      },
      w.tokens.coordinator,
    ),
  );
  const id = res.createThemeSession.id as string;
  ok(await gql(app, PUBLISH, { id }, w.tokens.coordinator));
  return id;
}

/** Contacts created directly (setup only); every one has a unique email. */
export async function makeContacts(
  app: App,
  w: World,
  n: number,
  opts: { ageBand?: AgeBand; email?: boolean; preferredLanguage?: string } = {},
): Promise<Array<{ id: string; email: string | null }>> {
  const tag = randomBytes(4).toString("hex");
  const rows = Array.from({ length: n }, (_, i) => ({
    municipalityId: w.municipality.id,
    fullName: `Persoon ${tag} ${i}`,
    ageBand: opts.ageBand ?? "ADULT",
    email: opts.email === false ? null : `p-${tag}-${i}@example.org`,
    preferredLanguage: opts.preferredLanguage ?? "nl",
  }));
  return app.db.prisma.contact.createManyAndReturn({ data: rows, select: { id: true, email: true } });
}

export async function invite(
  app: App,
  w: World,
  sessionId: string,
  contactIds: string[],
  extra: Partial<InviteInput> = {},
): Promise<Array<{ token: string; invitationId: string; contactId: string }>> {
  const res = ok(await gql(app, INVITE, { input: { sessionId, contactIds, ...extra } }, w.tokens.coordinator));
  return res.inviteToSession.map((l: any) => ({ token: l.token, invitationId: l.invitation.id, contactId: l.invitation.contact?.id }));
}

export const respond = (app: App, token: string, response: "YES" | "NO" | "MAYBE", guests?: GuestInput[]) =>
  gql(app, RESPOND, { token, response, guests: guests ?? null });

export interface MailboxMessage {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
}

export async function readMailbox(app: App, to?: string): Promise<MailboxMessage[]> {
  let names: string[] = [];
  try {
    names = (await readdir(app.mailboxDir)).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  const all = await Promise.all(
    names.sort().map(async (n) => JSON.parse(await readFile(join(app.mailboxDir, n), "utf8")) as MailboxMessage),
  );
  return to ? all.filter((m) => m.to === to) : all;
}
