/**
 * The typed message machinery. Texts live with their code (each feature's messages.nl.ts and
 * messages.en.ts, plus shell/ and kit/); shell/catalogue.ts assembles them. Dutch is the source of
 * the keys: plain language (B1), short sentences, "je", say what happened and what to do next.
 *
 * Placeholders are written as {name}; `t()` checks at compile time that every placeholder of a
 * message gets a value.
 */
/**
 * Filled in by shell/catalogue.ts (module augmentation) with the assembled catalogue's type, so
 * this machinery types every key and placeholder without importing a feature.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by module augmentation (shell/catalogue.ts)
export interface MessageRegister {}

type Catalogue = MessageRegister extends { catalogue: infer C extends Readonly<Record<string, string>> }
  ? C
  : Readonly<Record<string, string>>;

/** One part's Dutch messages: `{ "key": "text" } as const`. */
export type MessageSource = Readonly<Record<string, string>>;

/** The English messages for a part's Dutch ones: the same keys, any text. */
export type Translations<M extends MessageSource> = { readonly [K in keyof M]: string };

export type MessageKey = keyof Catalogue & string;

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "nl";

export type Catalogues = Record<Language, Readonly<Record<MessageKey, string>>>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The placeholder names in a message literal: "Hi {name}" → "name". */
type PlaceholdersIn<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersIn<Rest> : never;

export type MessageParams<K extends MessageKey> = Record<PlaceholdersIn<Catalogue[K]>, string | number>;

/** `t(key)` for messages without placeholders, `t(key, { name })` for the others. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: [PlaceholdersIn<Catalogue[K]>] extends [never] ? [] : [MessageParams<K>]
) => string;

/** The placeholder names used in a message, for the catalogue test. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "").sort();
}

export function format(message: string, params: Record<string, string | number> = {}): string {
  // Unknown placeholders stay visible rather than vanish, so mistakes show up.
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** `t` for one language; a missing text falls back to Dutch. */
export function createTranslator(catalogues: Catalogues, language: Language): Translate {
  const catalogue = catalogues[language];
  const fallback = catalogues[DEFAULT_LANGUAGE];
  return ((key: MessageKey, params?: Record<string, string | number>) => format(catalogue[key] ?? fallback[key], params)) as Translate;
}
