import { afterEach, describe, expect, it, vi } from "vitest";
import { createSessionStore } from "./session-store";

const FUTURE = "2999-01-01T00:00:00.000Z";

afterEach(() => vi.useRealTimers());

describe("createSessionStore", () => {
  it("keeps the token in sessionStorage so a reload stays logged in", () => {
    createSessionStore(window.sessionStorage).start({ token: "abc", expiresAt: FUTURE });
    expect(createSessionStore(window.sessionStorage).getToken()).toBe("abc");
  });

  it("forgets the stored token on logout", () => {
    const store = createSessionStore(window.sessionStorage);
    store.start({ token: "abc", expiresAt: FUTURE });
    store.end("loggedOut");
    expect(store.getState()).toEqual({ session: null, endReason: "loggedOut" });
    expect(createSessionStore(window.sessionStorage).getToken()).toBeNull();
  });

  it("ignores a stored token that has expired", () => {
    window.sessionStorage.setItem("wijknet.session", JSON.stringify({ token: "abc", expiresAt: "2000-01-01T00:00:00.000Z" }));
    expect(createSessionStore(window.sessionStorage).getState().session).toBeNull();
    expect(window.sessionStorage.getItem("wijknet.session")).toBeNull();
  });

  it("ends the session as expired when its time is up", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2030-01-01T12:00:00.000Z"));
    const store = createSessionStore(null);
    const listener = vi.fn();
    store.subscribe(listener);
    store.start({ token: "abc", expiresAt: "2030-01-01T12:30:00.000Z" });

    vi.advanceTimersByTime(29 * 60 * 1000);
    expect(store.getToken()).toBe("abc");
    vi.advanceTimersByTime(60 * 1000);

    expect(store.getState()).toEqual({ session: null, endReason: "expired" });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
