import type { AlertContext } from "./alert-delivery.repository.js";

/**
 * The email fallback, in the recipient's language (Dutch by default). Like the push, it
 * carries only district, kind and severity and a link: never the signal's text, which
 * belongs behind the login.
 */
const KIND = {
  NL: { TENSION: "spanning", INCIDENT: "incident", UNREST: "onrust", RUMOUR: "gerucht", ONLINE: "online" },
  EN: { TENSION: "tension", INCIDENT: "incident", UNREST: "unrest", RUMOUR: "rumour", ONLINE: "online" },
} as const;
const SEVERITY = {
  NL: { LOW: "laag", MEDIUM: "middel", HIGH: "hoog", CRITICAL: "kritiek" },
  EN: { LOW: "low", MEDIUM: "medium", HIGH: "high", CRITICAL: "critical" },
} as const;

export function alertEmail(ctx: AlertContext, link: string): { subject: string; text: string } {
  const lang = ctx.language === "EN" ? "EN" : "NL";
  const kind = KIND[lang][ctx.kind];
  const severity = SEVERITY[lang][ctx.severity];
  const escalated = ctx.reason.startsWith("ESCALATION");
  if (lang === "EN") {
    return {
      subject: `wijknet alert (${severity}): ${kind} in ${ctx.districtName}`,
      text:
        `${escalated ? "Nobody has acknowledged this alert yet, so it is passed on to you.\n\n" : ""}` +
        `There is a new signal for you in wijknet.\n\nDistrict: ${ctx.districtName}\nKind: ${kind}\nSeverity: ${severity}\n\n` +
        `Open wijknet to read it and acknowledge the alert:\n${link}\n`,
    };
  }
  return {
    subject: `wijknet melding (${severity}): ${kind} in ${ctx.districtName}`,
    text:
      `${escalated ? "Niemand heeft deze melding nog bevestigd. Daarom krijgt u hem nu.\n\n" : ""}` +
      `Er is een nieuw signaal voor u in wijknet.\n\nWijk: ${ctx.districtName}\nSoort: ${kind}\nErnst: ${severity}\n\n` +
      `Open wijknet om het te lezen en de melding te bevestigen:\n${link}\n`,
  };
}
