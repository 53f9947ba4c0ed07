/**
 * A signal describes a *situation* (place, time window, what is going on), never the
 * traits of the people involved. This matcher finds words in free text that name a
 * nationality, religion, skin colour or origin, so the intake form (and the server)
 * can ask the reporter to describe the situation instead.
 *
 * It is a warning aid, not a filter: it matches whole words (and a few fixed
 * phrases), Dutch and English, case- and accent-insensitively. Words are stems where
 * Dutch inflects them ("marokkaan" matches "Marokkaanse", "Marokkanen"); a stem is only
 * used when it cannot be the start of an ordinary word.
 */

/** A term, with how it matches: `word` = the whole word, `prefix` = any word starting with it. */
interface Term {
  term: string;
  match: "word" | "prefix";
  category: SituationTextCategory;
}

export type SituationTextCategory = "NATIONALITY_OR_ORIGIN" | "RELIGION" | "SKIN_COLOUR";

const prefix = (category: SituationTextCategory, ...terms: string[]): Term[] => terms.map((term) => ({ term, match: "prefix", category }));
const word = (category: SituationTextCategory, ...terms: string[]): Term[] => terms.map((term) => ({ term, match: "word", category }));

export const SITUATION_TEXT_TERMS: readonly Term[] = [
  // Nationality and origin — Dutch.
  ...prefix(
    "NATIONALITY_OR_ORIGIN",
    "marokka",
    "marokkan",
    "turks",
    "surinam",
    "antilliaan",
    "antilliaans",
    "somalisch",
    "somaliër",
    "eritrees",
    "eritreeër",
    "syrisch",
    "syriër",
    "afghaans",
    "afghaan",
    "bulgaars",
    "bulgaar",
    "roemeens",
    "roemeen",
    "irakees",
    "iraaks",
    "iraans",
    "iraniër",
    "koerdisch",
    "koerd",
    "arabisch",
    "arabier",
    "afrikaans",
    "afrikaan",
    "aziatisch",
    "aziaat",
    "chinees",
    "chinezen",
    "kaapverdisch",
    "ghanees",
    "nigeriaans",
    "oost-europe",
    "oosteurope",
    "allochto",
    "autochto",
    "buitenlands",
    "buitenlander",
    "asielzoeker",
    "statushouder",
    "vluchteling",
    "migrant",
    "nieuwkomer",
    "zigeuner",
    "woonwagenbewoner",
  ),
  // Not "Nederlands" or "Pool": "in het Nederlands" and "de Noordpool" are everyday words.
  ...word("NATIONALITY_OR_ORIGIN", "turk", "turken", "pools", "poolse", "polen", "roma", "sinti", "nederlander", "nederlanders"),
  // Nationality and origin — English.
  ...prefix(
    "NATIONALITY_OR_ORIGIN",
    "moroccan",
    "turkish",
    "surinamese",
    "antillean",
    "somali",
    "eritrean",
    "syrian",
    "afghan",
    "bulgarian",
    "romanian",
    "iraqi",
    "iranian",
    "kurdish",
    "arab",
    "african",
    "asian",
    "chinese",
    "eastern-european",
    "eastern european",
    "foreigner",
    "foreign-looking",
    "foreign looking",
    "foreign-born",
    "immigrant",
    "migrant",
    "refugee",
    "asylum seeker",
    "gypsy",
    "gypsies",
    "non-western",
    "nonwestern",
    "non-dutch",
    "ethnic",
  ),
  // Not "Polish", "Dutch" or "foreign" alone: "polish the sign", "Dutch police", "foreign object".
  ...word("NATIONALITY_OR_ORIGIN", "turks"),
  // Religion — Dutch and English. A place of worship is a *place* ("graffiti at the
  // mosque" describes a situation), so those words are not on the list.
  ...prefix(
    "RELIGION",
    "moslim",
    "islamitisch",
    "islamiet",
    "muslim",
    "islamic",
    "joods",
    "joden",
    "jewish",
    "christelijk",
    "christian",
    "katholiek",
    "catholic",
    "hindoe",
    "hindu",
    "boeddhist",
    "buddhist",
    "sikh",
    "salafist",
    "salafi",
    "jihadist",
    "hoofddoek",
    "headscarf",
    "boerka",
    "burqa",
    "niqaab",
    "niqab",
    "keppel",
    "kippah",
    "yarmulke",
  ),
  ...word(
    "RELIGION",
    "islam",
    "jood",
    "jew",
    "jews",
    "christen",
    "christenen",
    "gelovig",
    "gelovige",
    "religieus",
    "religieuze",
    "religious",
    "religion",
    "religie",
    "hijab",
  ),
  // Skin colour — Dutch and English.
  // Not "wit(te)", "donkere", "bruine" or "white": "Witte Vrouwen" is a Utrecht
  // neighbourhood, "donkere steeg" a dark alley, "bruin café" a pub, "white van" a van.
  ...prefix(
    "SKIN_COLOUR",
    "huidskleur",
    "skin colour",
    "skin color",
    "getint",
    "donkergekleurd",
    "donker gekleurd",
    "lichtgekleurd",
    "dark-skinned",
    "dark skinned",
    "light-skinned",
    "light skinned",
    "of colour",
    "of color",
  ),
  ...word("SKIN_COLOUR", "zwart", "zwarte", "zwarten", "blanke", "blanken", "gekleurde", "gekleurden", "black", "blacks", "whites"),
];

export interface SituationTextMatch {
  /** The word list entry that matched (lower-case, without accents). */
  term: string;
  category: SituationTextCategory;
  /** The text as written, e.g. "Marokkaanse". */
  found: string;
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

const FOLDED = SITUATION_TEXT_TERMS.map((t) => ({ ...t, folded: fold(t.term) }));

/** Letters (any script) and digits; apostrophes and hyphens join words ("oost-europees"). */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The terms a text names, in the order they appear (each at most once). Empty when the
 * text describes a situation only.
 */
export function findSituationTextTerms(text: string): SituationTextMatch[] {
  const folded = fold(text);
  // Folding removes combining marks only, so indices line up with `text` for the
  // characters we report (NFD of precomposed letters is longer; we recompute below).
  const source = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const found: Array<SituationTextMatch & { at: number }> = [];
  const seen = new Set<string>();
  for (const t of FOLDED) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(t.folded, from);
      if (at < 0) break;
      from = at + 1;
      const before = at === 0 ? "" : folded[at - 1]!;
      if (before && WORD_CHAR.test(before)) continue; // inside a word, e.g. "blackout" is fine, "pool" in "carpool"
      let end = at + t.folded.length;
      const after = folded[end] ?? "";
      if (t.match === "word" && after && WORD_CHAR.test(after)) continue;
      while (end < folded.length && (WORD_CHAR.test(folded[end]!) || folded[end] === "-")) end++;
      if (seen.has(t.folded)) break;
      seen.add(t.folded);
      found.push({ term: t.folded, category: t.category, found: source.slice(at, end), at });
      break;
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...m }) => m);
}
