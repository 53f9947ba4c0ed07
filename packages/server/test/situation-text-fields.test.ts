import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, type GqlResult, gql, startTestApp } from "./support/app.js";
import { createWorld, login, type World } from "./support/world.js";
import { createUser } from "./support/factories.js";
import { graphql } from "./generated/index.js";

const FIELDS_NEW_CONTACT = graphql(`mutation FieldsNewContact { createContact(input: { fullName: "Veld Test" }) { id } }`);
const FIELDS_REPORT = graphql(
  `mutation FieldsReport($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } warnings { field term family } } }`,
);
const FIELDS_REPORT_PLAIN = graphql(
  `mutation FieldsReportPlain($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`,
);
const FIELDS_TRIAGE = graphql(
  `mutation FieldsTriage($id: ID!, $input: UpdateSignalInput!) { updateSignal(id: $id, input: $input) { id timeline { kind note } } }`,
);
const FIELDS_ALERT_HISTORY = graphql(`query FieldsAlertHistory { alertHistory { id acknowledgedAt } }`);
const FIELDS_ACKNOWLEDGE = graphql(
  `mutation FieldsAcknowledge($id: ID!, $c: String, $ack: Boolean) { acknowledgeAlert(id: $id, comment: $c, acknowledgeWarnings: $ack) { id acknowledgeComment } }`,
);
const FIELDS_CREATE_CONTACT = graphql(
  `mutation FieldsCreateContact($input: CreateContactInput!) { createContact(input: $input) { id notes } }`,
);
const FIELDS_UPDATE_CONTACT = graphql(
  `mutation FieldsUpdateContact($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { id notes } }`,
);
const FIELDS_LOG_INTERACTION = graphql(
  `mutation FieldsLogInteraction($input: LogInteractionInput!) { logInteraction(input: $input) { id note } }`,
);
const FIELDS_CREATE_SESSION = graphql(
  `mutation FieldsCreateSession($input: CreateThemeSessionInput!) { createThemeSession(input: $input) { id } }`,
);
const FIELDS_UPDATE_SESSION = graphql(
  `mutation FieldsUpdateSession($id: ID!, $input: UpdateThemeSessionInput!) { updateThemeSession(id: $id, input: $input) { id } }`,
);
const FIELDS_CREATE_NETWORK = graphql(`mutation FieldsCreateNetwork($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }`);
const FIELDS_UPDATE_NETWORK = graphql(
  `mutation FieldsUpdateNetwork($id: ID!, $input: UpdateNetworkInput!) { updateNetwork(id: $id, input: $input) { id } }`,
);
const FIELDS_ADD_CORPUS_CANDIDATE = graphql(
  `mutation FieldsAddCorpusCandidate($input: AddGuardCorpusCandidateInput!) { addGuardCorpusCandidate(input: $input) { id } }`,
);
const FIELDS_CREATE_ORGANISATION = graphql(
  `mutation FieldsCreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
);
const FIELDS_CREATE_PARTNER = graphql(
  `mutation FieldsCreatePartner($input: CreatePartnerOrganisationInput!) { createPartnerOrganisation(input: $input) { id } }`,
);
const FIELDS_CREATE_MEETING = graphql(
  `mutation FieldsCreateMeeting($input: NetworkMeetingInput!) { createNetworkMeeting(input: $input) { id } }`,
);
const FIELDS_ADD_ACTION_POINT = graphql(
  `mutation FieldsAddActionPoint($input: ActionPointInput!) { addActionPoint(input: $input) { id } }`,
);
const FIELDS_ADD_LESSON = graphql(`mutation FieldsAddLesson($input: LessonInput!) { addLesson(input: $input) { id } }`);
const FIELDS_FILE_COMPLAINT = graphql(`mutation FieldsFileComplaint($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`);
const FIELDS_COMPLAINT_NOTE = graphql(
  `mutation FieldsComplaintNote($id: ID!, $note: String!, $ack: Boolean) { addComplaintNote(id: $id, note: $note, acknowledgeWarnings: $ack) { id } }`,
);
const FIELDS_COMPLAINT_CLOSE = graphql(
  `mutation FieldsComplaintClose($id: ID!, $note: String!, $ack: Boolean) { closeComplaint(id: $id, note: $note, acknowledgeWarnings: $ack) { id } }`,
);

/**
 * Every free-text field that can say something about people goes through the one
 * situation-text guard: BAD_USER_INPUT / DESCRIBES_PERSONS with the words and their
 * positions until the caller acknowledges, then stored. One case per field.
 */
let app: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

const coordinator = () => w.tokens.coordinator!;
const PEOPLE = "Het zijn weer die Marrokaanse jongens, bekend bij ons";

interface Warning {
  field: string;
  term: string;
  family: string;
  positions: Array<{ start: number; end: number }>;
}

/** Runs `send` without and with acknowledgement; the first must be refused at `field`, the second accepted. */
async function refusedUntilAcknowledged(field: string, send: (ack: boolean) => Promise<GqlResult>, text = PEOPLE) {
  const refused = await send(false);
  expect(errorCode(refused)).toBe("BAD_USER_INPUT");
  const ext = refused.errors![0]!.extensions as Record<string, unknown>;
  expect(ext["reason"]).toBe("DESCRIBES_PERSONS");
  const warnings = ext["warnings"] as Warning[];
  const mine = warnings.filter((x) => x.field === field);
  expect(mine).toHaveLength(1);
  expect(mine[0]!.family).toBe("marokkaan");
  expect(mine[0]!.positions.map((p) => text.slice(p.start, p.end))).toEqual(["Marrokaanse"]);
  const accepted = await send(true);
  expect(accepted.errors).toBeUndefined();
  return accepted.data! as Record<string, any>;
}

async function newContact(): Promise<string> {
  const res = await gql(app, FIELDS_NEW_CONTACT, {}, coordinator());
  return res.data!["createContact"].id;
}

describe("the situation-text guard on every free-text field", () => {
  it("reportSignal summary, details and place (place: a shop is a place)", async () => {
    const M = FIELDS_REPORT;
    const base = { districtId: w.districts[0]!.id, kind: "TENSION", severity: "LOW" } as const;
    for (const field of ["summary", "details"] as const) {
      const input = field === "summary" ? { ...base, summary: PEOPLE } : { ...base, summary: "Onrust bij het plein", details: PEOPLE };
      await refusedUntilAcknowledged(`input.${field}`, (ack) =>
        gql(app, M, { input: { ...input, acknowledgeWarnings: ack } }, coordinator()),
      );
    }
    const place = "bij de Marrokaanse jongens op het plein";
    await refusedUntilAcknowledged(
      "input.place",
      (ack) => gql(app, M, { input: { ...base, summary: "Onrust", place, acknowledgeWarnings: ack } }, coordinator()),
      place,
    );
    const shop = await gql(app, M, { input: { ...base, summary: "Ruit ingegooid", place: "bij de Turkse bakker" } }, coordinator());
    expect(shop.errors).toBeUndefined();
    expect(shop.data!["reportSignal"].warnings).toEqual([]);
  });

  it("updateSignal note (triage)", async () => {
    const id = (
      await gql(
        app,
        FIELDS_REPORT_PLAIN,
        { input: { districtId: w.districts[0]!.id, kind: "TENSION", severity: "LOW", summary: "Onrust bij het plein" } },
        coordinator(),
      )
    ).data!["reportSignal"].signal.id;
    const M = FIELDS_TRIAGE;
    const data = await refusedUntilAcknowledged("input.note", (ack) =>
      gql(app, M, { id, input: { note: PEOPLE, acknowledgeWarnings: ack } }, coordinator()),
    );
    expect(data["updateSignal"].timeline.filter((t: { kind: string }) => t.kind === "COMMENT")).toHaveLength(1);
  });

  it("acknowledgeAlert comment (police liaison)", async () => {
    await gql(
      app,
      FIELDS_REPORT_PLAIN,
      {
        input: {
          districtId: w.districts[0]!.id,
          kind: "INCIDENT",
          severity: "HIGH",
          summary: "Vechtpartij bij het winkelcentrum",
          visibility: "SHARED_WITH_POLICE",
        },
      },
      coordinator(),
    );
    const history = await gql(app, FIELDS_ALERT_HISTORY, {}, w.tokens.liaison);
    const alertId = (history.data!["alertHistory"] as Array<{ id: string; acknowledgedAt: string | null }>).find(
      (a) => !a.acknowledgedAt,
    )!.id;
    const M = FIELDS_ACKNOWLEDGE;
    const data = await refusedUntilAcknowledged("comment", (ack) => gql(app, M, { id: alertId, c: PEOPLE, ack }, w.tokens.liaison));
    expect(data["acknowledgeAlert"].acknowledgeComment).toBe(PEOPLE);
  });

  it("createContact notes and updateContact notes", async () => {
    const C = FIELDS_CREATE_CONTACT;
    await refusedUntilAcknowledged("input.notes", (ack) =>
      gql(app, C, { input: { fullName: "Notitie Persoon", notes: PEOPLE, acknowledgeWarnings: ack } }, coordinator()),
    );
    const id = await newContact();
    const U = FIELDS_UPDATE_CONTACT;
    const data = await refusedUntilAcknowledged("input.notes", (ack) =>
      gql(app, U, { id, input: { notes: PEOPLE, acknowledgeWarnings: ack } }, coordinator()),
    );
    expect(data["updateContact"].notes).toBe(PEOPLE);
  });

  it("logInteraction note", async () => {
    const contactId = await newContact();
    const M = FIELDS_LOG_INTERACTION;
    await refusedUntilAcknowledged("input.note", (ack) =>
      gql(app, M, { input: { contactId, kind: "CALL", note: PEOPLE, acknowledgeWarnings: ack } }, coordinator()),
    );
  });

  it("createThemeSession and updateThemeSession description", async () => {
    const C = FIELDS_CREATE_SESSION;
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const input = {
      title: "Avond over de buurt",
      theme: "OTHER" as const,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
      place: "Buurthuis De Leeuw",
      capacity: 20,
    };
    const created = await refusedUntilAcknowledged("input.description", (ack) =>
      gql(app, C, { input: { ...input, description: PEOPLE, acknowledgeWarnings: ack } }, coordinator()),
    );
    const U = FIELDS_UPDATE_SESSION;
    await refusedUntilAcknowledged("input.description", (ack) =>
      gql(app, U, { id: created["createThemeSession"].id, input: { description: PEOPLE, acknowledgeWarnings: ack } }, coordinator()),
    );
  });

  it("createThemeSession title and place (place rule: a venue is a place, people are not)", async () => {
    const C = FIELDS_CREATE_SESSION;
    const startsAt = new Date(Date.now() + 8 * 86_400_000);
    const input = {
      title: "Buurtgesprek",
      theme: "OTHER" as const,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
      place: "Turks-Islamitisch cultureel centrum",
      capacity: 20,
    };
    const venue = await gql(app, C, { input }, coordinator());
    expect(venue.errors).toBeUndefined();
    await refusedUntilAcknowledged("input.title", (ack) =>
      gql(app, C, { input: { ...input, title: PEOPLE, acknowledgeWarnings: ack } }, coordinator()),
    );
    const place = "bij de Marrokaanse jongens op het plein";
    await refusedUntilAcknowledged(
      "input.place",
      (ack) => gql(app, C, { input: { ...input, place, acknowledgeWarnings: ack } }, coordinator()),
      place,
    );
  });

  it("createNetwork name (name rule)", async () => {
    const name = "Netwerk Marrokaanse jongens Zuilen";
    await refusedUntilAcknowledged(
      "input.name",
      (ack) => gql(app, FIELDS_CREATE_NETWORK, { input: { kind: "OTHER", name, acknowledgeWarnings: ack } }, coordinator()),
      name,
    );
  });

  it("createNetwork and updateNetwork description", async () => {
    const C = FIELDS_CREATE_NETWORK;
    const created = await refusedUntilAcknowledged("input.description", (ack) =>
      gql(app, C, { input: { kind: "OTHER", name: "Netwerk veldtest", description: PEOPLE, acknowledgeWarnings: ack } }, coordinator()),
    );
    const U = FIELDS_UPDATE_NETWORK;
    await refusedUntilAcknowledged("input.description", (ack) =>
      gql(app, U, { id: created["createNetwork"].id, input: { description: PEOPLE, acknowledgeWarnings: ack } }, coordinator()),
    );
  });

  it("createOrganisation name: a name like a place (softer rule), people still warn", async () => {
    const C = FIELDS_CREATE_ORGANISATION;
    const fine = await gql(app, C, { input: { name: "Turkse Vereniging Zuilen", kind: "COMMUNITY_ORGANISATION" } }, coordinator());
    expect(fine.errors).toBeUndefined();
    const name = "Opvang voor Marrokaanse jongens";
    await refusedUntilAcknowledged(
      "input.name",
      (ack) => gql(app, C, { input: { name, kind: "YOUTH_WORK", acknowledgeWarnings: ack } }, coordinator()),
      name,
    );
  });

  it("addGuardCorpusCandidate sentence (a corpus sentence is about the guard's words: acknowledged knowingly)", async () => {
    const f = await app.db.prisma.guardFeedback.create({
      data: { municipalityId: w.municipality.id, kind: "WARNING_WRONG", words: ["Marokkaanse"] },
    });
    await refusedUntilAcknowledged("input.sentence", (ack) =>
      gql(
        app,
        FIELDS_ADD_CORPUS_CANDIDATE,
        { input: { feedbackId: f.id, sentence: PEOPLE, label: "DESCRIBES_PEOPLE", acknowledgeWarnings: ack } },
        coordinator(),
      ),
    );
  });
  it("createPartnerOrganisation name: a name like a place (softer rule), people still warn", async () => {
    const C = FIELDS_CREATE_PARTNER;
    const admin = w.tokens.admin!;
    const fine = await gql(app, C, { input: { name: "Handhaving Kanaleneiland", kind: "ENFORCEMENT" } }, admin);
    expect(fine.errors).toBeUndefined();
    const name = "Team voor Marrokaanse jongens";
    await refusedUntilAcknowledged(
      "input.name",
      (ack) => gql(app, C, { input: { name, kind: "OTHER", acknowledgeWarnings: ack } }, admin),
      name,
    );
  });

  it("addActionPoint description and addLesson text of a network meeting", async () => {
    const network = await app.db.prisma.network.create({
      data: { municipalityId: w.municipality.id, kind: "ALLIES", name: `Velden ${Date.now()}`, districtId: w.districts[0]!.id },
    });
    const meeting = await gql(
      app,
      FIELDS_CREATE_MEETING,
      { input: { networkId: network.id, title: "Netwerkoverleg", heldAt: new Date().toISOString() } },
      coordinator(),
    );
    expect(meeting.errors).toBeUndefined();
    const meetingId = meeting.data!.createNetworkMeeting.id;
    await refusedUntilAcknowledged("input.description", (ack) =>
      gql(
        app,
        FIELDS_ADD_ACTION_POINT,
        { input: { meetingId, description: PEOPLE, dueDate: "2099-01-01", acknowledgeWarnings: ack } },
        coordinator(),
      ),
    );
    await refusedUntilAcknowledged("input.text", (ack) =>
      gql(app, FIELDS_ADD_LESSON, { input: { meetingId, text: PEOPLE, acknowledgeWarnings: ack } }, coordinator()),
    );
  });

  it("fileComplaint description, addComplaintNote and closeComplaint note", async () => {
    const filed = await refusedUntilAcknowledged("input.description", (ack) =>
      gql(
        app,
        FIELDS_FILE_COMPLAINT,
        { input: { concerns: "ENFORCEMENT", description: PEOPLE, acknowledgeWarnings: ack } },
        w.tokens.ally!,
      ),
    );
    const handler = await createUser(app.db.prisma, w.municipality.id, { role: "COMPLAINTS_HANDLER" });
    const token = await login(app, handler.email);
    const id = filed["fileComplaint"].id;
    await refusedUntilAcknowledged("note", (ack) => gql(app, FIELDS_COMPLAINT_NOTE, { id, note: PEOPLE, ack }, token));
    await refusedUntilAcknowledged("note", (ack) => gql(app, FIELDS_COMPLAINT_CLOSE, { id, note: PEOPLE, ack }, token));
  });
});
