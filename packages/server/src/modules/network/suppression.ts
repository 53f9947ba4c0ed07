/**
 * Small-cell suppression for every aggregate about people: a count below the threshold
 * could point at an individual, so it is hidden, and so is any share computed from it
 * (a share next to a known total gives the count back).
 */
export const SUPPRESSION_THRESHOLD = 5;

export interface SuppressedCount {
  value: number | null;
  suppressed: boolean;
}

export function suppress(count: number, threshold = SUPPRESSION_THRESHOLD): SuppressedCount {
  return count < threshold ? { value: null, suppressed: true } : { value: count, suppressed: false };
}

/** part / whole, or null when either side is suppressed or the whole is empty. */
export function suppressedShare(part: number, whole: number, threshold = SUPPRESSION_THRESHOLD): number | null {
  if (part < threshold || whole < threshold || whole === 0) return null;
  return Math.round((part / whole) * 1000) / 1000;
}
