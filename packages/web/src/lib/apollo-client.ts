import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type TypePolicies } from "@apollo/client";
import { SetContextLink } from "@apollo/client/link/context";
import { ErrorLink } from "@apollo/client/link/error";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import type { Client as GraphQLWsClient } from "graphql-ws";
import { OperationTypeNode } from "graphql";
import { hasErrorCode } from "../kit/graphql-errors";
import type { SessionStore } from "./session-store";

export interface ApolloClientOptions {
  session: SessionStore;
  /** graphql-ws client for subscriptions (it sends the token in connectionParams itself). */
  wsClient: GraphQLWsClient;
  /** HTTP endpoint; same origin by default so the CSP can stay at connect-src 'self'. */
  httpUri?: string;
  /** Replaces the HTTP transport; for tests. */
  httpLink?: ApolloLink;
  /** The cache's type policies (the features declare theirs: WebFeature `typePolicies`). */
  typePolicies?: TypePolicies;
}

export const bearer = (token: string) => `Bearer ${token}`;

export function createApolloClient({
  session,
  wsClient,
  httpUri = "/graphql",
  httpLink = new HttpLink({ uri: httpUri }),
  typePolicies = {},
}: ApolloClientOptions): ApolloClient {
  // Read the token per request, so login and logout apply without rebuilding
  // the client. Runs for subscriptions too: the header is then unused, but it
  // records which token the operation was made with (see errorLink).
  const authLink = new SetContextLink((previous) => {
    // Operations with the context { anonymous: true } (by personal link, such as the RSVP page)
    // go without the account's token: an expired link answers UNAUTHENTICATED, which must not
    // end a login session.
    if (previous.anonymous === true) return {};
    const token = session.getToken();
    if (!token) return {};
    return { headers: { ...previous.headers, authorization: bearer(token) } };
  });

  // UNAUTHENTICATED for a request made with the *current* token means the
  // server revoked or expired the session: end it, and the app shows the login
  // page (and createAppServices clears the cache). Requests without a token (the login mutation itself, where wrong
  // credentials are also UNAUTHENTICATED) and answers to a token that has
  // already been replaced are left to the caller.
  const errorLink = new ErrorLink(({ error, operation }) => {
    if (!hasErrorCode(error, "UNAUTHENTICATED")) return;
    const token = session.getToken();
    const sentWith: unknown = operation.getContext().headers?.authorization;
    if (token === null || sentWith !== bearer(token)) return;
    session.end("expired");
  });

  const transport = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(wsClient),
    httpLink,
  );

  return new ApolloClient({
    link: ApolloLink.from([authLink, errorLink, transport]),
    cache: new InMemoryCache({ typePolicies }),
  });
}
