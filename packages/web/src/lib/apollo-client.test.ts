import { ApolloLink, gql } from "@apollo/client";
import type { Client as GraphQLWsClient } from "graphql-ws";
import { Observable } from "rxjs";
import { describe, expect, it, vi } from "vitest";
import { LoginDocument, ViewerDocument } from "../generated/gql/graphql";
import { createApolloClient } from "./apollo-client";
import { createSessionStore } from "./session-store";

const FUTURE = "2999-01-01T00:00:00.000Z";

const unauthenticated = {
  data: null,
  errors: [{ message: "Not logged in", extensions: { code: "UNAUTHENTICATED" } }],
};

/** An HTTP stand-in that records the authorization header and answers with `result`. */
function fakeHttp(result: ApolloLink.Result, beforeAnswer?: () => void) {
  const sentWith: Array<string | undefined> = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        sentWith.push(operation.getContext().headers?.authorization);
        // Answer asynchronously, like a network would.
        const timer = setTimeout(() => {
          beforeAnswer?.();
          observer.next(result);
          observer.complete();
        }, 5);
        return () => clearTimeout(timer);
      }),
  );
  return { link, sentWith };
}

function fakeWsClient() {
  const subscribe = vi.fn((_payload: unknown, sink: { complete(): void }) => {
    sink.complete();
    return () => {};
  });
  const client = { subscribe, on: () => () => {}, iterate: vi.fn(), terminate: () => {}, dispose: () => {} };
  return { client: client as unknown as GraphQLWsClient, subscribe };
}

describe("createApolloClient", () => {
  it("sends the session token as a bearer header", async () => {
    const session = createSessionStore(null);
    session.start({ token: "abc", expiresAt: FUTURE });
    const http = fakeHttp({ data: { viewer: null } });
    const client = createApolloClient({ session, wsClient: fakeWsClient().client, httpLink: http.link });

    await client.query({ query: ViewerDocument });

    expect(http.sentWith).toEqual(["Bearer abc"]);
  });

  it("ends the session as expired when a request with the current token is UNAUTHENTICATED", async () => {
    const session = createSessionStore(null);
    session.start({ token: "abc", expiresAt: FUTURE });
    const http = fakeHttp(unauthenticated);
    const client = createApolloClient({ session, wsClient: fakeWsClient().client, httpLink: http.link });

    await expect(client.query({ query: ViewerDocument })).rejects.toThrow();

    expect(session.getState()).toEqual({ session: null, endReason: "expired" });
  });

  it("leaves the session alone when the login mutation itself is UNAUTHENTICATED (wrong password)", async () => {
    const session = createSessionStore(null);
    const http = fakeHttp(unauthenticated);
    const client = createApolloClient({ session, wsClient: fakeWsClient().client, httpLink: http.link });

    await expect(client.mutate({ mutation: LoginDocument, variables: { email: "a@b.nl", password: "x" } })).rejects.toThrow();

    expect(http.sentWith).toEqual([undefined]);
    expect(session.getState()).toEqual({ session: null, endReason: null });
  });

  it("does not end a newer session because of an answer to a request made with an older token", async () => {
    const session = createSessionStore(null);
    session.start({ token: "old", expiresAt: FUTURE });
    // While the request is in flight, the user logs in again.
    const http = fakeHttp(unauthenticated, () => session.start({ token: "new", expiresAt: FUTURE }));
    const client = createApolloClient({ session, wsClient: fakeWsClient().client, httpLink: http.link });

    await expect(client.query({ query: ViewerDocument })).rejects.toThrow();

    expect(session.getToken()).toBe("new");
  });

  it("sends subscriptions over the WebSocket client, not HTTP", async () => {
    const session = createSessionStore(null);
    const http = fakeHttp({ data: {} });
    const ws = fakeWsClient();
    const client = createApolloClient({ session, wsClient: ws.client, httpLink: http.link });

    await new Promise<void>((resolve, reject) => {
      client.subscribe({ query: gql("subscription Ticks { tick }") }).subscribe({ complete: resolve, error: reject });
    });

    expect(ws.subscribe).toHaveBeenCalledTimes(1);
    expect(http.sentWith).toEqual([]);
  });
});
