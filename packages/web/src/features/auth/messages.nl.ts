/** Dutch messages for login, logout and the viewer in the header (messages.en.ts has the same keys). */
export const nl = {
  "header.signedInAs": "Ingelogd als {name}",
  "header.role": "Rol: {role}",
  "header.logout": "Uitloggen",
  "header.loggingOut": "Bezig met uitloggen…",

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
} as const;
