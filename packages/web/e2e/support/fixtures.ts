/**
 * Data the browser tests need, created through the GraphQL API as the demo
 * coordinator (so it works whether or not the demo seed already has networks
 * and contacts). Names are distinctive, so richer demo data does not confuse
 * the tests' searches.
 */
export const DEMO_PASSWORD = "wijknet-demo";
/** The e2e server's VAPID public key (e2e-server.mjs): the push service stand-in checks the JWT against it. */
export const E2E_VAPID_PUBLIC_KEY = "BCdo_bi0P7kV7ihJV8wejufVr2IBCrgP4OjR0mcsfhmpO86tUIMvRSZ2Gg86ez2zcyTseIpEkNj0imkDt4xpNiQ";
export const ACCOUNTS = {
  coordinator: { email: "coordinator@wijknet.example", name: "Noor de Vries" },
  liaison: { email: "liaison.overvecht@wijknet.example", name: "Wijkagent Sanne Bakker" },
  ally: { email: "ally.overvecht@wijknet.example", name: "Ahmed Jansen" },
} as const;

export const E2E_CONTACTS = [
  "Lotte Verbeek-Zwaan",
  "Karim Oudshoorn",
  "Mirjam Terpstra",
  "Youssef van Dalen",
  "Esther Kooijman",
  "Daan Wibaut",
] as const;

/**
 * A person the coordinator will enter again by hand in the browser test; this earlier
 * record (phone only) is the duplicate that gets merged into the new one.
 */
/** `phoneDisplay`: how the app shows the stored E.164 number (national format). */
export const E2E_DUPLICATE = { fullName: "Fleur Hoogendijk", phone: "06 2345 6789", phoneDisplay: "06 23456789" } as const;

/** An adult reachable by phone only: invited, they land on the coordinator's list to call. */
export const E2E_PHONE_ONLY = { fullName: "Joost Verbrugge", phone: "06 3456 7890" } as const;

/**
 * Every operation the fixtures send. They are not the web app's own operations, so the
 * production server of the browser tests adds them to its trusted-documents allowlist
 * (e2e-server.mjs); the app's operations are checked exactly as in production.
 */
export const FIXTURE_OPERATIONS = {
  login: "mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }",
  districts: "{ districts { id name } }",
  createOrganisation: "mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }",
  networks: "query ($filter: NetworkFilter) { networks(filter: $filter) { id name } }",
  createNetwork: "mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id name } }",
  addMember: "mutation ($input: AddMemberInput!) { addNetworkMember(input: $input) { id } }",
  createContact: "mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }",
  findContact: "query ($filter: ContactFilter) { contacts(filter: $filter, first: 1) { edges { node { id } } } }",
  // An invitation whose link expires within seconds (the app has no such control).
  inviteExpiring: "mutation ($input: InviteInput!) { inviteToSession(input: $input) { url } }",
  reportSignal: "mutation ($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }",
  updateSignal: "mutation ($id: ID!, $input: UpdateSignalInput!) { updateSignal(id: $id, input: $input) { id visibility } }",
} as const;

export interface Fixtures {
  overvechtId: string;
  networkId: string;
  networkName: string;
  organisationName: string;
}

