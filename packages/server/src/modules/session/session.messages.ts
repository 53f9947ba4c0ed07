import type { ThemeSession } from "../../generated/prisma/client.js";
import { LINK_PLACEHOLDER } from "../notification/notification.service.js";

const WHEN = new Intl.DateTimeFormat("nl-NL", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Amsterdam" });
const TIME = new Intl.DateTimeFormat("nl-NL", { timeStyle: "short", timeZone: "Europe/Amsterdam" });

/** Plain Dutch (B1) message texts. Bodies never hold anyone else's name. */
export const when = (s: Pick<ThemeSession, "startsAt" | "endsAt">) => `${WHEN.format(s.startsAt)} tot ${TIME.format(s.endsAt)}`;

const footer = `\n\nJe antwoord wijzigen of afzeggen kan altijd via je persoonlijke link:\n${LINK_PLACEHOLDER}\n`;
const details = (s: ThemeSession) => `Wanneer: ${when(s)}\nWaar: ${s.place}`;

export const messages = {
  invitation: (s: ThemeSession) => ({
    subject: `Uitnodiging: ${s.title}`,
    body: `Je bent uitgenodigd voor de themasessie "${s.title}".\n\n${details(s)}\n\nLaat via je persoonlijke link weten of je komt (ja, nee of misschien). Je mag jongeren uit je eigen kring meenemen.\n${LINK_PLACEHOLDER}\n`,
  }),
  confirmed: (s: ThemeSession, seats: number) => ({
    subject: `Bevestiging: ${s.title}`,
    body: `Je plaats is bevestigd${seats > 1 ? ` (${seats} plaatsen, met je gasten)` : ""}.\n\n${details(s)}${footer}`,
  }),
  waitlisted: (s: ThemeSession, position: number | null, confirmedSeats: number) => ({
    subject: `Wachtlijst: ${s.title}`,
    body: `De sessie is vol. ${confirmedSeats > 0 ? `${confirmedSeats} plaats(en) zijn bevestigd; de rest staat` : "Je staat"} op de wachtlijst${position ? ` (plek ${position})` : ""}. Komt er een plaats vrij, dan krijg je die op volgorde van aanmelding en hoor je het meteen.\n\n${details(s)}${footer}`,
  }),
  promoted: (s: ThemeSession, seats: number) => ({
    subject: `Er is plaats: ${s.title}`,
    body: `Goed nieuws: er kwam een plaats vrij. ${seats > 1 ? `${seats} plaatsen zijn` : "Je plaats is"} nu bevestigd.\n\n${details(s)}${footer}`,
  }),
  received: (s: ThemeSession, response: "NO" | "MAYBE") => ({
    subject: `Antwoord ontvangen: ${s.title}`,
    body: `${response === "NO" ? "Je hebt afgezegd; je plaats is vrijgegeven." : "Je hebt 'misschien' geantwoord; je hebt daarmee nog geen plaats."}\n\n${details(s)}${footer}`,
  }),
  changed: (s: ThemeSession) => ({
    subject: `Gewijzigd: ${s.title}`,
    body: `De tijd of plaats van de themasessie "${s.title}" is gewijzigd.\n\n${details(s)}${footer}`,
  }),
  cancelled: (s: ThemeSession) => ({
    subject: `Afgelast: ${s.title}`,
    body: `De themasessie "${s.title}" van ${when(s)} gaat niet door.\n`,
  }),
  reminder: (s: ThemeSession) => ({
    subject: `Herinnering: ${s.title}`,
    body: `Tot straks! Je hebt een bevestigde plaats.\n\n${details(s)}${footer}`,
  }),
};
