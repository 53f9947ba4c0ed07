import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { findSituationTextTerms, type SituationTextMatch } from "@wijknet/shared";
import { Fragment, useMemo } from "react";
import { useI18n } from "../i18n/i18n-provider";

/**
 * The situation-text guard in forms: the same rules the server runs
 * (`findSituationTextTerms` from @wijknet/shared), checked while typing, so a form shows
 * the words about people at once, underlined where they are. The server stays the
 * authority (DESCRIBES_PERSONS, until `acknowledgeWarnings`).
 */
export function useSituationText(text: string, kind: "text" | "place" = "text"): SituationTextMatch[] {
  return useMemo(() => findSituationTextTerms(text, { kind }), [text, kind]);
}

/** The error message for a field with matches, or undefined. */
export function useSituationFieldError(matches: readonly SituationTextMatch[]): string | undefined {
  const { t } = useI18n();
  if (matches.length === 0) return undefined;
  return t("situation.field", { terms: matches.map((m) => m.found).join('", "') });
}

/** The field's text with the words about people underlined (a <mark> per occurrence). */
export function SituationTextPreview({ text, matches }: { text: string; matches: readonly SituationTextMatch[] }) {
  const { t } = useI18n();
  if (matches.length === 0) return null;
  const ranges = matches.flatMap((m) => m.positions).sort((a, b) => a.start - b.start);
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue;
    if (r.start > at) parts.push({ text: text.slice(at, r.start), marked: false });
    parts.push({ text: text.slice(r.start, r.end), marked: true });
    at = r.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <p className="wijknet-situation-preview">
      <span className="wijknet-situation-preview__label">{t("situation.preview")} </span>
      {parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </p>
  );
}

/** The input fields (last path segment) of a DESCRIBES_PERSONS refusal, or null for any other error. */
export function describesPersonsFields(error: unknown): string[] | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const item of error.errors) {
    if (item.extensions?.reason !== "DESCRIBES_PERSONS") continue;
    const raw = item.extensions.warnings;
    const list = Array.isArray(raw) ? (raw as Array<{ field?: unknown }>) : [];
    return [...new Set(list.flatMap((w) => (typeof w.field === "string" ? [w.field.split(".").pop() ?? w.field] : [])))];
  }
  return null;
}
