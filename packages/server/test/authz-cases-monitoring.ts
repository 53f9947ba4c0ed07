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
    const network = await app.db.prisma.network.create({
      data: { municipalityId: w.municipality.id, kind: "CITYWIDE_ALLIES", name: "Stedelijk bondgenotenoverleg (matrix)" },
    });
    const meeting = await app.db.prisma.networkMeeting.create({
      data: { municipalityId: w.municipality.id, networkId: network.id, title: "Overleg", heldAt: new Date() },
    });
    const point = await app.db.prisma.meetingActionPoint.create({
      data: { meetingId: meeting.id, description: "Verslag rondsturen", dueDate: new Date() },
    });
    return {
      monitoringDistrict: w.districts[0]!.id,
      questionnaireToken: link!.token,
      meetingNetwork: network.id,
      meeting: meeting.id,
      actionPoint: point.id,
      lessonSession: session,
    };
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
      covers: ["Query.monitoringXlsx"],
      name: "monitoring workbook of own district",
      operation: ({ ids }) =>
        op(graphql(`query AuthzMonitoringXlsx($d: ID!) { monitoringXlsx(districtId: $d, granularity: QUARTER) { filename } }`), {
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
    {
      covers: ["Query.networkMeetings", "NetworkMeeting.actionPoints", "MeetingActionPoint.owner"],
      name: "network meetings",
      operation: () =>
        op(graphql(`query AuthzNetworkMeetings { networkMeetings { title minutes actionPoints { description owner { id } } } }`), {}),
      expect: staffOnly(),
    },
    {
      covers: ["Query.lessonsLearned"],
      name: "what we learned",
      operation: () => op(graphql(`query AuthzLessonsLearned { lessonsLearned { text } }`), {}),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.createNetworkMeeting"],
      name: "create a network meeting",
      operation: ({ ids }) =>
        op(
          graphql(`mutation AuthzCreateNetworkMeeting($n: ID!) {
            createNetworkMeeting(input: { networkId: $n, title: "Overleg", heldAt: "2026-01-15T18:00:00Z", agenda: "1. Opening" }) { id } }`),
          { n: ids["meetingNetwork"]! },
        ),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.updateNetworkMeeting"],
      name: "write minutes",
      operation: ({ ids }) =>
        op(
          graphql(
            `mutation AuthzUpdateNetworkMeeting($id: ID!) { updateNetworkMeeting(id: $id, input: { minutes: "Besproken: het plein" }) { id } }`,
          ),
          { id: ids["meeting"]! },
        ),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.addActionPoint"],
      name: "add an action point",
      operation: ({ ids }) =>
        op(
          graphql(
            `mutation AuthzAddActionPoint($m: ID!) { addActionPoint(input: { meetingId: $m, description: "Uitnodiging", dueDate: "2026-02-01" }) { id } }`,
          ),
          { m: ids["meeting"]! },
        ),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.setActionPointDone"],
      name: "mark an action point done",
      operation: ({ ids }) =>
        op(graphql(`mutation AuthzSetActionPointDone($id: ID!) { setActionPointDone(id: $id) { doneAt } }`), { id: ids["actionPoint"]! }),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.addLesson"],
      name: "record what we learned from a session",
      operation: ({ ids }) =>
        op(graphql(`mutation AuthzAddLesson($s: ID!) { addLesson(input: { sessionId: $s, text: "Jongeren eerder betrekken" }) { id } }`), {
          s: ids["lessonSession"]!,
        }),
      expect: staffOnly(),
    },
  ],
};
