/** Authorization decisions of signals and alerts (ARCHITECTURE.md, "Realtime"). */
import { gql } from "./support/app.js";
import { op, staffOnly, type CaseModule, type Expectation, type Fixtures } from "./authz-cases.js";
import { graphql } from "./generated/index.js";

const REPORT = graphql(`mutation AuthzSignalReport($i: ReportSignalInput!) { reportSignal(input: $i) { signal { id } } }`);

async function report(
  fx: Pick<Fixtures, "app" | "w">,
  visibility: "SHARED_WITH_POLICE" | "COORDINATION_ONLY",
  districtIndex = 0,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await gql(
    fx.app,
    REPORT,
    {
      i: {
        districtId: fx.w.districts[districtIndex]!.id,
        kind: "TENSION",
        severity: "MEDIUM",
        summary: "Onrust bij het winkelcentrum",
        visibility,
        ...extra,
      },
    },
    fx.w.tokens.coordinator,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.reportSignal.signal.id;
}

const REWORD = graphql(`mutation AuthzSignalReword($id: ID!, $i: UpdateSignalInput!) { updateSignal(id: $id, input: $i) { id } }`);

const coordinatorOnly: Expectation = { ...staffOnly(), admin: "FORBIDDEN" };

export const SIGNALS_MODULE: CaseModule = {
  name: "signals and alerts",
  sensitive: ["Signal.reporter", "Signal.details", "Signal.textOverrides", "Signal.policeSummary", "Signal.flagged"],
  async setup(app, w) {
    // A report sent past a warning, then shared by the coordinator with a rewording.
    const signalFlagged = await report({ app, w }, "COORDINATION_ONLY", 0, {
      summary: "Marokkaanse jongeren bij het winkelcentrum",
      acknowledgeWarnings: true,
    });
    const shared = await gql(
      app,
      REWORD,
      { id: signalFlagged, i: { visibility: "SHARED_WITH_POLICE", policeSummary: "Jongeren bij het winkelcentrum" } },
      w.tokens.coordinator,
    );
    if (!shared.data) throw new Error(JSON.stringify(shared.errors));
    return {
      signalShared: await report({ app, w }, "SHARED_WITH_POLICE"),
      signalCoordination: await report({ app, w }, "COORDINATION_ONLY"),
      signalFlagged,
    };
  },
  cases: [
    {
      covers: ["Query.signal", "Signal.details"],
      name: "a signal shared with police in district 0",
      operation: ({ ids }) =>
        op(graphql(`query AuthzSignalShared($id: ID!) { signal(id: $id) { id summary details } }`), { id: ids["signalShared"]! }),
      expect: { coordinator: "OK", admin: "NULL", liaison: "OK", otherLiaison: "NULL", ally: "NULL", anonymous: "UNAUTHENTICATED" },
    },
    {
      covers: ["Query.signal"],
      name: "a signal kept with the coordinator",
      operation: ({ ids }) =>
        op(graphql(`query AuthzSignalCoordination($id: ID!) { signal(id: $id) { id } }`), { id: ids["signalCoordination"]! }),
      expect: { coordinator: "OK", admin: "NULL", liaison: "NULL", otherLiaison: "NULL", ally: "NULL", anonymous: "UNAUTHENTICATED" },
    },
    {
      covers: ["Signal.reporter"],
      name: "the reporter's identity (not agreed to share): coordinator only",
      operation: ({ ids }) =>
        op(graphql(`query AuthzSignalReporter($id: ID!) { signal(id: $id) { id reporter { id } } }`), { id: ids["signalShared"]! }),
      probe: (data) => (data["signal"]?.reporter ? "OK" : "HIDDEN"),
      expect: { coordinator: "OK", admin: "NULL", liaison: "HIDDEN", otherLiaison: "NULL", ally: "NULL", anonymous: "UNAUTHENTICATED" },
    },
    {
      covers: ["Signal.textOverrides", "Signal.policeSummary", "Signal.flagged"],
      name: "an overridden warning and the original text of a flagged signal: coordinator only",
      operation: ({ ids }) =>
        op(graphql(`query AuthzSignalFlagged($id: ID!) { signal(id: $id) { id summary flagged policeSummary textOverrides { field } } }`), {
          id: ids["signalFlagged"]!,
        }),
      probe: (data) => {
        const s = data["signal"];
        const original = s?.summary?.includes("Marokkaanse") || s?.flagged || s?.policeSummary || s?.textOverrides?.length;
        return original ? "OK" : "HIDDEN";
      },
      expect: { coordinator: "OK", admin: "NULL", liaison: "HIDDEN", otherLiaison: "NULL", ally: "NULL", anonymous: "UNAUTHENTICATED" },
    },
    {
      covers: ["Query.signals"],
      name: "signal list",
      operation: () => op(graphql(`query AuthzSignals { signals { nodes { id } } }`), {}),
      expect: { ...coordinatorOnly, liaison: "OK", otherLiaison: "OK" },
    },
    {
      covers: ["Query.alertHistory"],
      name: "own alert history",
      operation: () => op(graphql(`query AuthzSignalAlertHistory { alertHistory { id } }`), {}),
      expect: { coordinator: "OK", admin: "OK", liaison: "OK", otherLiaison: "OK", ally: "OK", anonymous: "UNAUTHENTICATED" },
    },
    {
      covers: ["Mutation.reportSignal"],
      name: "report in district 0",
      operation: (fx) =>
        op(REPORT, {
          i: { districtId: fx.w.districts[0]!.id, kind: "RUMOUR", severity: "LOW", summary: "Gerucht over een vechtpartij" },
        }),
      expect: { coordinator: "OK", admin: "FORBIDDEN", liaison: "OK", otherLiaison: "FORBIDDEN", ally: "OK", anonymous: "UNAUTHENTICATED" },
    },
    {
      covers: ["Mutation.updateSignal"],
      name: "triage",
      operation: ({ ids }) =>
        op(graphql(`mutation AuthzSignalUpdate($id: ID!) { updateSignal(id: $id, input: { status: MONITORING }) { id } }`), {
          id: ids["signalCoordination"]!,
        }),
      expect: coordinatorOnly,
    },
    {
      covers: ["Mutation.acknowledgeAlert"],
      name: "acknowledge one's own alert; another's (the liaison's, for those without one) is NOT_FOUND",
      operation: async (fx) => {
        const signalId = await report(fx, "SHARED_WITH_POLICE");
        const user = fx.role === "anonymous" ? fx.w.users.liaison : fx.w.users[fx.role];
        const alert =
          (await fx.app.db.prisma.alert.findFirst({ where: { signalId, recipientId: user.id } })) ??
          (await fx.app.db.prisma.alert.findFirstOrThrow({ where: { signalId, recipientId: fx.w.users.liaison.id } }));
        return op(graphql(`mutation AuthzSignalAcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id, comment: "Gezien") { id } }`), {
          id: alert.id,
        });
      },
      expect: {
        coordinator: "NOT_FOUND",
        admin: "NOT_FOUND",
        liaison: "OK",
        otherLiaison: "NOT_FOUND",
        ally: "NOT_FOUND",
        anonymous: "UNAUTHENTICATED",
      },
    },
    {
      covers: ["Subscription.signalFeed"],
      name: "live signal feed",
      transport: "ws",
      operation: () => op(graphql(`subscription AuthzSignalFeed { signalFeed { cursor } }`), {}),
      expect: { ...coordinatorOnly, liaison: "OK", otherLiaison: "OK" },
    },
    {
      covers: ["Subscription.myAlerts"],
      name: "own live alerts",
      transport: "ws",
      operation: () => op(graphql(`subscription AuthzSignalMyAlerts { myAlerts { cursor } }`), {}),
      expect: { coordinator: "OK", admin: "OK", liaison: "OK", otherLiaison: "OK", ally: "OK", anonymous: "UNAUTHENTICATED" },
    },
    // ── guard feedback (issue 20) ──
    {
      covers: ["Query.guardFeedbackQueue", "Query.guardCorpusCandidates", "GuardFeedback.corpusCandidates"],
      name: "the guard's review queue and corpus candidates are the coordinator's (and the admin's)",
      operation: () =>
        op(
          graphql(
            `query AuthzGuardQueue { guardFeedbackQueue { id words corpusCandidates { id } } guardCorpusCandidates { id sentence } }`,
          ),
          {},
        ),
      expect: staffOnly(),
    },
    {
      covers: ["Query.guardFeedbackFigures"],
      name: "the guard's quarterly figures (monitoring; disclosure control for liaisons)",
      operation: () => op(graphql(`query AuthzGuardFigures { guardFeedbackFigures { warningsShown markedWrong } }`), {}),
      expect: { ...staffOnly(), liaison: "OK", otherLiaison: "OK" },
    },
    {
      covers: ["Mutation.markGuardWarningWrong"],
      name: "any signed-in reporter may say a warning is wrong (flagged words only)",
      operation: () =>
        op(graphql(`mutation AuthzGuardWrong($i: MarkGuardWarningWrongInput!) { markGuardWarningWrong(input: $i) }`), {
          i: { field: "input.summary", words: ["Marokkaanse"] },
        }),
      expect: { coordinator: "OK", admin: "OK", liaison: "OK", otherLiaison: "OK", ally: "OK", anonymous: "UNAUTHENTICATED" },
    },
    {
      covers: ["Mutation.markSignalSlippedThrough"],
      name: "only the coordinator marks a report that slipped through",
      operation: ({ ids }) =>
        op(graphql(`mutation AuthzGuardSlipped($id: ID!) { markSignalSlippedThrough(signalId: $id) { id } }`), {
          id: ids["signalCoordination"]!,
        }),
      expect: { ...coordinatorOnly, admin: "FORBIDDEN" },
    },
    {
      covers: ["Mutation.addGuardCorpusCandidate", "Mutation.dismissGuardFeedback"],
      name: "only the coordinator reviews feedback into the corpus or dismisses it",
      operation: async ({ app, w }) => {
        const f = await app.db.prisma.guardFeedback.create({
          data: { municipalityId: w.municipality.id, kind: "WARNING_WRONG", field: "input.summary", words: ["Marokkaanse"] },
        });
        const g = await app.db.prisma.guardFeedback.create({
          data: { municipalityId: w.municipality.id, kind: "WARNING_WRONG", words: ["Turkse"] },
        });
        return op(
          graphql(`mutation AuthzGuardReview($i: AddGuardCorpusCandidateInput!, $d: ID!) {
            addGuardCorpusCandidate(input: $i) { id corpusLine }
            dismissGuardFeedback(id: $d) { id }
          }`),
          { i: { feedbackId: f.id, sentence: "Ruzie bij de bakker over de prijs", label: "SITUATION" }, d: g.id },
        );
      },
      expect: { ...coordinatorOnly, admin: "FORBIDDEN" },
    },
  ],
};
