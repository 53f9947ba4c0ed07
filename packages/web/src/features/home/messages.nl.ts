/** Dutch messages for the home page (messages.en.ts has the same keys). */
export const nl = {
  "home.title": "Overzicht",
  "home.welcome": "Welkom, {name}",
  "home.role": "Je werkt in wijknet als {role} bij de gemeente {municipality}.",
  "nav.home": "Overzicht",
} as const;
