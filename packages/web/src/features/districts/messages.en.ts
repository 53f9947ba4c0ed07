import type { Translations } from "../../i18n/messages";
import type { nl } from "./messages.nl";

/** English messages, typed against the Dutch keys: a missing key fails the typecheck. */
export const en: Translations<typeof nl> = {
  "districts.heading": "Districts of the municipality of {municipality}",
  "districts.name": "Name",
  "districts.code": "Code",
  "districts.loading": "Loading districts…",
  "districts.empty": "There are no districts yet.",
  "districts.error": "We could not load the districts.",
};
