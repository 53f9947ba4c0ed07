import type { AlertReason, Severity, SignalKind, SignalStatus, SignalUpdateKind, SignalVisibility } from "../../generated/gql/graphql";

export const SEVERITIES: readonly Severity[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
export const STATUSES: readonly SignalStatus[] = ["NEW", "TRIAGED", "MONITORING", "RESOLVED", "DISMISSED"];
export const KINDS: readonly SignalKind[] = ["TENSION", "INCIDENT", "RUMOUR", "ONLINE", "UNREST"];

export const severityKey = (value: Severity): `severity.${Severity}` => `severity.${value}`;
export const statusKey = (value: SignalStatus): `signalStatus.${SignalStatus}` => `signalStatus.${value}`;
export const kindKey = (value: SignalKind): `signalKind.${SignalKind}` => `signalKind.${value}`;
export const visibilityKey = (value: SignalVisibility): `visibility.${SignalVisibility}` => `visibility.${value}`;
export const reasonKey = (value: AlertReason): `alertReason.${AlertReason}` => `alertReason.${value}`;
export const timelineKey = (value: SignalUpdateKind): `timeline.${SignalUpdateKind}` => `timeline.${value}`;

/** Timeline values are enum names for status, severity and sharing; anything else (a district) is shown as is. */
export function timelineValueKey(
  value: string,
): `severity.${Severity}` | `signalStatus.${SignalStatus}` | `visibility.${SignalVisibility}` | null {
  if ((SEVERITIES as readonly string[]).includes(value)) return `severity.${value as Severity}`;
  if ((STATUSES as readonly string[]).includes(value)) return `signalStatus.${value as SignalStatus}`;
  if (value === "COORDINATION_ONLY" || value === "SHARED_WITH_POLICE") return `visibility.${value}`;
  return null;
}
