/** Authorization decisions of monitoring, the questionnaire (ARCHITECTURE.md, "Monitoring"). */
import { invite, makeContacts, ok, publishedSession, respond } from "./support/sessions.js";
import { op, staffOnly, type CaseModule } from "./authz-cases.js";
import { graphql } from "./generated/index.js";

export const MONITORING_MODULE: CaseModule = {
  name: "monitoring",
  sensitive: [],
  async setup(app, w) {
    const session = await publishedSession(app, w, { capacity: 3 });
    const [c] = await makeContacts(app, w, 1);
    const [link] = await invite(app, w, session, [c!.id]);
    ok(await respond(app, link!.token, "YES"));
    return { monitoringDistrict: w.districts[0]!.id, questionnaireToken: link!.token };
  },
  cases: [
    {
      covers: ["Query.monitoring"],
      name: "monitoring of own district (quarters)",
      operation: ({ ids }) =>
        op(graphql(`query AuthzMonitoringDistrict($d: ID!) { monitoring(districtId: $d, granularity: QUARTER) { periods { label } } }`), {
          d: ids["monitoringDistrict"]!,
        }),
      expect: { ...staffOnly(), liaison: "OK" },
    },
    {
      covers: ["Query.monitoring"],
      name: "monitoring city-wide",
      operation: () => op(graphql(`query AuthzMonitoringCity { monitoring(granularity: QUARTER) { periods { label } } }`), {}),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.answerQuestionnaire"],
      name: "questionnaire with the personal link (not yet open: the session has not been held)",
      operation: ({ ids }) =>
        op(
          graphql(`mutation AuthzAnswerQuestionnaire($t: String!) {
            answerQuestionnaire(token: $t, input: { feltHeard: 4, trustChange: 3, wouldRecommend: 5 }) }`),
          { t: ids["questionnaireToken"]! },
        ),
      // The link is the authorization: every holder gets the same answer, with or without an account.
      expect: {
        coordinator: "CONFLICT",
        admin: "CONFLICT",
        liaison: "CONFLICT",
        otherLiaison: "CONFLICT",
        ally: "CONFLICT",
        anonymous: "CONFLICT",
      },
    },
  ],
};
