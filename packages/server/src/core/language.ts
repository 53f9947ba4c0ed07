import type { Language } from "../generated/prisma/enums.js";

export type { Language };

const SUPPORTED: Readonly<Record<string, Language>> = { nl: "NL", en: "EN" };

/**
 * The supported language an `Accept-Language` header prefers most (RFC 9110 §12.5.4:
 * quality values, `en-GB` counts as `en`); null when it names none of them.
 */
export function negotiateLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  let best: { language: Language; q: number; order: number } | null = null;
  header
    .split(",")
    .slice(0, 20)
    .forEach((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const base = tag.trim().toLowerCase().split("-")[0] ?? "";
      const language = SUPPORTED[base];
      if (!language) return;
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      if (!Number.isFinite(q) || q <= 0 || q > 1) return;
      if (!best || q > best.q || (q === best.q && order < best.order)) best = { language, q, order };
    });
  return (best as { language: Language } | null)?.language ?? null;
}

/** The language to answer a request in: the account's, else the request's `Accept-Language`, else Dutch. */
export function requestLanguage(account: Language | null | undefined, acceptLanguage: string | null | undefined): Language {
  return account ?? negotiateLanguage(acceptLanguage) ?? "NL";
}
