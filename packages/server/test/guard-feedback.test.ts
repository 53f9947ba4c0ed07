import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, startTestApp } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { loggedIn } from "./support/live.js";
import { graphql } from "./generated/index.js";

/**
 * Feedback on the situation-text guard (issue 20), end to end over GraphQL: "this warning
 * is wrong" stores the flagged words and nothing else of the report; a coordinator marks a
 * report that slipped through, reviews the queue and adds an anonymised corpus sentence;
 * the quarterly figures go through disclosure control.
 */
let app: App;
let municipalityId: string;
let districtId: string;
beforeAll(async () => {
  app = await startTestApp();
  const m = await createMunicipality(app.db.prisma);
  municipalityId = m.municipality.id;
  districtId = m.districts[0]!.id;
});
afterAll(async () => {
  await app?.stop();
});

// Words of the report that are not flagged: none of them may end up in the feedback.
const SUMMARY = "Marokkaanse jongeren bij Hoogendijk Fietsen aan de Zonnebloemstraat";
const DETAILS = "Karel Brouwersma belde om kwart over negen over geschreeuw";
const UNFLAGGED = ["jongeren", "Hoogendijk", "Fietsen", "Zonnebloemstraat", "Karel", "Brouwersma", "belde", "negen", "geschreeuw"];

const REPORT = graphql(`mutation FeedbackReport($input: ReportSignalInput!) {
  reportSignal(input: $input) { signal { id } }
}`);
const MARK_WRONG = graphql(`mutation FeedbackMarkWrong($input: MarkGuardWarningWrongInput!) { markGuardWarningWrong(input: $input) }`);
const SLIPPED = graphql(`mutation FeedbackSlipped($id: ID!) { markSignalSlippedThrough(signalId: $id) { id kind signalId words status } }`);
const QUEUE = graphql(`query FeedbackQueue($status: GuardFeedbackStatus) {
  guardFeedbackQueue(status: $status) { id kind field words signalId status reviewedAt corpusCandidates { sentence label corpusLine } }
}`);
const ADD = graphql(`mutation FeedbackAddCandidate($input: AddGuardCorpusCandidateInput!) {
  addGuardCorpusCandidate(input: $input) { id sentence label placeField corpusLine }
}`);
const DISMISS = graphql(`mutation FeedbackDismiss($id: ID!) { dismissGuardFeedback(id: $id) { id status } }`);
const CANDIDATES = graphql(`query FeedbackCandidates { guardCorpusCandidates { sentence corpusLine } }`);
const FIGURES = graphql(`query FeedbackFigures($from: DateTime, $to: DateTime) {
  guardFeedbackFigures(from: $from, to: $to) { from to warningsShown overridden markedWrong slippedThrough }
}`);

