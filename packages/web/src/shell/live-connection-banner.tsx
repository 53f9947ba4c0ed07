import { Alert } from "@utrecht/component-library-react";
import type { WsStatus } from "@wijknet/shared";
import { useEffect, useReducer } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useLiveStatus } from "../lib/services";

interface BannerState {
  everConnected: boolean;
  /** The connection dropped and has not come back yet. */
  lost: boolean;
  view: "none" | "lost" | "restored";
}

type BannerAction = { type: "status"; status: WsStatus } | { type: "show-lost" } | { type: "hide" };

export function bannerReducer(state: BannerState, action: BannerAction): BannerState {
  switch (action.type) {
    case "status":
      switch (action.status) {
        case "connected":
          return { everConnected: true, lost: false, view: state.view === "lost" ? "restored" : state.view };
        case "idle":
          // Closed on purpose (no live screen open): nothing to report.
          return { ...state, lost: false, view: "none" };
        case "disconnected":
          // Before the first successful connection there is nothing "lost";
          // that case is a page-level error, not a banner.
          return state.everConnected ? { ...state, lost: true } : state;
        case "connecting":
          // Retries alternate connecting/disconnected; neither resets the loss.
          return state;
      }
      return state;
    case "show-lost":
      return state.lost ? { ...state, view: "lost" } : state;
    case "hide":
      return { ...state, view: "none" };
  }
}

export interface LiveConnectionBannerProps {
  /** Wait this long before reporting a loss, so a quick reconnect does not flash a warning. */
  graceMs?: number;
  /** How long "Weer verbonden" stays visible. */
  restoredMs?: number;
}

/**
 * Tells the user when live updates stop and when they are back. The live
 * region is always in the DOM (screen readers only announce changes to a
 * region they already know) and polite (the user is not interrupted). The
 * Alerts inside get role="none" because their own default roles (alert /
 * status) would announce the message a second time.
 */
export function LiveConnectionBanner({ graceMs = 1_500, restoredMs = 4_000 }: LiveConnectionBannerProps) {
  const { t } = useI18n();
  const status = useLiveStatus();
  const [state, dispatch] = useReducer(bannerReducer, {
    everConnected: status === "connected",
    lost: false,
    view: "none",
  });

  useEffect(() => dispatch({ type: "status", status }), [status]);

  useEffect(() => {
    if (!state.lost) return;
    const timer = setTimeout(() => dispatch({ type: "show-lost" }), graceMs);
    return () => clearTimeout(timer);
  }, [state.lost, graceMs]);

  useEffect(() => {
    if (state.view !== "restored") return;
    const timer = setTimeout(() => dispatch({ type: "hide" }), restoredMs);
    return () => clearTimeout(timer);
  }, [state.view, restoredMs]);

  return (
    <div className="wijknet-live-banner" aria-live="polite" aria-atomic="true">
      {state.view === "lost" && (
        <Alert type="warning" role="none">
          {t("live.lost")}
        </Alert>
      )}
      {state.view === "restored" && (
        <Alert type="ok" role="none">
          {t("live.restored")}
        </Alert>
      )}
    </div>
  );
}
