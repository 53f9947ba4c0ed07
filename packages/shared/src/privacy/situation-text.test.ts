import { describe, expect, it } from "vitest";
import { lexiconData } from "../../scripts/generate-situation-lexicon.mjs";
import { findSituationTextTerms } from "./situation-text.js";
import * as generated from "./situation-lexicon.data.js";

const families = (text: string, kind?: "text" | "place") => findSituationTextTerms(text, { kind }).map((m) => m.term);

describe("findSituationTextTerms", () => {
  it.each([
    ["Groep Marokkaanse jongeren bij het winkelcentrum", "marokkaan", "NATIONALITY_OR_ORIGIN"],
    ["Twee Turkse mannen maakten ruzie", "turk", "NATIONALITY_OR_ORIGIN"],
    ["Een moslim werd uitgescholden", "moslim", "RELIGION"],
    ["Zwarte jongens hingen rond", "huidskleur", "SKIN_COLOUR"],
    ["Allochtone jeugd bij het plein", "allochtoon", "NATIONALITY_OR_ORIGIN"],
    ["Buitenlandse mannen in een auto", "buitenlander", "NATIONALITY_OR_ORIGIN"],
    ["Moroccan youths near the station", "moroccan", "NATIONALITY_OR_ORIGIN"],
    ["Muslims gathered outside", "muslim", "RELIGION"],
    ["a black man was seen", "huidskleur", "SKIN_COLOUR"],
    ["three foreign-looking men", "uiterlijk", "APPEARANCE"],
    ["vrouw met hoofddoek", "hoofddoek", "RELIGION"],
    ["Ze waren getint", "getint", "SKIN_COLOUR"],
    ["SOMALISCHE familie", "somalier", "NATIONALITY_OR_ORIGIN"],
    ["een Syriër", "syrier", "NATIONALITY_OR_ORIGIN"],
  ])("warns about %j", (text, term, category) => {
    const found = findSituationTextTerms(text);
    expect(found.map((m) => m.term)).toContain(term);
    expect(found.find((m) => m.term === term)?.category).toBe(category);
  });

  it.each([
    ["misspelt", "Marrokanen bij de flat", "marokkaan"],
    ["misspelt religion", "Mosliems bij de ingang", "moslim"],
    ["digits for letters", "Musl1ms bij de ingang", "muslim"],
    ["symbols for letters", "M0$l!ms bij de ingang", "moslim"],
    ["slang", "Mocro's bij de flat", "mocro"],
    ["origin phrase", "jongeren uit Marokko", "marokko"],
    ["migration background", "met een migratieachtergrond", "migratieachtergrond"],
    ["non-western", "niet-westerse jongeren", "westers"],
    ["plural demonym", "Antillianen op het plein", "antilliaan"],
    ["-ezen plural", "Irakezen op het plein", "irakees"],
    ["continent demonym", "Aziaten op het plein", "aziaat"],
    ["letters split by dots", "M.a.r.o.k.k.a.a.n.s.e jongens", "marokkaan"],
    ["letters split by spaces", "M a r o k k a n e n bij de flat", "marokkaan"],
    ["zero-width space", "Mar\u200bokkanen bij de flat", "marokkaan"],
    ["Cyrillic o", "M\u043eslims bij de flat", "moslim"],
    ["fullwidth letters", "\uff34\uff55\uff52\uff4b\uff53\uff45 jongens", "turk"],
    ["compound tail", "Arbeidsmigranten drinken op straat", "migrant"],
    ["a word split by a hyphen", "Marokk-aanse jongens bij de flat", "marokkaan"],
    ["an adjective standing for a person", "Een Marokkaanse sloeg een meisje", "marokkaan"],
    ["an unlisted person noun", "Poolse bouwvakkers drinken bier", "pool"],
    ["a diminutive", "Antilliaantjes op het plein", "antilliaan"],
    ["a phrase", "men of colour near the station", "huidskleur"],
    ["a symbol for a letter", "M*rokkaanse jongens bij de flat", "marokkaan"],
    ["a word in four pieces", "Mar-rok-kaan-se jongens bij de flat", "marokkaan"],
    ["a compound with a slur", "kutturken bij de flat", "turk"],
    ["a family before a person noun", "De Turkenbende was er weer", "turk"],
    ["a language said of people", "Arabisch sprekende jongeren", "arabier"],
    ["a colour standing for a person", "Ik zag een zwarte.", "huidskleur"],
  ])("warns about evasions (%s): %j", (_what, text, term) => {
    expect(families(text)).toContain(term);
  });

  it("gives each family once, with every position in the ORIGINAL text", () => {
    const text = "Mar\u200bokkaanse en Turkse jongeren; weer Marokkanen";
    const found = findSituationTextTerms(text);
    expect(found.map((m) => m.term)).toEqual(["marokkaan", "turk"]);
    const [m] = found;
    expect(m!.found).toBe("Mar\u200bokkaanse");
    expect(m!.positions.map((p) => text.slice(p.start, p.end))).toEqual(["Mar\u200bokkaanse", "Marokkanen"]);
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe("Turkse");
  });

  it.each([
    "Vechtpartij bij het winkelcentrum rond 22:00, ongeveer tien jongeren",
    "Graffiti met bedreigingen op de muur van de moskee",
    "Stroomstoring (blackout) in de flat, onrust in de Witte Vrouwenstraat",
    "A white van parked on the pavement for hours",
    "Donkere steeg zonder verlichting, bruin café sluit laat",
    "Iemand zwartrijden in de tram",
    "Ruzie over carpool parkeerplaats bij de Noordpool-flat",
    "Fireworks thrown at the police car, Dutch police on site",
    "polish the sign; jewellery shop window broken",
    "Ruzie bij de Turkse bakker over een bestelling",
    "Turkse pizza en shoarma gehaald, daarna rustig",
    "Flyers in het Nederlands en Arabisch opgehangen",
    "Een duister portiek zonder licht",
    "Na de wedstrijd van Marokko was het feestelijk",
    "Surinaamse roti en Vietnamese loempia's gehaald",
    "In de Witte Vrouwen was het rustig",
    "Pakket met vuurwerk, import uit Polen",
    "Spaanse peper in de ogen gespoten",
    "Cursus over de Duitse taal in de bibliotheek",
    "Onrust in de Witte Vrouwen rond middernacht",
  ])("does not warn about a situation: %j", (text) => {
    expect(families(text)).toEqual([]);
  });

  it("is softer in a place field: a shop is a place, people still warn", () => {
    expect(families("bij de Turkse bakker", "place")).toEqual([]);
    expect(families("bij de Chinees op de hoek", "place")).toEqual([]);
    expect(families("bij de Marokkaanse jongens op het plein", "place")).toEqual(["marokkaan"]);
  });

  it("says a language of material is a situation, a language of people is not", () => {
    expect(families("posters in het Pools en Roemeens")).toEqual([]);
    expect(families("ze spraken Arabisch")).toEqual(["arabier"]);
  });

  it("is fast on a long text (precompiled lexicon)", () => {
    findSituationTextTerms("warm-up");
    const long = "Bij de Turkse bakker op de Amsterdamsestraatweg was het druk, jongeren op scooters. ".repeat(400);
    const t0 = performance.now();
    findSituationTextTerms(long);
    // About 25 ms on a 2-core machine; the bound leaves room for a busy CI.
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it("ships the lexicon generated from its sources (run generate:lexicon when this fails)", () => {
    const d = lexiconData();
    expect(generated.LEXICON_SOURCES).toEqual(d.LEXICON_SOURCES);
    expect(generated.COUNTRY_NAMES_NL).toEqual(d.COUNTRY_NAMES_NL);
    expect(generated.COUNTRY_NAMES_EN).toEqual(d.COUNTRY_NAMES_EN);
    expect(generated.DEMONYMS_EN).toEqual(d.DEMONYMS_EN);
    expect(generated.CONFUSABLES).toEqual(d.CONFUSABLES);
  });
});
