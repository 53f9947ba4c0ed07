/**
 * The bearer token, in memory and in sessionStorage.
 *
 * sessionStorage (not localStorage) so the token survives a reload but not the
 * closing of the tab, and is not shared across tabs. It never goes into a URL.
 * Components read it through `useSyncExternalStore`, hence subscribe/getState.
 */
export interface Session {
  token: string;
  /** ISO 8601 instant from the server. */
  expiresAt: string;
}

/** Why the last session ended; the login page explains it to the user. */
export type SessionEndReason = "loggedOut" | "expired";

export interface SessionState {
  session: Session | null;
  endReason: SessionEndReason | null;
}

export interface SessionStore {
  getState(): SessionState;
  /** The current token, or null when logged out or expired. */
  getToken(): string | null;
  start(session: Session): void;
  end(reason: SessionEndReason): void;
  subscribe(listener: () => void): () => void;
}

const STORAGE_KEY = "wijknet.session";
// setTimeout fires at once for delays above 2^31-1 ms (~24.8 days).
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** sessionStorage, or null where it is unavailable (tests, privacy modes). */
export function browserSessionStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

function readStored(storage: Storage | null): Session | null {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "token" in parsed &&
      "expiresAt" in parsed &&
      typeof parsed.token === "string" &&
      typeof parsed.expiresAt === "string"
    ) {
      return { token: parsed.token, expiresAt: parsed.expiresAt };
    }
  } catch {
    // Corrupt or inaccessible storage: behave as logged out.
  }
  return null;
}

export function createSessionStore(storage: Storage | null = browserSessionStorage(), now: () => number = Date.now): SessionStore {
  let state: SessionState = { session: null, endReason: null };
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();

  const isExpired = (session: Session) => {
    const expiresAt = Date.parse(session.expiresAt);
    return Number.isNaN(expiresAt) || expiresAt <= now();
  };

  function setState(next: SessionState) {
    state = next;
    for (const listener of [...listeners]) listener();
  }

  // End the session in the UI when the server-side token expires, instead of
  // waiting for the next request to fail.
  function scheduleExpiry(session: Session) {
    clearTimeout(expiryTimer);
    const delay = Date.parse(session.expiresAt) - now();
    expiryTimer = setTimeout(
      () => (isExpired(session) ? store.end("expired") : scheduleExpiry(session)),
      Math.min(Math.max(delay, 0), MAX_TIMEOUT_MS),
    );
  }

  const store: SessionStore = {
    getState: () => state,
    getToken() {
      const { session } = state;
      return session && !isExpired(session) ? session.token : null;
    },
    start(session) {
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify(session));
      } catch {
        // Without storage the session lasts until reload; still usable.
      }
      scheduleExpiry(session);
      setState({ session, endReason: null });
    },
    end(reason) {
      clearTimeout(expiryTimer);
      try {
        storage?.removeItem(STORAGE_KEY);
      } catch {
        // Nothing more we can do; the in-memory token is gone either way.
      }
      if (state.session === null && state.endReason === reason) return;
      setState({ session: null, endReason: reason });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const stored = readStored(storage);
  if (stored && !isExpired(stored)) {
    state = { session: stored, endReason: null };
    scheduleExpiry(stored);
  } else if (stored) {
    storage?.removeItem(STORAGE_KEY);
  }
  return store;
}
