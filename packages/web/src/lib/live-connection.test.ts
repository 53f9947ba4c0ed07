import { subscribeResumable } from "@wijknet/shared";
import { describe, expect, it } from "vitest";
import { createLiveConnection } from "./live-connection";
import { createSessionStore } from "./session-store";

const FUTURE = "2999-01-01T00:00:00.000Z";

/**
 * Just enough of a WebSocket for graphql-ws: opens, records connection_init,
 * and then answers it the way the server does for a token it no longer accepts.
 */
function webSocketThatRejects(closeCode: number, sentParams: unknown[], beforeClose?: () => void) {
  return class FakeWebSocket {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
    readyState = FakeWebSocket.CONNECTING;
    onopen: (() => void) | null = null;
    onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: string }) => void) | null = null;
    constructor() {
      setTimeout(() => {
        this.readyState = FakeWebSocket.OPEN;
        this.onopen?.();
      }, 0);
    }
    send(data: string) {
      const message = JSON.parse(data) as { type: string; payload?: unknown };
      if (message.type !== "connection_init") return;
      sentParams.push(message.payload);
      setTimeout(() => {
        beforeClose?.();
        this.close(closeCode, "Unauthorized");
      }, 0);
    }
    close(code = 1000, reason = "") {
      if (this.readyState === FakeWebSocket.CLOSED) return;
      this.readyState = FakeWebSocket.CLOSED;
      this.onclose?.({ code, reason, wasClean: true });
    }
  };
}

async function subscribeOnce(session: ReturnType<typeof createSessionStore>, closeCode: number, beforeClose?: () => void) {
  const sentParams: unknown[] = [];
  const client = createLiveConnection(session, {
    url: "ws://example.test/graphql",
    webSocketImpl: webSocketThatRejects(closeCode, sentParams, beforeClose),
  });
  await new Promise<void>((resolve) => {
    subscribeResumable(
      client,
      { query: "subscription { tick }", cursorVariable: "after", getCursor: () => null },
      { next: () => {}, error: () => resolve(), complete: () => resolve() },
    );
  });
  await client.dispose();
  return sentParams;
}

describe("createLiveConnection", () => {
  it("sends the bearer token in connectionParams and ends the session when the server answers 4401", async () => {
    const session = createSessionStore(null);
    session.start({ token: "abc", expiresAt: FUTURE });

    const sentParams = await subscribeOnce(session, 4401);

    expect(sentParams).toEqual([{ authorization: "Bearer abc" }]);
    expect(session.getState()).toEqual({ session: null, endReason: "expired" });
  });

  it("does not end a newer session because an older socket was rejected", async () => {
    const session = createSessionStore(null);
    session.start({ token: "old", expiresAt: FUTURE });

    // The user logs in again while the old socket is being refused.
    const sentParams = await subscribeOnce(session, 4401, () => session.start({ token: "new", expiresAt: FUTURE }));

    expect(sentParams).toEqual([{ authorization: "Bearer old" }]);
    expect(session.getToken()).toBe("new");
  });

  it("leaves the session alone for other close codes", async () => {
    const session = createSessionStore(null);
    session.start({ token: "abc", expiresAt: FUTURE });

    await subscribeOnce(session, 4400);

    expect(session.getToken()).toBe("abc");
  });
});
