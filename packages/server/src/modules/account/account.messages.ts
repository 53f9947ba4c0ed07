import type { Language } from "../../generated/prisma/enums.js";

/**
 * Account emails in the user's language. `link` is the notification outbox's placeholder:
 * the raw token is put in only when the message is sent (and then forgotten).
 */
export function invitationMail(language: Language, v: { name: string; municipality: string; link: string; hours: number }) {
  return language === "EN"
    ? {
        subject: `Your wijknet account for ${v.municipality}`,
        body: [
          `Hello ${v.name},`,
          "",
          `An account was made for you on wijknet, the community safety network of ${v.municipality}.`,
          `Choose your password with this link (it works once, for ${v.hours} hours):`,
          "",
          v.link,
          "",
          "Did you not expect this message? Then you can ignore it.",
        ].join("\n"),
      }
    : {
        subject: `Uw wijknet-account voor ${v.municipality}`,
        body: [
          `Beste ${v.name},`,
          "",
          `Er is een account voor u gemaakt op wijknet, het netwerk voor veiligheid in de wijk van ${v.municipality}.`,
          `Kies uw wachtwoord met deze link (de link werkt één keer, ${v.hours} uur lang):`,
          "",
          v.link,
          "",
          "Verwachtte u dit bericht niet? Dan kunt u het negeren.",
        ].join("\n"),
      };
}

export function resetMail(language: Language, v: { name: string; link: string; minutes: number }) {
  return language === "EN"
    ? {
        subject: "Reset your wijknet password",
        body: [
          `Hello ${v.name},`,
          "",
          `Someone asked to reset the password of your wijknet account. Choose a new password with this link (it works once, for ${v.minutes} minutes):`,
          "",
          v.link,
          "",
          "Did you not ask for this? Then ignore this message: your password stays the same.",
        ].join("\n"),
      }
    : {
        subject: "Nieuw wachtwoord voor wijknet",
        body: [
          `Beste ${v.name},`,
          "",
          `Iemand heeft gevraagd om een nieuw wachtwoord voor uw wijknet-account. Kies een nieuw wachtwoord met deze link (de link werkt één keer, ${v.minutes} minuten lang):`,
          "",
          v.link,
          "",
          "Heeft u dit niet gevraagd? Negeer dan dit bericht: uw wachtwoord blijft hetzelfde.",
        ].join("\n"),
      };
}
