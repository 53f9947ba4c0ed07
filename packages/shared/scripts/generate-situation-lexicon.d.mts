export interface LexiconData {
  LEXICON_SOURCES: { name: string; version: string }[];
  COUNTRY_NAMES_NL: string[];
  COUNTRY_NAMES_EN: string[];
  DEMONYMS_EN: string[];
  CONFUSABLES: Record<string, string>;
}
export function lexiconData(): LexiconData;
export function buildLexicon(): string;
export const LEXICON_FILE: string;
