import { describe, expect, it } from "vitest";
import glossary from "../../../../docs/glossary.md?raw";
import { catalogues } from "./catalogue";

/**
 * docs/glossary.md is the word list; this keeps the messages to it. The table's last column
 * ("niet (nl)") lists the Dutch words not to use for a thing: a message with one of them (as a
 * whole word, any case) fails, and so does a parenthesised plural such as "veld(en)".
 */

function avoidedWords(markdown: string): string[] {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("|") && !line.startsWith("|---"))
    .slice(1) // the header row
    .flatMap((line) => {
      const cells = line.split("|").map((cell) => cell.trim());
      const avoid = cells[cells.length - 2] ?? "";
      return avoid
        .split(",")
        .map((word) => word.trim().toLowerCase())
        .filter((word) => word !== "");
    });
}

const words = avoidedWords(glossary);

describe("glossary", () => {
  it("lists words to avoid (the table parses)", () => {
    expect(words).toContain("themasessie");
    expect(words).toContain("plek");
  });

  it("Dutch messages use the glossary's words", () => {
    const offending = Object.entries(catalogues.nl).flatMap(([key, message]) =>
      words
        .filter((word) => new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}])`, "iu").test(message))
        .map((word) => `${key}: "${word}" in "${message}"`),
    );
    expect(offending).toEqual([]);
  });

  it.each(["nl", "en"] as const)("%s messages write plurals in full, not as veld(en) or link(s)", (language) => {
    const offending = Object.entries(catalogues[language])
      .filter(([, message]) => /\p{L}\((s|en|n|pen|es)\)/u.test(message))
      .map(([key]) => key);
    expect(offending).toEqual([]);
  });
});
