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
} as const;
