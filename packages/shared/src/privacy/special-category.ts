/**
 * The platform must never become a profiling tool: no field anywhere may hold
 * ethnicity, nationality, origin, religion, skin colour, other special-category
 * data (GDPR art. 9) or a birth date (youth get an age band). These terms are
 * matched against *identifiers* (field, type, argument and enum names) of the
 * Prisma and GraphQL schemas; a test fails the build on a match.
 */
export const SPECIAL_CATEGORY_TERMS: readonly string[] = [
  // ethnicity, race
  "ethnic",
  "ethnicity",
  "ethnicities",
  "etnisch",
  "etniciteit",
  "race",
  "races",
  "racial",
  "ras",
  // nationality, origin
  "nationality",
  "nationalities",
  "nationaliteit",
  "citizenship",
  "origin",
  "origins",
  "herkomst",
  "afkomst",
  "descent",
  "ancestry",
  "migrationbackground",
  "migratieachtergrond",
  "birthcountry",
  "countryofbirth",
  "geboorteland",
  "birthplace",
  "placeofbirth",
  "geboorteplaats",
  // religion, belief
  "religion",
  "religions",
  "religious",
  "religie",
  "geloof",
  "faith",
  "belief",
  "levensbeschouwing",
  // appearance
  "skin",
  "skincolor",
  "skincolour",
  "huidskleur",
  "complexion",
  // other special categories
  "sexualorientation",
  "geaardheid",
  "politicalopinion",
  "tradeunion",
  "vakbond",
  "biometric",
  "genetic",
  // youth are described by an age band, never a birth date
  "birthdate",
  "dateofbirth",
  "dob",
  "geboortedatum",
  "birthday",
];

const TERMS = new Set(SPECIAL_CATEGORY_TERMS);

/** Splits `countryOfBirth`, `skin_colour`, `HUIDSKLEUR` or `date-of-birth` into lower-case words. */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * The special-category term an identifier names, or null. Every run of adjacent
 * words is tried joined, so `countryOfBirth` matches "countryofbirth" while
 * `originalName` or `raster` do not match "origin" or "ras".
 */
export function specialCategoryTerm(identifier: string): string | null {
  const words = identifierWords(identifier);
  for (let i = 0; i < words.length; i++) {
    let joined = "";
    for (let j = i; j < words.length; j++) {
      joined += words[j];
      if (TERMS.has(joined)) return joined;
    }
  }
  return null;
}
