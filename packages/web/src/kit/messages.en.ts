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
  "situation.field": 'Describe the situation, not who people are: "{terms}" says something about origin, religion or skin colour.',
  "situation.preview": "These words are underlined:",
  "situation.summary": "Your text describes people (origin, religion or skin colour). Change the text, or knowingly save it as it is.",
  "situation.saveAnyway": "Save as written anyway",
  "form.error.unknown": "Saving did not work. Please try again later.",
};
