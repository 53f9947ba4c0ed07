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
  "form.errorSummary.one": "Something is wrong in 1 field. See the red message.",
  "form.errorSummary.other": "Something is wrong in {count} fields. See the red messages.",
  "time.zoneLabel": "{time} (Netherlands time)",
  "field.charactersLeft.one": "1 character left.",
  "field.charactersLeft.other": "{count} characters left (of {max}).",
  "field.charactersOver.one": "1 character too many.",
  "field.charactersOver.other": "{count} characters too many.",
  "field.maxLength": "At most {max} characters.",
  "situation.field": 'Describe the situation, not who people are: "{terms}" says something about origin, religion or skin colour.',
  "situation.preview": "These words are underlined:",
  "situation.summary": "Your text describes people (origin, religion or skin colour). Change the text, or knowingly save it as it is.",
  "situation.saveAnyway": "Save as written anyway",
  "form.error.unknown": "Saving did not work. Please try again later.",
};
