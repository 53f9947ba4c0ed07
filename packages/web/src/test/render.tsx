import type { MockLink } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import type { WsStatus } from "@wijknet/shared";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { RouterProvider } from "../kit/router";
import { ServicesProvider, type AppServices, type LiveConnection } from "../lib/services";
import { I18nProvider } from "../i18n/i18n-provider";
import type { Language } from "../i18n/messages";
import { createSessionStore } from "../lib/session-store";

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
      <ServicesProvider services={services}>
        <I18nProvider initialLanguage={language}>
          <RouterProvider>{ui}</RouterProvider>
        </I18nProvider>
      </ServicesProvider>
    </MockedProvider>,
  );
  return { ...result, services };
}
