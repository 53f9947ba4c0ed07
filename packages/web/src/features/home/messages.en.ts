import type { Translations } from "../../i18n/messages";
import type { nl } from "./messages.nl";

/** English messages, typed against the Dutch keys: a missing key fails the typecheck. */
export const en: Translations<typeof nl> = {
  "home.title": "Overview",
  "home.welcome": "Welcome, {name}",
  "home.role": "You work in wijknet as {role} for the municipality of {municipality}.",
  "nav.home": "Overview",
};
