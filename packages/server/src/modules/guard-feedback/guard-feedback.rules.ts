import { findSituationTextTerms } from "@wijknet/shared";

/** At most this many words per "this warning is wrong"; a warning shows one per word family. */
export const MAX_FLAGGED_WORDS = 20;
const FIELD = /^input\.[A-Za-z]{1,40}$/;
/** One word as a warning shows it: letters (any script), digits and a few joiners, no spaces. */
const WORD = /^[\p{L}\p{M}\p{N}'’*@$!|.-]{2,40}$/u;

/**
 * Whether `word` is one the guard flags: alone, or where the context rules need a person
 * noun after it (an adjective, a colour word). This is what keeps the feedback to flagged
 * words: a name, an address or any other word of the text is refused.
 */
export function isFlaggedWord(word: string): boolean {
  if (!WORD.test(word)) return false;
  return findSituationTextTerms(word).length > 0 || findSituationTextTerms(`${word} jongens`).length > 0;
}

export function isFeedbackField(field: string): boolean {
  return FIELD.test(field);
}

/** The corpus file's line for a candidate: S/P, then P again for a place field, a tab, the sentence. */
export function corpusLine(label: "DESCRIBES_PEOPLE" | "SITUATION", placeField: boolean, sentence: string): string {
  const base = label === "DESCRIBES_PEOPLE" ? "P" : "S";
  return `${base}${placeField ? "P" : ""}\t${sentence.replace(/\s+/g, " ").trim()}`;
}
