import { findSituationTextTerms, type SituationTextCategory, type SituationTextRange } from "@wijknet/shared";
import { AppError } from "./errors.js";

/**
 * The server's side of the situation-text guard (the rules are @wijknet/shared's
 * `findSituationTextTerms`, the same the forms run). Every free-text field that can say
 * something about people goes through `guardSituationText`: words that describe people
 * by nationality, origin, religion, skin colour or appearance are refused with
 * BAD_USER_INPUT (`extensions.reason = "DESCRIBES_PERSONS"`, `extensions.warnings`)
 * until the caller, having seen them, acknowledges (`acknowledgeWarnings: true`).
 */
export const SITUATION_TEXT_WARNING =
  "Describe the situation (what is happening, where, when), not who people are: this names a nationality, religion, skin colour or origin.";

export interface SituationTextWarning {
  /** The input field, e.g. `input.summary`. */
  field: string;
  /** The word as written (its first occurrence). */
  term: string;
  /** The word family, e.g. "marokkaan". */
  family: string;
  category: SituationTextCategory;
  message: string;
  /** Every occurrence in the field's text (UTF-16 offsets, end exclusive). */
  positions: SituationTextRange[];
}

/** One free-text field: its name, its (cleaned) value, and whether it is a place/name field (softer rule). */
export type GuardedField = readonly [field: string, value: string | null | undefined, kind?: "text" | "place"];

export function situationTextWarnings(fields: readonly GuardedField[]): SituationTextWarning[] {
  return fields.flatMap(([field, value, kind]) =>
    value
      ? findSituationTextTerms(value, { kind: kind ?? "text" }).map((m) => ({
          field,
          term: m.found,
          family: m.term,
          category: m.category,
          message: SITUATION_TEXT_WARNING,
          positions: m.positions,
        }))
      : [],
  );
}

/**
 * Refuses text that describes people unless `acknowledged`; returns the warnings the
 * caller acknowledged (empty when the text describes a situation only).
 */
export function guardSituationText(fields: readonly GuardedField[], acknowledged: boolean | null | undefined): SituationTextWarning[] {
  const warnings = situationTextWarnings(fields);
  if (warnings.length > 0 && !acknowledged) {
    throw new AppError("BAD_USER_INPUT", `${warnings[0]!.field}: ${SITUATION_TEXT_WARNING}`, {
      field: warnings[0]!.field,
      reason: "DESCRIBES_PERSONS",
      warnings,
    });
  }
  return warnings;
}
