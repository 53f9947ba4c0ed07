import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { subscribeResumable } from "@wijknet/shared";
import { print } from "graphql";
import { useEffect, useRef } from "react";
import { useServices } from "../../lib/services";

/** sessionStorage: the cursor survives a reload of the tab, never the browser session. */
function readCursor(key: string): string | undefined {
  try {
    return window.sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeCursor(key: string, cursor: string) {
  try {
    window.sessionStorage.setItem(key, cursor);
  } catch {
    // Storage full or blocked: the in-memory cursor still covers reconnects.
  }
}

export interface ResumableOptions<Data> {
  document: TypedDocumentNode<Data, { after?: string | null }>;
  /** Where the last cursor is kept (per user, so another login never resumes someone else's feed). */
  storageKey: string;
  getCursor: (data: Data) => string | undefined;
  onData: (data: Data) => void;
  onError?: (error: unknown) => void;
  enabled?: boolean;
}

/**
 * A resumable subscription (`subscribeResumable` from @wijknet/shared) for a
 * screen: after a reconnect it resubscribes with the last delivered cursor, so
 * events missed while offline arrive first and in order, without duplicates.
 * The cursor is also kept in sessionStorage, so a reload resumes too.
 * The app's own socket is used, so the live-connection banner follows it.
 */
export function useResumableSubscription<Data>({
  document,
  storageKey,
  getCursor,
  onData,
  onError,
  enabled = true,
}: ResumableOptions<Data>) {
  const { wsClient } = useServices();
  // Latest callbacks without resubscribing on every render.
  const handlers = useRef({ onData, onError, getCursor });
  handlers.current = { onData, onError, getCursor };

  useEffect(() => {
    if (!wsClient || !enabled) return;
    const stored = readCursor(storageKey);
    const subscription = subscribeResumable<Data>(
      wsClient,
      {
        query: print(document),
        variables: stored ? { after: stored } : {},
        cursorVariable: "after",
        getCursor: (result) => (result.data ? handlers.current.getCursor(result.data as Data) : undefined),
      },
      {
        next: (result) => {
          if (!result.data) {
            if (result.errors?.length) handlers.current.onError?.(result.errors);
            return;
          }
          const cursor = handlers.current.getCursor(result.data as Data);
          if (cursor) writeCursor(storageKey, cursor);
          handlers.current.onData(result.data as Data);
        },
        error: (error) => {
          // A cursor the server no longer accepts must not block the next page load.
          try {
            window.sessionStorage.removeItem(storageKey);
          } catch {
            // ignore
          }
          handlers.current.onError?.(error);
        },
        complete: () => undefined,
      },
    );
    return () => subscription.dispose();
  }, [wsClient, enabled, storageKey, document]);
}
