import { describe, expect, it } from "vitest";
import { findSituationTextTerms } from "./situation-text.js";

const terms = (text: string) => findSituationTextTerms(text).map((m) => m.term);

describe("findSituationTextTerms", () => {
  it.each([
    ["Groep Marokkaanse jongeren bij het winkelcentrum", "marokka", "NATIONALITY_OR_ORIGIN"],
    ["Twee Turkse mannen maakten ruzie", "turks", "NATIONALITY_OR_ORIGIN"],
    ["Een moslim werd uitgescholden", "moslim", "RELIGION"],
    ["Zwarte jongens hingen rond", "zwarte", "SKIN_COLOUR"],
    ["Allochtone jeugd bij het plein", "allochto", "NATIONALITY_OR_ORIGIN"],
    ["Buitenlandse mannen in een auto", "buitenlands", "NATIONALITY_OR_ORIGIN"],
    ["Moroccan youths near the station", "moroccan", "NATIONALITY_OR_ORIGIN"],
    ["Muslims gathered outside", "muslim", "RELIGION"],
    ["a black man was seen", "black", "SKIN_COLOUR"],
    ["three foreign-looking men", "foreign-looking", "NATIONALITY_OR_ORIGIN"],
    ["vrouw met hoofddoek", "hoofddoek", "RELIGION"],
    ["Ze waren getint", "getint", "SKIN_COLOUR"],
    ["SOMALISCHE familie", "somalisch", "NATIONALITY_OR_ORIGIN"],
    ["een Syriër", "syriër", "NATIONALITY_OR_ORIGIN"],
  ])("warns about %j", (text, term, category) => {
    const found = findSituationTextTerms(text);
    expect(found.map((m) => m.term)).toContain(term.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
    expect(found.find((m) => m.term.startsWith(term.slice(0, 4)))?.category).toBe(category);
  });

  it("reports the word as written, in text order, each term once", () => {
    expect(findSituationTextTerms("Marokkaanse en Turkse jongeren; weer Marokkaanse")).toEqual([
      { term: "marokka", category: "NATIONALITY_OR_ORIGIN", found: "Marokkaanse" },
      { term: "turks", category: "NATIONALITY_OR_ORIGIN", found: "Turkse" },
    ]);
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
  ])("does not warn about a situation: %j", (text) => {
    expect(terms(text)).toEqual([]);
  });
});
