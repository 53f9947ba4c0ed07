/** Authorization decisions of user administration and one's own account (ARCHITECTURE.md, "Accounts and tokens"). */
import { adminOnly, everyone, op, signedIn, type CaseModule, type Expectation } from "./authz-cases.js";
import { createUser } from "./support/factories.js";
import { graphql } from "./generated/index.js";

const uniq = () => Math.random().toString(36).slice(2, 10);
const allBadInput: Expectation = {
  coordinator: "BAD_USER_INPUT",
  admin: "BAD_USER_INPUT",
  liaison: "BAD_USER_INPUT",
  otherLiaison: "BAD_USER_INPUT",
  ally: "BAD_USER_INPUT",
  anonymous: "UNAUTHENTICATED",
};

export const ACCOUNTS_MODULE: CaseModule = {
  name: "accounts",
  sensitive: ["User.language", "User.status", "User.lastSignInAt", "User.passwordSet", "User.districtAssignments"],
  async setup() {
    return {};
  },
  cases: [
    {
      covers: ["Query.users"],
      name: "the user list is for admins",
      operation: () => op(graphql(`query AuthzUsers { users(first: 5) { users { id email } nextCursor } }`), {}),
      expect: adminOnly,
    },
    {
      covers: ["Query.user", "User.language", "User.status", "User.lastSignInAt", "User.passwordSet", "User.districtAssignments"],
      name: "another user's account details are for admins",
      operation: ({ w }) =>
        op(
          graphql(`query AuthzUser($id: ID!) {
            user(id: $id) { id lastSignInAt status language passwordSet districtAssignments { backup district { id } } }
          }`),
          { id: w.users.liaison.id },
        ),
      expect: adminOnly,
    },
    {
      covers: ["User.lastSignInAt", "User.status"],
      name: "one's own account details",
      operation: () => op(graphql(`query AuthzOwnAccount { viewer { lastSignInAt status language passwordSet } }`), {}),
      probe: (data) => (data["viewer"]?.status === "ACTIVE" && data["viewer"]?.lastSignInAt ? "OK" : "HIDDEN"),
      expect: { ...everyone, anonymous: "NULL" },
    },
    {
      covers: ["Query.mySessions"],
      name: "one's own sessions",
      operation: () => op(graphql(`query AuthzMySessions { mySessions { id current } }`), {}),
      expect: signedIn,
    },
    {
      covers: ["Mutation.createUser"],
      name: "creating an account",
      operation: () =>
        op(graphql(`mutation AuthzCreateUser($i: CreateUserInput!) { createUser(input: $i) { id } }`), {
          i: { displayName: "Matrix Nieuw", email: `matrix-${uniq()}@test.example`, role: "COORDINATOR" },
        }),
      expect: adminOnly,
    },
    {
      covers: ["Mutation.updateUser"],
      name: "changing an account",
      operation: async ({ app, w }) =>
        op(graphql(`mutation AuthzUpdateUser($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }`), {
          id: (await createUser(app.db.prisma, w.municipality.id, { role: "ALLY" })).id,
          i: { displayName: "Matrix Gewijzigd" },
        }),
      expect: adminOnly,
    },
    {
      covers: ["Mutation.disableUser"],
      name: "disabling an account",
      operation: async ({ app, w }) =>
        op(graphql(`mutation AuthzDisableUser($id: ID!) { disableUser(id: $id) { id } }`), {
          id: (await createUser(app.db.prisma, w.municipality.id, { role: "ALLY" })).id,
        }),
      expect: adminOnly,
    },
    {
      covers: ["Mutation.enableUser"],
      name: "re-enabling an account",
      operation: async ({ app, w }) =>
        op(graphql(`mutation AuthzEnableUser($id: ID!) { enableUser(id: $id) { id } }`), {
          id: (await createUser(app.db.prisma, w.municipality.id, { role: "ALLY", status: "DISABLED" })).id,
        }),
      expect: adminOnly,
    },
    {
      covers: ["Mutation.resendInvitation"],
      name: "a new invitation link",
      operation: async ({ app, w }) =>
        op(graphql(`mutation AuthzResendInvitation($id: ID!) { resendInvitation(id: $id) }`), {
          id: (await createUser(app.db.prisma, w.municipality.id, { role: "ALLY" })).id,
        }),
      expect: adminOnly,
    },
    {
      covers: ["Mutation.inviteAlly"],
      name: "inviting an ally to their contact record is the coordinator's",
      operation: async ({ app, w }) => {
        const contact = await app.db.prisma.contact.create({
          data: { municipalityId: w.municipality.id, fullName: "Matrix Bondgenoot", email: `ally-${uniq()}@test.example` },
        });
        return op(graphql(`mutation AuthzInviteAlly($id: ID!) { inviteAlly(contactId: $id) { id } }`), { id: contact.id });
      },
      expect: { ...adminOnly, coordinator: "OK", admin: "FORBIDDEN" },
    },
    {
      covers: ["Mutation.setPassword"],
      name: "setting a password needs a valid link, not a login",
      operation: () =>
        op(graphql(`mutation AuthzSetPassword($t: String!) { setPassword(token: $t, password: "een lang genoeg wachtwoord") }`), {
          t: `wkn_${"x".repeat(43)}`,
        }),
      expect: {
        coordinator: "UNAUTHENTICATED",
        admin: "UNAUTHENTICATED",
        liaison: "UNAUTHENTICATED",
        otherLiaison: "UNAUTHENTICATED",
        ally: "UNAUTHENTICATED",
        anonymous: "UNAUTHENTICATED",
      },
    },
    {
      covers: ["Mutation.requestPasswordReset"],
      name: "forgot password answers anyone the same",
      operation: () => op(graphql(`mutation AuthzRequestReset { requestPasswordReset(email: "nobody@test.example") }`), {}),
      expect: everyone,
    },
    {
      covers: ["Mutation.changePassword"],
      name: "changing one's own password (the current one must be right)",
      freshUser: true,
      operation: () =>
        op(
          graphql(
            `mutation AuthzChangePassword { changePassword(currentPassword: "not the password", newPassword: "een nieuw lang wachtwoord") }`,
          ),
          {},
        ),
      expect: allBadInput,
    },
    {
      covers: ["Mutation.setMyLanguage"],
      name: "one's own language",
      operation: () => op(graphql(`mutation AuthzSetMyLanguage { setMyLanguage(language: NL) { id } }`), {}),
      expect: signedIn,
    },
    {
      covers: ["Query.twoFactorStatus"],
      name: "one's own two-factor status",
      operation: () => op(graphql(`query AuthzTwoFactorStatus { twoFactorStatus { enabled required } }`), {}),
      expect: signedIn,
    },
    {
      covers: ["Mutation.beginTwoFactorEnrolment"],
      name: "setting up two-factor authentication (as a new account of the role)",
      freshUser: true,
      operation: () => op(graphql(`mutation AuthzBeginTwoFactor { beginTwoFactorEnrolment { secret } }`), {}),
      expect: signedIn,
    },
    {
      covers: ["Mutation.confirmTwoFactorEnrolment"],
      name: "confirming two-factor authentication needs a set-up first",
      freshUser: true,
      operation: () => op(graphql(`mutation AuthzConfirmTwoFactor { confirmTwoFactorEnrolment(code: "123456") }`), {}),
      expect: {
        ...allBadInput,
        coordinator: "CONFLICT",
        admin: "CONFLICT",
        liaison: "CONFLICT",
        otherLiaison: "CONFLICT",
        ally: "CONFLICT",
      },
    },
    {
      covers: ["Mutation.disableTwoFactor"],
      name: "turning two-factor authentication off needs one's password",
      freshUser: true,
      operation: () => op(graphql(`mutation AuthzDisableTwoFactor { disableTwoFactor(password: "not the password") }`), {}),
      expect: allBadInput,
    },
    {
      covers: ["Mutation.verifySecondFactor"],
      name: "the second login step needs the login's token, not a session",
      operation: () =>
        op(graphql(`mutation AuthzVerifySecondFactor { verifySecondFactor(token: "wkn_nope", code: "123456") { token } }`), {}),
      expect: {
        coordinator: "UNAUTHENTICATED",
        admin: "UNAUTHENTICATED",
        liaison: "UNAUTHENTICATED",
        otherLiaison: "UNAUTHENTICATED",
        ally: "UNAUTHENTICATED",
        anonymous: "UNAUTHENTICATED",
      },
    },
    {
      covers: ["Query.ssoProvider"],
      name: "the single sign-on button is public (null here: not configured)",
      operation: () => op(graphql(`query AuthzSsoProvider { ssoProvider { label startUrl } }`), {}),
      expect: { coordinator: "NULL", admin: "NULL", liaison: "NULL", otherLiaison: "NULL", ally: "NULL", anonymous: "NULL" },
    },
    {
      covers: ["Mutation.completeSsoLogin"],
      name: "completing a single sign-on needs the one-time code (not configured here)",
      operation: () => op(graphql(`mutation AuthzCompleteSso { completeSsoLogin(code: "not-a-code") { token } }`), {}),
      expect: {
        coordinator: "NOT_FOUND",
        admin: "NOT_FOUND",
        liaison: "NOT_FOUND",
        otherLiaison: "NOT_FOUND",
        ally: "NOT_FOUND",
        anonymous: "NOT_FOUND",
      },
    },
    {
      covers: ["Mutation.signOutEverywhere"],
      name: "signing out everywhere (as a new account of the role)",
      freshUser: true,
      operation: () => op(graphql(`mutation AuthzSignOutEverywhere { signOutEverywhere }`), {}),
      expect: signedIn,
    },
  ],
};
