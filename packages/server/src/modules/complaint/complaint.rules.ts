/**
 * Complaints about the municipality's own conduct (Awb chapter 9). Pure rules.
 *
 * - Awb art. 9:6: the receipt of a complaint is confirmed in writing (`acknowledgeComplaint`).
 * - Awb art. 9:11 lid 1: a complaint is handled within six weeks of receipt, or ten weeks
 *   when an advisory committee (art. 9:14) is involved; lid 2: once deferrable by at most
 *   four weeks. The municipality's term is `Municipality.complaintHandlingWeeks` (default 6).
 * Complaints about police conduct are handled under the Politiewet 2012 (chapter 7) by the
 * police; here they are registered and referred, never shown to the police.
 */
const WEEK_MS = 7 * 24 * 60 * 60_000;

export function handleByFor(receivedAt: Date, weeks: number): Date {
  return new Date(receivedAt.getTime() + weeks * WEEK_MS);
}

export function isOverdue(c: { closedAt: Date | null; handleBy: Date }, now: Date): boolean {
  return c.closedAt === null && now.getTime() > c.handleBy.getTime();
}

/**
 * The independent anti-discrimination service on offer to every reporter: the national
 * umbrella of the municipal anti-discrimination services (Wet gemeentelijke
 * antidiscriminatievoorzieningen), which routes to the local one.
 */
export const ANTI_DISCRIMINATION_REFERRAL = {
  name: "Discriminatie.nl (antidiscriminatievoorziening)",
  url: "https://www.discriminatie.nl",
};
