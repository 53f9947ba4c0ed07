import type { Translations } from "../i18n/messages";
import type { nl } from "./messages.nl";

/** English messages, typed against the Dutch keys: a missing key fails the typecheck. */
export const en: Translations<typeof nl> = {
  "app.name": "wijknet",
  "app.skipToContent": "Skip to content",

  "language.switchTo": "Nederlands",

  "viewer.error": "We could not load your details.",

  "notFound.title": "Page not found",
  "notFound.body": "This page does not exist (any more).",
  "notFound.home": "Go to the overview",
  "noAccess.title": "No access",
  "noAccess.body": "This page exists, but not for your role. Do you think you need it? Ask the administrator.",

  "live.lost": "Live connection lost — trying again…",
  "live.restored": "Connected again",
  "footer.label": "About wijknet",
  "footer.howItWorks": "How does wijknet work?",
  "nav.label": "Main menu",
};
