import type { Translations } from "../../i18n/messages";
import type { nl } from "./messages.nl";

export const en: Translations<typeof nl> = {
  "nav.guardReview": "Word check",
  "guardReview.title": "Word check: feedback",
  "guardReview.intro":
    "Here are warnings someone marked 'not right', and reports you think should have had a warning. Write a sentence from it without names, addresses or other details. That sentence goes into the word check's test set.",
  "guardReview.loading": "Loading feedback…",
  "guardReview.error": "The feedback could not be loaded.",
  "guardReview.empty": "There is no feedback to review.",
  "guardReview.kind.wrong": "Warning not right: {words}",
  "guardReview.kind.slipped": "Report without a warning",
  "guardReview.when": "Reported on {when}",
  "guardReview.field": "field: {field}",
  "guardReview.openSignal": "Open the report",
  "guardReview.sentence.label": "Sentence for the test set",
  "guardReview.sentence.help": "Without names, addresses or other details of the real report.",
  "guardReview.sentence.tooShort": "Write a sentence of at least 5 characters.",
  "guardReview.label.label": "What should the check do with this sentence?",
  "guardReview.label.situation": "Not warn (describes a situation)",
  "guardReview.label.people": "Warn (describes people)",
  "guardReview.placeField": "This sentence is a place or name (softer rule)",
  "guardReview.acknowledge": "I know this sentence contains words about origin, religion or skin colour",
  "guardReview.add": "Add to test set",
  "guardReview.dismiss": "Close without a sentence",
  "guardReview.failed": "That did not work. Please try again.",
  "guardFeedback.wrong": "Not right",
  "guardFeedback.thanks": "Thank you. We passed on only the marked words, not the rest of your text.",
  "guardFeedback.failed": "Passing it on did not work.",
};
