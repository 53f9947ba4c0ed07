/** Dutch messages for the ally's own profile (messages.en.ts has the same keys). */
export const nl = {
  "nav.myProfile": "Mijn profiel",
  "profile.title": "Mijn profiel",
  "profile.intro": "Dit weet wijknet over jou. Klopt er iets niet? Laat het de netwerkcoördinator weten.",
  "profile.error": "We konden je profiel niet ophalen.",
  "profile.none": "Er is nog geen profiel aan je account gekoppeld. Neem contact op met de netwerkcoördinator.",
  "profile.networks": "Mijn netwerken",
  "profile.noNetworks": "Je bent nog geen lid van een netwerk.",
  "profile.myRole": "Mijn rol",
  "profile.consents": "Mijn toestemmingen",
  "profile.consentGiven": "gegeven op {date}",
  "profile.consentWithdrawn": "ingetrokken op {date}",
  "profile.questions": "Wil je weten wat we precies bewaren, of wil je dat we iets verwijderen? Vraag het de netwerkcoördinator.",
} as const;
