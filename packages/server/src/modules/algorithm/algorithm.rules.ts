import { SITUATION_TEXT_SETTINGS } from "@wijknet/shared";
import { DISCLOSURE_TIME_ZONE, SUPPRESSION_THRESHOLD } from "../../core/disclosure.js";
import { type Config, parseEscalateAfter, type SeverityName } from "../../platform/config.js";

/** The four rule sets that decide something about residents' reports and data. */
export type AlgorithmId = "situation-text-guard" | "escalation" | "disclosure-control" | "retention";

/**
 * One setting of a rule set as it runs: the value is text so a list, a version or a
 * number read the same in the register, its rendered page, the GraphQL answer and the
 * public page. `unit` is a plain word ("days", "minutes") or null.
 */
export interface AlgorithmSetting {
  algorithm: AlgorithmId;
  key: string;
  value: string;
  unit: string | null;
}

const SEVERITIES: readonly SeverityName[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];

/**
 * The settings the public algorithm register describes, read from the code and the running
 * configuration. `docs/algorithms/register.json` lists the same keys with the default
 * values; `test/unit/algorithm-register.test.ts` fails when the two differ, and the public
 * page ("Hoe werkt wijknet?") shows these values, so no figure is copied by hand.
 */
export function algorithmSettings(config: Config): AlgorithmSetting[] {
  const s = (algorithm: AlgorithmId, key: string, value: string | number, unit: string | null = null): AlgorithmSetting => ({
    algorithm,
    key,
    value: String(value),
    unit,
  });
  const escalateAfter = parseEscalateAfter(config.ALERT_ESCALATE_AFTER);
  return [
    ...SITUATION_TEXT_SETTINGS.lexiconSources.map((src) => s("situation-text-guard", `guard.source.${src.name}`, src.version, "version")),
    s("situation-text-guard", "guard.fuzzyMinLength", SITUATION_TEXT_SETTINGS.fuzzyMinLength, "letters"),
    s("situation-text-guard", "guard.corpusMinRecall", SITUATION_TEXT_SETTINGS.corpusMinRecall),
    s("situation-text-guard", "guard.corpusMaxFalsePositiveRate", SITUATION_TEXT_SETTINGS.corpusMaxFalsePositiveRate),
    ...SEVERITIES.map((sev) => {
      const ms = escalateAfter[sev];
      return ms === null
        ? s("escalation", `escalation.after.${sev}`, "off")
        : s("escalation", `escalation.after.${sev}`, ms / 60_000, "minutes");
    }),
    s("escalation", "escalation.sweepInterval", config.ESCALATION_SWEEP_INTERVAL_MS / 1000, "seconds"),
    s("disclosure-control", "disclosure.suppressionThreshold", SUPPRESSION_THRESHOLD, "people"),
    s("disclosure-control", "disclosure.periodTimeZone", DISCLOSURE_TIME_ZONE),
    s("retention", "retention.signalAnonymise", config.RETENTION_SIGNAL_ANONYMISE_DAYS, "days"),
    s("retention", "retention.signalDelete", config.RETENTION_SIGNAL_DELETE_DAYS, "days"),
    s("retention", "retention.contactInactiveAfter", config.RETENTION_CONTACT_INACTIVE_AFTER_DAYS, "days"),
    s("retention", "retention.contactAnonymiseAfterInactive", config.RETENTION_CONTACT_ANONYMISE_AFTER_DAYS, "days"),
    s("retention", "retention.rsvpAfterSession", config.RSVP_RETENTION_DAYS, "days"),
    s("retention", "retention.loginSessions", config.RETENTION_AUTH_SESSION_DAYS, "days"),
    s("retention", "retention.outbox", config.RETENTION_OUTBOX_DAYS, "days"),
    s("retention", "retention.contactImport", config.IMPORT_RETENTION_HOURS, "hours"),
    s("retention", "retention.sweepInterval", config.RETENTION_SWEEP_INTERVAL_MS / 60_000, "minutes"),
  ];
}
