import { act, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeLiveConnection, renderWithProviders, testServices } from "../test/render";
import { LiveConnectionBanner } from "./live-connection-banner";

const LOST = "Live verbinding verbroken — we proberen opnieuw…";
const RESTORED = "Weer verbonden";

function setup() {
  const live = fakeLiveConnection("idle");
  const { container } = renderWithProviders(<LiveConnectionBanner graceMs={1_000} restoredMs={3_000} />, {
    services: testServices({ liveConnection: live }),
  });
  const set = (status: Parameters<typeof live.setStatus>[0]) => act(() => live.setStatus(status));
  const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));
  return { set, wait, region: container.querySelector("[aria-live]") };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("LiveConnectionBanner", () => {
  it("is a polite live region that is present (and empty) while all is well", () => {
    const { region } = setup();
    expect(region?.getAttribute("aria-live")).toBe("polite");
    expect(region?.textContent).toBe("");
  });

  it("reports a lost connection after the grace period, keeps it during retries, then says it is back", () => {
    const { set, wait } = setup();
    set("connecting");
    set("connected");

    set("disconnected");
    wait(500);
    expect(screen.queryByText(LOST)).toBeNull(); // still within the grace period
    set("connecting"); // a retry does not restart the grace period
    wait(600);
    expect(screen.getByText(LOST)).toBeTruthy();
    set("disconnected");
    wait(5_000);
    expect(screen.getByText(LOST)).toBeTruthy();

    set("connecting");
    set("connected");
    expect(screen.queryByText(LOST)).toBeNull();
    expect(screen.getByText(RESTORED)).toBeTruthy();
    wait(3_000);
    expect(screen.queryByText(RESTORED)).toBeNull();
  });

  it("stays quiet when a drop is repaired within the grace period", () => {
    const { set, wait } = setup();
    set("connected");
    set("disconnected");
    wait(300);
    set("connecting");
    set("connected");
    wait(5_000);
    expect(screen.queryByText(LOST)).toBeNull();
    expect(screen.queryByText(RESTORED)).toBeNull();
  });

  it("says nothing when it never connected, or when the socket closed on purpose", () => {
    const { set, wait } = setup();
    set("connecting");
    set("disconnected");
    wait(5_000);
    expect(screen.queryByText(LOST)).toBeNull();

    set("connected");
    set("idle");
    wait(5_000);
    expect(screen.queryByText(LOST)).toBeNull();
  });
});
