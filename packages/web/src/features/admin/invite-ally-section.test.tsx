import { fireEvent, screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { InviteAllyDocument } from "../../generated/gql/graphql";
import { anna, viewerMock } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { useViewer } from "../auth/use-viewer";
import { InviteAllySection } from "./invite-ally-section";

function ViewerRole() {
  const { viewer } = useViewer();
  return <span>{viewer ? `role:${viewer.role}` : ""}</span>;
}

const contact = { id: "c1", email: "fatma@example.org", preferredLanguage: "nl" };
const invite = (ok: boolean) => ({
  request: { query: InviteAllyDocument, variables: { contactId: "c1", language: "NL" } },
  result: ok
    ? { data: { inviteAlly: { __typename: "User" as const, id: "u9", email: "fatma@example.org" } } }
    : { data: null, errors: [new GraphQLError("This contact already has an account.", { extensions: { code: "CONFLICT" } })] },
});

describe("InviteAllySection", () => {
  it("lets a coordinator invite the contact as an ally and says where the email went", async () => {
    renderWithProviders(<InviteAllySection contact={contact} />, { mocks: [viewerMock(anna), invite(true)] });
    fireEvent.click(await screen.findByRole("button", { name: "Uitnodigen als wijkbondgenoot" }));
    expect(await screen.findByText("De uitnodiging is verstuurd naar fatma@example.org.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Uitnodigen als wijkbondgenoot" })).toBeNull();
  });

  it("explains an account that exists already", async () => {
    renderWithProviders(<InviteAllySection contact={contact} />, { mocks: [viewerMock(anna), invite(false)] });
    fireEvent.click(await screen.findByRole("button", { name: "Uitnodigen als wijkbondgenoot" }));
    expect(await screen.findByText(/heeft al een account/)).toBeTruthy();
  });

  it("is not there for an admin (only coordinators invite allies)", async () => {
    renderWithProviders(
      <>
        <ViewerRole />
        <InviteAllySection contact={contact} />
      </>,
      { mocks: [viewerMock({ ...anna, role: "ADMIN" })] },
    );
    // Once the viewer is known (the same query the section reads), there is no invite button.
    expect(await screen.findByText("role:ADMIN")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });
});
