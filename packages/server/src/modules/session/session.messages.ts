import type { ThemeSession } from "../../generated/prisma/client.js";
import { LINK_PLACEHOLDER } from "../notification/notification.service.js";

/**
 * Message texts for the people invited, in their own language: the contact's
 * `preferredLanguage` (BCP 47, e.g. "en-GB" → English), else Dutch. Plain B1 language;
 * bodies never hold anyone else's name. A third language is a third catalogue in CATALOGUES.
 */
export type MessageLanguage = "nl" | "en";

type Catalogue = ReturnType<typeof catalogue>;

const format = (locale: string) => ({
  when: new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Amsterdam" }),
  time: new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "Europe/Amsterdam" }),
});
const NL = format("nl-NL");
const EN = format("en-GB");

/** "dinsdag 1 december 2026 om 19:00 tot 21:00" (Dutch; the calendar file and other Dutch texts use it). */
export const when = (s: Pick<ThemeSession, "startsAt" | "endsAt">) => `${NL.when.format(s.startsAt)} tot ${NL.time.format(s.endsAt)}`;

function catalogue(language: MessageLanguage) {
  if (language === "en") {
    const whenEn = (s: Pick<ThemeSession, "startsAt" | "endsAt">) => `${EN.when.format(s.startsAt)} until ${EN.time.format(s.endsAt)}`;
    const footer = `\n\nYou can change your answer or cancel at any time through your personal link:\n${LINK_PLACEHOLDER}\n`;
    const details = (s: ThemeSession) => `When: ${whenEn(s)}\nWhere: ${s.place}`;
    return {
      invitation: (s: ThemeSession) => ({
        subject: `Invitation: ${s.title}`,
        body: `You are invited to the theme session "${s.title}".\n\n${details(s)}\n\nLet us know through your personal link whether you are coming (yes, no or maybe). You may bring young people from your own circle.\n${LINK_PLACEHOLDER}\n`,
      }),
      confirmed: (s: ThemeSession, seats: number) => ({
        subject: `Confirmed: ${s.title}`,
        body: `Your seat is confirmed${seats > 1 ? ` (${seats} seats, with your guests)` : ""}.\n\n${details(s)}${footer}`,
      }),
      waitlisted: (s: ThemeSession, position: number | null, confirmedSeats: number) => ({
        subject: `Waiting list: ${s.title}`,
        body: `The session is full. ${confirmedSeats > 0 ? `${confirmedSeats} seat(s) are confirmed; the rest are` : "You are"} on the waiting list${position ? ` (place ${position})` : ""}. If a seat comes free, it goes to the waiting list in the order of signing up, and you hear at once.\n\n${details(s)}${footer}`,
      }),
      promoted: (s: ThemeSession, seats: number) => ({
        subject: `A seat came free: ${s.title}`,
        body: `Good news: a seat came free. ${seats > 1 ? `${seats} seats are` : "Your seat is"} now confirmed.\n\n${details(s)}${footer}`,
      }),
      received: (s: ThemeSession, response: "NO" | "MAYBE") => ({
        subject: `Answer received: ${s.title}`,
        body: `${response === "NO" ? "You cancelled; your seat was given up." : "You answered 'maybe'; that does not give you a seat yet."}\n\n${details(s)}${footer}`,
      }),
      changed: (s: ThemeSession) => ({
        subject: `Changed: ${s.title}`,
        body: `The time or place of the theme session "${s.title}" has changed.\n\n${details(s)}${footer}`,
      }),
      cancelled: (s: ThemeSession) => ({
        subject: `Cancelled: ${s.title}`,
        body: `The theme session "${s.title}" on ${whenEn(s)} will not take place.\n`,
      }),
      reminder: (s: ThemeSession) => ({
        subject: `Reminder: ${s.title}`,
        body: `See you soon! You have a confirmed seat.\n\n${details(s)}${footer}`,
      }),
    };
  }
  const footer = `\n\nJe antwoord wijzigen of afzeggen kan altijd via je persoonlijke link:\n${LINK_PLACEHOLDER}\n`;
  const details = (s: ThemeSession) => `Wanneer: ${when(s)}\nWaar: ${s.place}`;
  return {
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
}

const CATALOGUES: Record<MessageLanguage, Catalogue> = { nl: catalogue("nl"), en: catalogue("en") };

/** The catalogue for a contact's preferred language ("en", "en-GB" → English); anything else Dutch. */
export function messagesIn(preferredLanguage: string | null | undefined): Catalogue {
  const base = (preferredLanguage ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return CATALOGUES[base as MessageLanguage] ?? CATALOGUES.nl;
}
