/** Authorization decisions of theme sessions (ARCHITECTURE.md, "Theme sessions"). */
import { gql } from "./support/app.js";
import { invite, makeContacts, ok, PAGE, publishedSession, respond } from "./support/sessions.js";
import { op, staffOnly, type CaseModule, type Expectation, type Fixtures } from "./authz-cases.js";
import { graphql } from "./generated/index.js";

const tokenHolder: Expectation = { coordinator: "OK", admin: "OK", liaison: "OK", otherLiaison: "OK", ally: "OK", anonymous: "OK" };
const staffAndOwnLiaison: Expectation = { ...staffOnly(), liaison: "OK", otherLiaison: "NOT_FOUND" };
const DAY = 86_400_000;

async function draft(fx: Fixtures): Promise<string> {
  const startsAt = Date.now() + 20 * DAY;
  return ok(
    await gql(
      fx.app,
      graphql(`mutation AuthzSessionCreateThemeSession($i: CreateThemeSessionInput!) { createThemeSession(input: $i) { id } }`),
      {
        i: {
          title: "Matrix concept",
          theme: "OTHER",
          districtId: fx.w.districts[0]!.id,
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(startsAt + 7_200_000).toISOString(),
          place: "X",
          capacity: 5,
        },
      },
      fx.w.tokens.coordinator,
    ),
  ).createThemeSession.id;
}

