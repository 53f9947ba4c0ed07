/** Dutch messages for the shared building blocks: page title, load state, forms (messages.en.ts has the same keys). */
export const nl = {
  "app.documentTitle": "{page} – wijknet",
  "count.hidden": "minder dan 5",
  "app.loading": "Laden…",
  "app.retry": "Opnieuw proberen",
  "form.save": "Opslaan",
  "form.saving": "Bezig met opslaan…",
  "form.cancel": "Annuleren",
  "form.errorSummary": "Er klopt iets niet in {count} veld(en). Kijk bij de rode meldingen.",
  "form.error.unknown": "Opslaan is niet gelukt. Probeer het later opnieuw.",
  "situation.field": 'Beschrijf de situatie, niet wie mensen zijn: "{terms}" zegt iets over herkomst, geloof of huidskleur.',
  "situation.preview": "Deze woorden zijn onderstreept:",
  "situation.summary": "Je tekst beschrijft mensen (herkomst, geloof of huidskleur). Pas de tekst aan, of sla hem bewust toch zo op.",
  "situation.saveAnyway": "Toch opslaan zoals het er staat",
} as const;
