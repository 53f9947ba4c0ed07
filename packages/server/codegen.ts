import type { CodegenConfig } from "@graphql-codegen/cli";

// Types come from the repository's SDL files, never from a running server.
const config: CodegenConfig = {
  schema: "src/modules/**/*.graphql",
  generates: {
    // The merged contract reviewers read; committed, and CI fails when it drifts.
    "schema.graphql": { plugins: ["schema-ast"], config: { includeDirectives: true } },
    "src/generated/graphql.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        contextType: "../graphql/context.js#Context",
        enumsAsTypes: true,
        scalars: { DateTime: "Date" },
        mappers: {
          Municipality: "./prisma/client.js#Municipality as MunicipalityRow",
          District: "./prisma/client.js#District as DistrictRow",
          User: "./prisma/client.js#User as UserRow",
          Organisation: "./prisma/client.js#Organisation as OrganisationRow",
          AuditEntry: "./prisma/client.js#AuditEntry as AuditEntryRow",
          Contact: "./prisma/client.js#Contact as ContactRow",
          ContactRole: "./prisma/client.js#ContactRole as ContactRoleRow",
          Consent: "./prisma/client.js#Consent as ConsentRow",
          Interaction: "./prisma/client.js#Interaction as InteractionRow",
          Network: "./prisma/client.js#Network as NetworkRow",
          NetworkMembership: "./prisma/client.js#NetworkMembership as NetworkMembershipRow",
          NetworkHealth: "../modules/network/network.service.js#NetworkHealth as NetworkHealthModel",
          ThemeSession: "./prisma/client.js#ThemeSession as ThemeSessionRow",
          PublicSession: "./prisma/client.js#ThemeSession as ThemeSessionRow",
          Invitation: "./prisma/client.js#Invitation as InvitationRow",
          Registration: "./prisma/client.js#Registration as RegistrationRow",
          OwnRegistration: "./prisma/client.js#Registration as RegistrationRow",
          SessionCounts: "../modules/session/session.service.js#SessionCountsModel",
          InvitationLink: "../modules/session/session.service.js#InvitationLinkModel",
          ThemeSessionConnection: "../modules/session/session.service.js#ThemeSessionConnectionModel",
          PublicInvitation: "../modules/session/session.service.js#PublicInvitationModel",
          ImportDuplicate: "../modules/contact/contact-transfer.service.js#ImportDuplicateModel",
          // ── signals and alerts ──
          Neighbourhood: "./prisma/client.js#Neighbourhood as NeighbourhoodRow",
          Signal: "./prisma/client.js#Signal as SignalRow",
          SignalUpdate: "./prisma/client.js#SignalUpdate as SignalUpdateRow",
          Alert: "../modules/signal/signal.types.js#AlertWithSignal",
          SignalFeedEvent: "../modules/signal/signal.types.js#SignalFeedItem",
          AlertFeedEvent: "../modules/signal/signal.types.js#AlertFeedItem",
          ReportSignalPayload: "../modules/signal/signal.types.js#ReportSignalResult",
          SignalConnection: "../modules/signal/signal.types.js#SignalPage",
        },
      },
    },
  },
};
export default config;
