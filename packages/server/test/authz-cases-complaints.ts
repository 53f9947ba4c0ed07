/** Authorization decisions of complaints (issue 19): complaints handlers only; nobody in the world is one. */
import { op, type CaseModule, type Expectation } from "./authz-cases.js";
import { gql } from "./support/app.js";
import { graphql } from "./generated/index.js";

const FILE = graphql(`mutation AuthzComplaintFile($i: FileComplaintInput!) { fileComplaint(input: $i) { id handleBy } }`);

/** The world has no complaints handler: every role of it is refused. */
const handlerOnly: Expectation = {
  coordinator: "FORBIDDEN",
  admin: "FORBIDDEN",
  liaison: "FORBIDDEN",
  otherLiaison: "FORBIDDEN",
  ally: "FORBIDDEN",
  anonymous: "UNAUTHENTICATED",
};

export const COMPLAINTS_MODULE: CaseModule = {
  name: "complaints",
  sensitive: ["Complaint.description", "Complaint.reporter", "Complaint.timeline"],
  async setup(app, w) {
    const res = await gql(
      app,
      FILE,
      { i: { concerns: "ENFORCEMENT", description: "Alleen wij werden weggestuurd bij het plein (matrix)" } },
      w.tokens.ally,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return { complaint: res.data.fileComplaint.id };
  },
  cases: [
    {
      covers: ["Mutation.fileComplaint"],
      name: "file a complaint: everyone who can report (not admins)",
      operation: () => op(FILE, { i: { concerns: "MUNICIPALITY", description: "Aan het loket werden wij anders behandeld (matrix)" } }),
      expect: { ...handlerOnly, coordinator: "OK", liaison: "OK", otherLiaison: "OK", ally: "OK" },
    },
    {
      covers: ["Query.complaints", "Complaint.description", "Complaint.reporter", "Complaint.timeline"],
      name: "the complaints inbox",
      operation: () => op(graphql(`query AuthzComplaintInbox { complaints { id description reporter { id } timeline { kind } } }`), {}),
      expect: handlerOnly,
    },
    {
      covers: ["Query.complaint"],
      name: "one complaint",
      operation: ({ ids }) => op(graphql(`query AuthzComplaintOne($id: ID!) { complaint(id: $id) { id } }`), { id: ids["complaint"]! }),
      expect: handlerOnly,
    },
    {
      covers: ["Mutation.acknowledgeComplaint", "Mutation.addComplaintNote", "Mutation.closeComplaint"],
      name: "handling a complaint",
      operation: ({ ids }) =>
        op(
          graphql(`mutation AuthzComplaintHandle($id: ID!) {
            a: acknowledgeComplaint(id: $id) { id } n: addComplaintNote(id: $id, note: "Gezien") { id } c: closeComplaint(id: $id, note: "Klaar") { id } }`),
          { id: ids["complaint"]! },
        ),
      expect: handlerOnly,
    },
  ],
};
