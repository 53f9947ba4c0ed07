/**
 * The message catalogue, assembled from the kit's, the shell's and every feature's messages
 * (WebFeature `messages`). A key belongs to one part; the same key twice is an error.
 */
import { features } from "../features";
import { en as kitEn } from "../kit/messages.en";
import { nl as kitNl } from "../kit/messages.nl";
import { en as shellEn } from "./messages.en";
import { nl as shellNl } from "./messages.nl";
import { createTranslator, type Catalogues, type Language, type MessageKey, type Translate } from "../i18n/messages";

type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/** Every Dutch message with its literal text, so `t()` can check the placeholders. */
export type Catalogue = typeof kitNl & typeof shellNl & UnionToIntersection<(typeof features)[number]["messages"]["nl"]>;

// Registers the assembled catalogue with the i18n machinery, which knows no feature: `t()`
// then checks keys and placeholders against every feature's Dutch texts.
declare module "../i18n/messages" {
  interface MessageRegister {
    catalogue: Catalogue;
  }
}

const parts: ReadonlyArray<{ name: string; messages: { nl: Readonly<Record<string, string>>; en: Readonly<Record<string, string>> } }> = [
  { name: "kit", messages: { nl: kitNl, en: kitEn } },
  { name: "shell", messages: { nl: shellNl, en: shellEn } },
  ...features,
];

function assemble(language: Language): Record<string, string> {
  const catalogue: Record<string, string> = {};
  const owner = new Map<string, string>();
  for (const part of parts) {
    for (const [key, text] of Object.entries(part.messages[language])) {
      if (owner.has(key)) throw new Error(`message ${key} is in both ${owner.get(key)} and ${part.name}`);
      owner.set(key, part.name);
      catalogue[key] = text;
    }
  }
  return catalogue;
}

export const nl = assemble("nl") as Catalogue;
export const en = assemble("en") as Record<MessageKey, string>;

export const catalogues: Catalogues = { nl, en };

export function translator(language: Language): Translate {
  return createTranslator(catalogues, language);
}
