import type { MockLink } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import type { WsStatus } from "@wijknet/shared";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { Language } from "../i18n/messages";
import type { AppServices, LiveConnection } from "../lib/services";
import { createSessionStore } from "../lib/session-store";
import { ShellProviders } from "../shell/providers";

/** A live connection whose status the test sets by hand. */
export function fakeLiveConnection(initial: WsStatus = "idle"): LiveConnection & { setStatus(status: WsStatus): void } {
  let status = initial;
  const listeners = new Set<(status: WsStatus) => void>();
  return {
    getStatus: () => status,
    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restart() {},
    setStatus(next) {
      status = next;
      for (const listener of [...listeners]) listener(next);
    },
  };
}

export function testServices(overrides: Partial<AppServices> = {}): AppServices {
  return {
    // No storage: each test starts logged out and leaves nothing behind.
    session: createSessionStore(null),
    liveConnection: fakeLiveConnection(),
    ...overrides,
  };
}

export interface RenderOptions {
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  services?: AppServices;
  language?: Language;
}

/** Render inside the app's providers, with Apollo's MockedProvider instead of a real client. */
export function renderWithProviders(ui: ReactElement, { mocks = [], services = testServices(), language = "nl" }: RenderOptions = {}) {
  const result = render(
    <MockedProvider mocks={mocks}>
      <ShellProviders services={services} initialLanguage={language}>
        {ui}
      </ShellProviders>
    </MockedProvider>,
  );
  return { ...result, services };
}
