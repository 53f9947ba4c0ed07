/** Dutch messages for the frame: header, menu, live-connection banner, not-found page (messages.en.ts has the same keys). */
export const nl = {
  "app.name": "wijknet",
  "app.skipToContent": "Naar de inhoud",

  // The switch names the other language, in that language.
  "language.switchTo": "English",

  "viewer.error": "We konden je gegevens niet ophalen.",

  "notFound.title": "Pagina niet gevonden",
  "notFound.body": "Deze pagina bestaat niet (meer).",
  "notFound.home": "Naar het overzicht",
  "noAccess.title": "Geen toegang",
  "noAccess.body": "Deze pagina is er wel, maar niet voor jouw rol. Denk je dat je hem nodig hebt? Vraag het de beheerder.",

  "live.lost": "Live verbinding verbroken — we proberen opnieuw…",
  "live.restored": "Weer verbonden",
  "footer.label": "Over wijknet",
  "footer.howItWorks": "Hoe werkt wijknet?",
  "nav.label": "Hoofdmenu",
} as const;
