/**
 * Dutch messages: the source of truth for message keys. Plain language (B1):
 * short sentences, "je", say what happened and what to do next.
 *
 * Placeholders are written as {name}; `t()` checks at compile time that every
 * placeholder of a message gets a value.
 */
export const nl = {
  "app.name": "wijknet",
  "app.skipToContent": "Naar de inhoud",
  "app.documentTitle": "{page} – wijknet",
  "app.loading": "Laden…",
  "app.retry": "Opnieuw proberen",

  "header.signedInAs": "Ingelogd als {name}",
  "header.role": "Rol: {role}",
  "header.logout": "Uitloggen",
  "header.loggingOut": "Bezig met uitloggen…",

  // The switch names the other language, in that language.
  "language.switchTo": "English",

  "role.ADMIN": "Beheerder",
  "role.ALLY": "Wijkbondgenoot",
  "role.COORDINATOR": "Netwerkcoördinator",
  "role.POLICE_LIAISON": "Wijkagent",

  "login.title": "Inloggen",
  "login.heading": "Inloggen bij wijknet",
  "login.intro": "Log in met het e-mailadres en het wachtwoord van je wijknet-account.",
  "login.email": "E-mailadres",
  "login.password": "Wachtwoord",
  "login.submit": "Inloggen",
  "login.submitting": "Bezig met inloggen…",
  "login.error.emailRequired": "Vul je e-mailadres in.",
  "login.error.emailInvalid": "Het e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl.",
  "login.error.passwordRequired": "Vul je wachtwoord in.",
  "login.error.wrongCredentials":
    "Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw.",
  "login.error.rateLimited":
    "Je hebt te vaak geprobeerd in te loggen. Wacht een paar minuten en probeer het dan opnieuw.",
  "login.error.invalidInput": "Het e-mailadres of het wachtwoord is niet goed ingevuld. Controleer ze en probeer het opnieuw.",
  "login.error.network": "We kunnen wijknet nu niet bereiken. Controleer je internetverbinding en probeer het opnieuw.",
  "login.error.unknown": "Er ging iets mis bij het inloggen. Probeer het later opnieuw.",
  "login.notice.loggedOut": "Je bent uitgelogd.",
  "login.notice.expired": "Je sessie is verlopen. Log opnieuw in.",

  "home.title": "Overzicht",
  "home.welcome": "Welkom, {name}",
  "home.role": "Je werkt in wijknet als {role} bij de gemeente {municipality}.",

  "viewer.error": "We konden je gegevens niet ophalen.",

  "districts.heading": "Wijken van de gemeente {municipality}",
  "districts.name": "Naam",
  "districts.code": "Code",
  "districts.loading": "Wijken laden…",
  "districts.empty": "Er zijn nog geen wijken.",
  "districts.error": "We konden de wijken niet ophalen.",

  "notFound.title": "Pagina niet gevonden",
  "notFound.body": "Deze pagina bestaat niet (meer).",
  "notFound.home": "Naar het overzicht",

  "live.lost": "Live verbinding verbroken — we proberen opnieuw…",
  "live.restored": "Weer verbonden",
} as const;

export type MessageKey = keyof typeof nl;
