import { describe, expect, it } from "vitest";
import { catalogues, en, nl, translator } from "./catalogue";
import { format, LANGUAGES, placeholdersOf } from "../i18n/messages";

describe("message catalogues", () => {
  const dutchKeys = Object.keys(nl).sort();

  it.each(LANGUAGES)("%s has exactly the Dutch keys", (language) => {
    expect(Object.keys(catalogues[language]).sort()).toEqual(dutchKeys);
  });

  it("has an English text for every Dutch key", () => {
    const missing = dutchKeys.filter((key) => !(key in en) || en[key as keyof typeof en].trim() === "");
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)("%s has no empty messages", (language) => {
    const empty = Object.entries(catalogues[language])
      .filter(([, message]) => message.trim() === "")
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("uses the same placeholders in English as in Dutch", () => {
    const mismatches = dutchKeys.filter(
      (key) => placeholdersOf(nl[key as keyof typeof nl]).join() !== placeholdersOf(en[key as keyof typeof en]).join(),
    );
    expect(mismatches).toEqual([]);
  });
});

describe("translator", () => {
  it("fills placeholders", () => {
    expect(translator("nl")("home.welcome", { name: "Anna" })).toBe("Welkom, Anna");
    expect(translator("en")("home.welcome", { name: "Anna" })).toBe("Welcome, Anna");
  });

  it("leaves unknown placeholders visible", () => {
    expect(format("Hallo {name}", {})).toBe("Hallo {name}");
  });
});
