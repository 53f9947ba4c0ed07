import { ApolloLink } from "@apollo/client";
import type { Client as GraphQLWsClient } from "graphql-ws";
import { Observable } from "rxjs";
import { describe, expect, it } from "vitest";
import { InvitationDocument } from "../generated/gql/graphql";
import { createApolloClient } from "./apollo-client";
import { createSessionStore } from "./session-store";

describe("operations by personal link (anonymous)", () => {
  it("go without the account token, and an expired link does not end the login session", async () => {
    const session = createSessionStore(null);
    session.start({ token: "abc", expiresAt: "2999-01-01T00:00:00.000Z" });
    const sentWith: Array<string | undefined> = [];
    const http = new ApolloLink(
      (operation) =>
        new Observable<ApolloLink.Result>((observer) => {
          sentWith.push(operation.getContext().headers?.authorization);
          setTimeout(() => {
            observer.next({
              data: null,
              errors: [{ message: "expired", extensions: { code: "UNAUTHENTICATED", reason: "INVITATION_EXPIRED" } }],
            });
            observer.complete();
          }, 5);
        }),
    );
    const client = createApolloClient({ session, wsClient: {} as unknown as GraphQLWsClient, httpLink: http });
    await client.query({ query: InvitationDocument, variables: { token: "wki_x" }, context: { anonymous: true } }).catch(() => undefined);
    expect(sentWith).toEqual([undefined]);
    expect(session.getToken()).toBe("abc");
  });
});