export const SESSIONS_MODULE: CaseModule = {
  name: "theme sessions",
  sensitive: ["ThemeSession.invitations", "ThemeSession.registrations"],
  async setup(app, w) {
    // Starts in 30 minutes: self check-in is open.
    const own = await publishedSession(app, w, { capacity: 3 }, 0.5);
    const other = await publishedSession(app, w, { districtId: w.districts[1]!.id });
    const city = await publishedSession(app, w, { districtId: null });
    const [c] = await makeContacts(app, w, 1);
    const [link] = await invite(app, w, own, [c!.id]);
    const answer = ok(await respond(app, link!.token, "YES", [{ label: "Kim", ageBand: "AGE_16_17" }]));
    const code = ok(
      await gql(
        app,
        graphql(`mutation AuthzSessionResetSelfCheckInCode($id: ID!) { resetSelfCheckInCode(sessionId: $id) }`),
        { id: own },
        w.tokens.coordinator,
      ),
    ).resetSelfCheckInCode;
    return {
      sessionOwn: own,
      sessionOther: other,
      sessionCity: city,
      invitationToken: link!.token,
      invitationId: link!.invitationId,
      registration: answer.respondToInvitation.registrations[0]!.id,
      checkInCode: code,
      sessionContact: c!.id,
    };
  },
  cases: [
    {
      covers: ["Query.themeSessions"],
      name: "session list",
      operation: () => op(graphql(`query AuthzSessionThemeSessions { themeSessions { totalCount } }`), {}),
      expect: { ...staffOnly(), liaison: "OK", otherLiaison: "OK" },
    },
    {
      covers: ["Query.themeSession"],
      name: "session of own district (no personal data)",
      operation: ({ ids }) =>
        op(graphql(`query AuthzSessionThemeSession($id: ID!) { themeSession(id: $id) { title counts { confirmed } ics } }`), {
          id: ids["sessionOwn"]!,
        }),
      expect: staffAndOwnLiaison,
    },
    {
      covers: ["Query.themeSession"],
      name: "city-wide session",
      operation: ({ ids }) =>
        op(graphql(`query AuthzSessionThemeSession2($id: ID!) { themeSession(id: $id) { title } }`), { id: ids["sessionCity"]! }),
      expect: { ...staffOnly(), liaison: "NOT_FOUND", otherLiaison: "NOT_FOUND" },
    },
    {
      covers: ["ThemeSession.invitations"],
      name: "invitations (names)",
      operation: ({ ids }) =>
        op(graphql(`query AuthzSessionThemeSession3($id: ID!) { themeSession(id: $id) { invitations { contact { fullName } } } }`), {
          id: ids["sessionOwn"]!,
        }),
      expect: { ...staffOnly(), otherLiaison: "NOT_FOUND" },
    },
    {
      covers: ["ThemeSession.registrations"],
      name: "registrations (guests, waitlist)",
      operation: ({ ids }) =>
        op(graphql(`query AuthzSessionThemeSession4($id: ID!) { themeSession(id: $id) { registrations { guestLabel } } }`), {
          id: ids["sessionOwn"]!,
        }),
      expect: { ...staffOnly(), otherLiaison: "NOT_FOUND" },
    },
    {
      covers: ["Query.invitation"],
      name: "invitation page by token (no account)",
      operation: ({ ids }) => op(PAGE, { token: ids["invitationToken"]! }),
      expect: tokenHolder,
    },
    {
      covers: ["Mutation.respondToInvitation"],
      name: "answer an invitation by token",
      operation: ({ ids }) =>
        op(
          graphql(`mutation AuthzSessionRespondToInvitation($t: String!) { respondToInvitation(token: $t, response: YES) { response } }`),
          { t: ids["invitationToken"]! },
        ),
      expect: tokenHolder,
    },
    {
      covers: ["Mutation.selfCheckIn"],
      name: "self check-in by token and code",
      operation: ({ ids }) =>
        op(graphql(`mutation AuthzSessionSelfCheckIn($t: String!, $c: String!) { selfCheckIn(token: $t, code: $c) { response } }`), {
          t: ids["invitationToken"]!,
          c: ids["checkInCode"]!,
        }),
      expect: tokenHolder,
    },
    {
      covers: ["Mutation.createThemeSession"],
      name: "create session",
      operation: (fx) =>
        op(
          graphql(
            `mutation AuthzSessionCreateThemeSession2($d: ID!, $s: DateTime!, $e: DateTime!) { createThemeSession(input: { title: "T", theme: OTHER, districtId: $d, startsAt: $s, endsAt: $e, place: "P", capacity: 5 }) { id } }`,
          ),
          {
            d: fx.w.districts[0]!.id,
            s: new Date(Date.now() + 30 * DAY).toISOString(),
            e: new Date(Date.now() + 30 * DAY + 7_200_000).toISOString(),
          },
        ),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.updateThemeSession"],
      name: "update session",
      operation: ({ ids }) =>
        op(
          graphql(`mutation AuthzSessionUpdateThemeSession($id: ID!) { updateThemeSession(id: $id, input: { description: "x" }) { id } }`),
          { id: ids["sessionOwn"]! },
        ),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.publishThemeSession"],
      name: "publish session",
      operation: async (fx) =>
        op(graphql(`mutation AuthzSessionPublishThemeSession($id: ID!) { publishThemeSession(id: $id) { status } }`), {
          id: await draft(fx),
        }),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.cancelThemeSession"],
      name: "cancel session",
      operation: async (fx) =>
        op(graphql(`mutation AuthzSessionCancelThemeSession($id: ID!) { cancelThemeSession(id: $id) { status } }`), {
          id: await publishedSession(fx.app, fx.w),
        }),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.completeThemeSession"],
      name: "complete session",
      operation: ({ ids }) =>
        op(graphql(`mutation AuthzSessionCompleteThemeSession($id: ID!) { completeThemeSession(id: $id) { status } }`), {
          id: ids["sessionOther"]!,
        }),
      expect: { ...staffOnly(), coordinator: "CONFLICT", admin: "CONFLICT" },
    },
    {
      covers: ["Mutation.inviteToSession"],
      name: "invite contacts",
      operation: async (fx) =>
        op(
          graphql(
            `mutation AuthzSessionInviteToSession($s: ID!, $c: ID!) { inviteToSession(input: { sessionId: $s, contactIds: [$c] }) { token } }`,
          ),
          { s: fx.ids["sessionOwn"]!, c: (await makeContacts(fx.app, fx.w, 1))[0]!.id },
        ),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.renewInvitationLink"],
      name: "renew an invitation link",
      operation: async (fx) =>
        op(graphql(`mutation AuthzSessionRenewInvitationLink($id: ID!) { renewInvitationLink(id: $id) { url } }`), {
          id: (await invite(fx.app, fx.w, fx.ids["sessionOther"]!, [(await makeContacts(fx.app, fx.w, 1))[0]!.id]))[0]!.invitationId,
        }),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.setInvitationInformedByPhone"],
      name: "mark an invitee as told by phone",
      operation: async (fx) =>
        op(
          graphql(`mutation AuthzSessionInformedByPhone($id: ID!) { setInvitationInformedByPhone(id: $id, informed: true) { needsCall } }`),
          { id: (await invite(fx.app, fx.w, fx.ids["sessionOther"]!, [(await makeContacts(fx.app, fx.w, 1))[0]!.id]))[0]!.invitationId },
        ),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.checkInRegistration"],
      name: "check in",
      operation: ({ ids }) =>
        op(
          graphql(`mutation AuthzSessionCheckInRegistration($id: ID!) { checkInRegistration(id: $id, result: ATTENDED) { attendance } }`),
          { id: ids["registration"]! },
        ),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.resetSelfCheckInCode"],
      name: "reset self check-in code",
      operation: ({ ids }) =>
        op(graphql(`mutation AuthzSessionResetSelfCheckInCode2($id: ID!) { resetSelfCheckInCode(sessionId: $id) }`), {
          id: ids["sessionOther"]!,
        }),
      expect: staffOnly(),
    },
    {
      covers: ["Subscription.sessionCounts"],
      name: "live counts",
      transport: "ws",
      operation: ({ ids }) =>
        op(graphql(`subscription AuthzSessionSessionCounts($id: ID!) { sessionCounts(sessionId: $id) { confirmed } }`), {
          id: ids["sessionOwn"]!,
        }),
      expect: staffOnly(),
    },
  ],
};