describe("guard feedback", () => {
  it("'this warning is wrong' stores only the flagged words; the coordinator reviews it into a corpus candidate", async () => {
    const ally = await loggedIn(app, app.db.prisma, municipalityId, "ALLY", [districtId]);
    const coord = await loggedIn(app, app.db.prisma, municipalityId, "COORDINATOR");
    const input = { districtId, kind: "TENSION" as const, severity: "MEDIUM" as const, summary: SUMMARY, details: DETAILS };

    // The server refuses and names the flagged words (what the form shows as the warning).
    const refused = await gql(app, REPORT, { input }, ally.token);
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    const warnings = refused.errors![0]!.extensions!["warnings"] as Array<{ field: string; term: string }>;
    expect(warnings.map((w) => [w.field, w.term])).toEqual([["input.summary", "Marokkaanse"]]);

    // Smuggling any other word of the text (a name, a street) into the feedback is refused.
    for (const words of [["Marokkaanse", "Brouwersma"], ["Zonnebloemstraat"], [SUMMARY]]) {
      const res = await gql(app, MARK_WRONG, { input: { field: "input.summary", words } }, ally.token);
      expect(errorCode(res), words.join(" ")).toBe("BAD_USER_INPUT");
    }
    const marked = await gql(app, MARK_WRONG, { input: { field: "input.summary", words: warnings.map((w) => w.term) } }, ally.token);
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markGuardWarningWrong).toBe(true);

    // Stored: the flagged word and the field; no other word of the report in any column.
    const rows = await app.db.prisma.guardFeedback.findMany({ where: { municipalityId } });
    expect(rows.map((r) => ({ kind: r.kind, field: r.field, words: r.words }))).toEqual([
      { kind: "WARNING_WRONG", field: "input.summary", words: ["Marokkaanse"] },
    ]);
    const stored = JSON.stringify(rows);
    for (const word of UNFLAGGED) expect(stored, word).not.toContain(word);
    const auditRows = await app.db.prisma.auditEntry.findMany({ where: { municipalityId, entityType: "GuardFeedback" } });
    expect(auditRows).toHaveLength(1);
    const audit = JSON.stringify(auditRows, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(audit).not.toContain("Marokkaanse");

    // The queue is the coordinator's; an ally may not read it.
    expect(errorCode(await gql(app, QUEUE, {}, ally.token))).toBe("FORBIDDEN");
    const queue = await gql(app, QUEUE, {}, coord.token);
    expect(queue.data!.guardFeedbackQueue).toEqual([
      {
        id: rows[0]!.id,
        kind: "WARNING_WRONG",
        field: "input.summary",
        words: ["Marokkaanse"],
        signalId: null,
        status: "OPEN",
        reviewedAt: null,
        corpusCandidates: [],
      },
    ]);

    // An anonymised sentence from it (the coordinator finds the warning was right): it warns, so
    // the coordinator acknowledges.
    const sentence = "De Marokkaanse jongens stonden weer bij de bakker";
    const unacknowledged = await gql(app, ADD, { input: { feedbackId: rows[0]!.id, sentence, label: "DESCRIBES_PEOPLE" } }, coord.token);
    expect(unacknowledged.errors?.[0]?.extensions?.["reason"]).toBe("DESCRIBES_PERSONS");
    const added = await gql(
      app,
      ADD,
      { input: { feedbackId: rows[0]!.id, sentence: ` ${sentence}  `, label: "DESCRIBES_PEOPLE", acknowledgeWarnings: true } },
      coord.token,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addGuardCorpusCandidate).toMatchObject({
      sentence,
      label: "DESCRIBES_PEOPLE",
      placeField: false,
      corpusLine: `P\t${sentence}`,
    });
    expect((await gql(app, QUEUE, {}, coord.token)).data!.guardFeedbackQueue).toEqual([]);
    const reviewed = await gql(app, QUEUE, { status: "REVIEWED" }, coord.token);
    expect(reviewed.data!.guardFeedbackQueue[0]).toMatchObject({
      status: "REVIEWED",
      corpusCandidates: [{ sentence, corpusLine: `P\t${sentence}` }],
    });
    expect((await gql(app, CANDIDATES, {}, coord.token)).data!.guardCorpusCandidates).toEqual([{ sentence, corpusLine: `P\t${sentence}` }]);
  });

  it("a coordinator marks a report that slipped through (a reference only) and can dismiss it; figures go through disclosure control", async () => {
    const ally = await loggedIn(app, app.db.prisma, municipalityId, "ALLY", [districtId]);
    const coord = await loggedIn(app, app.db.prisma, municipalityId, "COORDINATOR");
    const liaison = await loggedIn(app, app.db.prisma, municipalityId, "POLICE_LIAISON", [districtId]);
    const reported = await gql(
      app,
      REPORT,
      {
        input: {
          districtId,
          kind: "TENSION",
          severity: "LOW",
          summary: "Die lui van hiernaast weer, je weet wel welke",
          warningsShown: true,
        },
      },
      ally.token,
    );
    expect(reported.errors).toBeUndefined();
    const signalId = reported.data!.reportSignal.signal.id;
    // Sent anyway past a warning: shown and overridden.
    const overridden = await gql(
      app,
      REPORT,
      { input: { districtId, kind: "TENSION", severity: "LOW", summary: "Turkse jongens bij de speeltuin", acknowledgeWarnings: true } },
      ally.token,
    );
    expect(overridden.errors).toBeUndefined();

    expect(errorCode(await gql(app, SLIPPED, { id: signalId }, ally.token))).toBe("FORBIDDEN");
    const slipped = await gql(app, SLIPPED, { id: signalId }, coord.token);
    expect(slipped.data!.markSignalSlippedThrough).toMatchObject({ kind: "SLIPPED_THROUGH", signalId, words: [], status: "OPEN" });
    // Twice is once.
    const again = await gql(app, SLIPPED, { id: signalId }, coord.token);
    expect(again.data!.markSignalSlippedThrough.id).toBe(slipped.data!.markSignalSlippedThrough.id);
    const row = await app.db.prisma.guardFeedback.findUniqueOrThrow({ where: { id: slipped.data!.markSignalSlippedThrough.id } });
    expect(JSON.stringify(row)).not.toContain("hiernaast");
    expect(errorCode(await gql(app, SLIPPED, { id: "00000000-0000-7000-8000-000000000000" }, coord.token))).toBe("NOT_FOUND");

    // Figures of the current quarter: the coordinator reads exact numbers (both tests' events).
    const now = new Date();
    const from = new Date(now.getTime() - 24 * 3600_000).toISOString();
    const to = new Date(now.getTime() + 3600_000).toISOString();
    const exact = await gql(app, FIGURES, { from, to }, coord.token);
    expect(exact.errors).toBeUndefined();
    // Shown: the refusal in the first test, the reworded report, the one sent anyway; overridden: that one.
    expect(exact.data!.guardFeedbackFigures).toMatchObject({ warningsShown: 3, overridden: 1, markedWrong: 1, slippedThrough: 1 });
    // A police liaison: only one whole ended quarter, and small counts hidden.
    const free = await gql(app, FIGURES, { from, to }, liaison.token);
    expect(free.errors?.[0]?.extensions?.["reason"]).toBe("PERIOD_NOT_DISCLOSABLE");
    const lastQuarter = await gql(app, FIGURES, {}, liaison.token);
    expect(lastQuarter.data!.guardFeedbackFigures).toMatchObject({
      warningsShown: null,
      overridden: null,
      markedWrong: null,
      slippedThrough: null,
    });
    expect(errorCode(await gql(app, FIGURES, {}, ally.token))).toBe("FORBIDDEN");

    const dismissed = await gql(app, DISMISS, { id: slipped.data!.markSignalSlippedThrough.id }, coord.token);
    expect(dismissed.data!.dismissGuardFeedback.status).toBe("REVIEWED");
  });
});
