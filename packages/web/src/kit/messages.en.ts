import type { Translations } from "../i18n/messages";
import type { nl } from "./messages.nl";

/** English messages, typed against the Dutch keys: a missing key fails the typecheck. */
export const en: Translations<typeof nl> = {
  "app.documentTitle": "{page} – wijknet",
  "count.hidden": "fewer than 5",
  "app.loading": "Loading…",
  "app.retry": "Try again",
  "form.save": "Save",
  "form.saving": "Saving…",
  "form.cancel": "Cancel",
  "form.errorSummary": "Something is wrong in {count} field(s). See the red messages.",
  "form.error.unknown": "Saving did not work. Please try again later.",
};
