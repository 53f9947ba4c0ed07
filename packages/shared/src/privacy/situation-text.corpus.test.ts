import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SITUATION_TEXT_SETTINGS, findSituationTextTerms } from "./situation-text.js";

/**
 * Precision and recall of the guard on a labelled corpus (situation-text.corpus.txt):
 * recall ≥ 0.97 on sentences that describe people, false positives ≤ 3 % on situations.
 */
const lines = readFileSync(new URL("./situation-text.corpus.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => {
    const [label, text] = l.split("\t") as [string, string];
    return { people: label.startsWith("P"), kind: label.length === 2 ? ("place" as const) : ("text" as const), text };
  });

describe("situation-text guard on the labelled corpus", () => {
  const results = lines.map((l) => ({ ...l, warned: findSituationTextTerms(l.text, { kind: l.kind }).length > 0 }));
  const people = results.filter((r) => r.people);
  const situations = results.filter((r) => !r.people);
  const missed = people.filter((r) => !r.warned);
  const falseAlarms = situations.filter((r) => r.warned);
  const recall = (people.length - missed.length) / people.length;
  const fpRate = falseAlarms.length / situations.length;

  it("has at least 300 sentences, about half of each kind", () => {
    expect(lines.length).toBeGreaterThanOrEqual(300);
    expect(people.length).toBeGreaterThanOrEqual(140);
    expect(situations.length).toBeGreaterThanOrEqual(140);
  });

  it("reports recall ≥ 0.97 and false positives ≤ 3 %", () => {
    console.log(
      `situation-text corpus: ${people.length} about people, ${situations.length} situations; ` +
        `recall ${recall.toFixed(3)}, false-positive rate ${(fpRate * 100).toFixed(1)} %` +
        (missed.length ? `\n  missed: ${missed.map((m) => JSON.stringify(m.text)).join("\n          ")}` : "") +
        (falseAlarms.length ? `\n  false alarms: ${falseAlarms.map((m) => JSON.stringify(m.text)).join("\n                ")}` : ""),
    );
    expect(recall).toBeGreaterThanOrEqual(SITUATION_TEXT_SETTINGS.corpusMinRecall);
    expect(fpRate).toBeLessThanOrEqual(SITUATION_TEXT_SETTINGS.corpusMaxFalsePositiveRate);
  });
});
