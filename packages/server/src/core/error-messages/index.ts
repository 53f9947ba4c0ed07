import type { GraphQLFormattedError } from "graphql";
import type { Language } from "../language.js";
import { nl } from "./nl.js";

/**
 * Error messages in the caller's language. The code writes English (the key); each other
 * language is one catalogue file here (`nl.ts`), checked complete by
 * `test/unit/error-messages.test.ts`. Adding a language: a `Language` value in the Prisma
 * enum, a catalogue file, and its entry below.
 */
const CATALOGUES: Readonly<Record<Language, Readonly<Record<string, string>> | null>> = {
  NL: nl,
  EN: null, // the source language
};

interface Template {
  pattern: RegExp;
  translation: string;
}

const templateCache = new Map<Language, Template[]>();

/** Keys with `{n}` placeholders as anchored patterns, the most literal text first. */
function templatesOf(language: Language, catalogue: Readonly<Record<string, string>>): Template[] {
  let templates = templateCache.get(language);
  if (!templates) {
    templates = Object.entries(catalogue)
      .filter(([key]) => /\{\d+\}/.test(key))
      .sort(([a], [b]) => b.replace(/\{\d+\}/g, "").length - a.replace(/\{\d+\}/g, "").length)
      .map(([key, translation]) => ({
        pattern: new RegExp(
          `^${key
            .split(/\{\d+\}/)
            .map(escapeRegExp)
            .join("([\\s\\S]+?)")}$`,
        ),
        translation,
      }));
    templateCache.set(language, templates);
  }
  return templates;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One message in `language`; a message without a translation stays as it is (English). */
export function translateMessage(message: string, language: Language, depth = 0): string {
  const catalogue = CATALOGUES[language];
  if (!catalogue) return message;
  const exact = catalogue[message];
  if (exact !== undefined) return exact;
  if (depth > 2) return message;
  for (const { pattern, translation } of templatesOf(language, catalogue)) {
    const m = pattern.exec(message);
    if (!m) continue;
    // Interpolated values that are messages (or entity names) themselves are translated too.
    return translation.replace(/\{(\d+)\}/g, (_, i: string) => translateMessage(m[Number(i) + 1] ?? "", language, depth + 1));
  }
  return message;
}

/** An error's message in `language`; a `field: ` prefix naming the input stays as it is. */
export function localizeMessage(message: string, field: unknown, language: Language): string {
  const prefix = typeof field === "string" && message.startsWith(`${field}: `) ? `${field}: ` : "";
  return prefix + translateMessage(message.slice(prefix.length), language);
}

/**
 * A formatted GraphQL error in `language`: its message (a `field: ` prefix that names the
 * input stays as it is) and the messages of situation-text warnings in its extensions.
 * Codes, fields and reasons never change: clients translate by those.
 */
export function localizeError(error: GraphQLFormattedError, language: Language): GraphQLFormattedError {
  if (!CATALOGUES[language]) return error;
  const message = localizeMessage(error.message, error.extensions?.["field"], language);
  const warnings = error.extensions?.["warnings"];
  if (!Array.isArray(warnings)) return message === error.message ? error : { ...error, message };
  return {
    ...error,
    message,
    extensions: {
      ...error.extensions,
      warnings: warnings.map((w: unknown) =>
        w && typeof w === "object" && typeof (w as { message?: unknown }).message === "string"
          ? { ...w, message: translateMessage((w as { message: string }).message, language) }
          : w,
      ),
    },
  };
}