async function gql<T>(baseUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length || !body.data) {
    throw Object.assign(new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`), {
      code: body.errors?.[0]?.extensions?.code,
    });
  }
  return body.data;
}

export async function loginToken(baseUrl: string, email: string): Promise<string> {
  const data = await gql<{ login: { token: string } }>(baseUrl, FIXTURE_OPERATIONS.login, { email, password: DEMO_PASSWORD });
  return data.login.token;
}

export async function seedFixtures(baseUrl: string): Promise<Fixtures> {
  const token = await loginToken(baseUrl, ACCOUNTS.coordinator.email);
  const call = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(baseUrl, query, variables, token);

  const { districts } = await call<{ districts: Array<{ id: string; name: string }> }>(FIXTURE_OPERATIONS.districts);
  const overvecht = districts.find((d) => d.name === "Overvecht");
  if (!overvecht) throw new Error("the demo data has no district Overvecht");

  const organisationName = "Buurthuis De Zwaluw";
  const { createOrganisation } = await call<{ createOrganisation: { id: string } }>(FIXTURE_OPERATIONS.createOrganisation, {
    input: { name: organisationName, kind: "COMMUNITY_ORGANISATION" },
  });

  const { networks } = await call<{ networks: Array<{ id: string; name: string }> }>(FIXTURE_OPERATIONS.networks, {
    filter: { districtId: overvecht.id, kind: "ALLIES" },
  });
  let network = networks[0];
  if (!network) {
    const created = await call<{ createNetwork: { id: string; name: string } }>(FIXTURE_OPERATIONS.createNetwork, {
      input: { name: "Bondgenoten Overvecht", kind: "ALLIES", districtId: overvecht.id },
    });
    network = created.createNetwork;
  }

  const addMember = async (contactId: string) => {
    try {
      await call(FIXTURE_OPERATIONS.addMember, {
        input: { contactId, networkId: network.id },
      });
    } catch (error) {
      // Already a member (richer demo data): fine.
      if ((error as { code?: string }).code !== "CONFLICT") throw error;
    }
  };

  for (const [index, fullName] of E2E_CONTACTS.entries()) {
    const { createContact } = await call<{ createContact: { id: string } }>(FIXTURE_OPERATIONS.createContact, {
      input: {
        fullName,
        email: `${fullName.toLowerCase().replace(/[^a-z]+/g, ".")}@voorbeeld.nl`,
        districtIds: [overvecht.id],
        roles: [{ title: index % 2 === 0 ? "Vrijwilliger" : "Jongerenwerker", organisationId: createOrganisation.id }],
        consents: [{ purpose: "NETWORK_MEMBERSHIP", legalBasis: "CONSENT" }],
      },
    });
    await addMember(createContact.id);
  }

  await call(FIXTURE_OPERATIONS.createContact, {
    input: { fullName: E2E_DUPLICATE.fullName, phone: E2E_DUPLICATE.phone, ageBand: "AGE_12_15", districtIds: [overvecht.id] },
  });

  await call(FIXTURE_OPERATIONS.createContact, {
    input: { fullName: E2E_PHONE_ONLY.fullName, phone: E2E_PHONE_ONLY.phone, districtIds: [overvecht.id], preferredChannel: "PHONE" },
  });

  // The ally belongs to the Overvecht network, so "Mijn profiel" lists it.
  const ally = await call<{ contacts: { edges: Array<{ node: { id: string } }> } }>(FIXTURE_OPERATIONS.findContact, {
    filter: { text: ACCOUNTS.ally.email },
  });
  const allyContact = ally.contacts.edges[0]?.node;
  if (allyContact) await addMember(allyContact.id);

  return { overvechtId: overvecht.id, networkId: network.id, networkName: network.name, organisationName };
}

/** Invites a contact (by name) to a session with a link that expires at `expiresAt`; returns the link's path. */
export async function inviteWithExpiringLink(baseUrl: string, sessionId: string, contactName: string, expiresAt: Date): Promise<string> {
  const token = await loginToken(baseUrl, ACCOUNTS.coordinator.email);
  const found = await gql<{ contacts: { edges: Array<{ node: { id: string } }> } }>(
    baseUrl,
    FIXTURE_OPERATIONS.findContact,
    { filter: { text: contactName } },
    token,
  );
  const contactId = found.contacts.edges[0]?.node.id;
  if (!contactId) throw new Error(`no contact ${contactName}`);
  const { inviteToSession } = await gql<{ inviteToSession: Array<{ url: string }> }>(
    baseUrl,
    FIXTURE_OPERATIONS.inviteExpiring,
    { input: { sessionId, contactIds: [contactId], expiresAt: expiresAt.toISOString() } },
    token,
  );
  const url = inviteToSession[0]?.url;
  if (!url) throw new Error("no invitation link");
  return new URL(url).pathname;
}

/** A coordination-only signal in the district, reported by the coordinator through the API. */
export async function reportSignal(baseUrl: string, token: string, districtId: string, summary: string): Promise<string> {
  const data = await gql<{ reportSignal: { signal: { id: string } } }>(
    baseUrl,
    FIXTURE_OPERATIONS.reportSignal,
    { input: { summary, kind: "TENSION", severity: "HIGH", districtId, visibility: "COORDINATION_ONLY" } },
    token,
  );
  return data.reportSignal.signal.id;
}

/** The coordinator shares a signal with police: the district's liaison is alerted. */
export async function shareSignalWithPolice(baseUrl: string, token: string, id: string): Promise<void> {
  await gql(baseUrl, FIXTURE_OPERATIONS.updateSignal, { id, input: { visibility: "SHARED_WITH_POLICE" } }, token);
}
