import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { createTranslator, DEFAULT_LANGUAGE, isLanguage, type Catalogues, type Language, type Translate } from "./messages";

const STORAGE_KEY = "wijknet.language";

/**
 * The first of the browser's preferred languages we have ("en-US" → "en"), or Dutch. Dutch is
 * the default for a browser that prefers neither (a Turkish browser reads Dutch first).
 */
export function browserLanguage(preferred: readonly string[] | undefined = globalThis.navigator?.languages): Language {
  for (const tag of preferred ?? []) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The remembered language; on a first visit the browser's. Storage can throw (privacy modes),
 * hence the try.
 */
export function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : browserLanguage();
  } catch {
    return browserLanguage();
  }
}

function storeLanguage(language: Language) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is acceptable; the switch still works.
  }
}

interface I18nContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** `catalogues`: the assembled messages (catalogue.ts), handed in by the shell. */
export function I18nProvider({
  catalogues,
  children,
  initialLanguage,
}: {
  catalogues: Catalogues;
  children: ReactNode;
  initialLanguage?: Language;
}) {
  const [language, setLanguageState] = useState<Language>(() => initialLanguage ?? readStoredLanguage());

  // <html lang> drives screen-reader pronunciation and hyphenation.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo(() => ({ language, setLanguage, t: createTranslator(catalogues, language) }), [catalogues, language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
