/** Authorization decisions of partner organisations (issue 19). */
import { op, staffOnly, adminOnly, type CaseModule } from "./authz-cases.js";
import { gql } from "./support/app.js";
import { graphql } from "./generated/index.js";

const SHARE = graphql(`mutation AuthzPartnerShare($id: ID!, $i: UpdateSignalInput!) { updateSignal(id: $id, input: $i) { id } }`);
const REPORT = graphql(`mutation AuthzPartnerReport($i: ReportSignalInput!) { reportSignal(input: $i) { signal { id } } }`);

export const PARTNERS_MODULE: CaseModule = {
  name: "partner organisations",
  sensitive: ["Signal.sharedWith", "User.partnerOrganisation"],
  async setup(app, w) {
    const police = await app.db.prisma.partnerOrganisation.create({
      data: { municipalityId: w.municipality.id, kind: "POLICE", name: "Politie (matrix)" },
    });
    const enforcement = await app.db.prisma.partnerOrganisation.create({
      data: { municipalityId: w.municipality.id, kind: "ENFORCEMENT", name: "Handhaving (matrix)" },
    });
    const res = await gql(
      app,
      REPORT,
      { i: { districtId: w.districts[0]!.id, kind: "TENSION", severity: "LOW", summary: "Spanning bij het plein (matrix)" } },
      w.tokens.coordinator,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const signal = res.data.reportSignal.signal.id;
    const shared = await gql(app, SHARE, { id: signal, i: { shareWith: [police.id, enforcement.id] } }, w.tokens.coordinator);
    if (!shared.data) throw new Error(JSON.stringify(shared.errors));
    return { partnerPolice: police.id, partnerEnforcement: enforcement.id, partnerSharedSignal: signal };
  },
  cases: [
    {
      covers: ["Query.partnerOrganisations"],
      name: "partner organisations: coordinators and admins",
      operation: () => op(graphql(`query AuthzPartnerList { partnerOrganisations { id name } }`), {}),
      expect: staffOnly(),
    },
    {
      covers: ["Mutation.createPartnerOrganisation"],
      name: "add a partner organisation: admin",
      operation: () =>
        op(graphql(`mutation AuthzPartnerCreate($n: String!) { createPartnerOrganisation(input: { kind: OTHER, name: $n }) { id } }`), {
          n: `Jongerenwerk ${Math.random().toString(36).slice(2, 8)}`,
        }),
      expect: adminOnly,
    },
    {
      covers: ["Signal.sharedWith"],
      name: "who else a signal is shared with: coordinator only (a police liaison sees the signal, not the list)",
      operation: ({ ids }) =>
        op(graphql(`query AuthzPartnerSharedWith($id: ID!) { signal(id: $id) { id sharedWith { id } } }`), {
          id: ids["partnerSharedSignal"]!,
        }),
      probe: (data) => (data["signal"]?.sharedWith?.length ? "OK" : "HIDDEN"),
      expect: { coordinator: "OK", admin: "NULL", liaison: "HIDDEN", otherLiaison: "NULL", ally: "NULL", anonymous: "UNAUTHENTICATED" },
    },
    {
      covers: ["User.partnerOrganisation"],
      name: "one's own partner organisation (a liaison without one has none; it counts as police)",
      operation: () => op(graphql(`query AuthzPartnerOwn { viewer { id partnerOrganisation { id } } }`), {}),
      expect: { coordinator: "OK", admin: "OK", liaison: "OK", otherLiaison: "OK", ally: "OK", anonymous: "NULL" },
    },
  ],
};
