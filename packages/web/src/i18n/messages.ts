import { en } from "./en";
import { nl, type MessageKey } from "./nl";

export type { MessageKey } from "./nl";

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "nl";

export const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The placeholder names in a message literal: "Hi {name}" → "name". */
type PlaceholdersIn<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;

export type MessageParams<K extends MessageKey> = Record<PlaceholdersIn<(typeof nl)[K]>, string | number>;

/** `t(key)` for messages without placeholders, `t(key, { name })` for the others. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: [PlaceholdersIn<(typeof nl)[K]>] extends [never] ? [] : [MessageParams<K>]
) => string;

/** The placeholder names used in a message, for the catalogue test. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "").sort();
}

export function format(message: string, params: Record<string, string | number> = {}): string {
  // Unknown placeholders stay visible rather than vanish, so mistakes show up.
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return ((key: MessageKey, params?: Record<string, string | number>) =>
    format(catalogue[key] ?? nl[key], params)) as Translate;
}
