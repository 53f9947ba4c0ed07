/** Dutch messages for the districts table (messages.en.ts has the same keys). */
export const nl = {
  "districts.heading": "Wijken van de gemeente {municipality}",
  "districts.name": "Naam",
  "districts.code": "Code",
  "districts.loading": "Wijken laden…",
  "districts.empty": "Er zijn nog geen wijken.",
  "districts.error": "We konden de wijken niet ophalen.",
} as const;
