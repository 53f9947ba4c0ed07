import type { MockLink } from "@apollo/client/testing";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { InvitationDocument, RespondToInvitationDocument, type InvitationQuery } from "../../generated/gql/graphql";
import { renderWithProviders } from "../../test/render";
import { RsvpPage } from "./rsvp-page";

const TOKEN = "wki_test";

function invitation(
  overrides: Partial<InvitationQuery["invitation"]> = {},
  status: "PUBLISHED" | "CANCELLED" = "PUBLISHED",
): InvitationQuery["invitation"] {
  return {
    __typename: "PublicInvitation",
    expiresAt: "2999-02-01T00:00:00.000Z",
    response: null,
    respondedAt: null,
    registrations: [],
    session: {
      __typename: "PublicSession",
      title: "Samen tegen discriminatie",
      theme: "DISCRIMINATION",
      status,
      description: "Een avond over ervaringen en wat je kunt doen.",
      place: "Buurthuis De Zwaluw",
      startsAt: "2999-01-10T18:00:00.000Z",
      endsAt: "2999-01-10T20:00:00.000Z",
      rsvpDeadline: null,
      district: { __typename: "District", id: "d1", name: "Overvecht" },
      counts: {
        __typename: "SessionCounts",
        sessionId: "s1",
        capacity: 10,
        confirmed: 10,
        waitlisted: 2,
        seatsLeft: 0,
        youthReservedSeats: 0,
      },
    },
    ...overrides,
  };
}

const invitationMock = (data: InvitationQuery["invitation"]): MockLink.MockedResponse => ({
  request: { query: InvitationDocument, variables: { token: TOKEN } },
  result: { data: { invitation: data } },
});

const errorMock = (code: string): MockLink.MockedResponse => ({
  request: { query: InvitationDocument, variables: { token: TOKEN } },
  result: { data: null, errors: [new GraphQLError("nope", { extensions: { code } })] },
});

describe("RsvpPage", () => {
  it("shows the session and asks for an answer", async () => {
    renderWithProviders(<RsvpPage token={TOKEN} />, { mocks: [invitationMock(invitation())] });
    expect(screen.getByText("Uitnodiging laden…")).toBeTruthy();
    expect(await screen.findByRole("heading", { level: 1, name: "Samen tegen discriminatie" })).toBeTruthy();
    expect(screen.getByText("Je hebt nog niet geantwoord.")).toBeTruthy();
    expect(screen.getByText("0 van 10 vrij, 2 op de wachtlijst")).toBeTruthy();
    const calendar = screen.getByRole("link", { name: "Zet in je agenda (.ics)" });
    expect(calendar.getAttribute("href")).toBe(`/ics/invitation/${TOKEN}.ics`);
  });

  it("says clearly that an unknown or forged link does not work", async () => {
    renderWithProviders(<RsvpPage token={TOKEN} />, { mocks: [errorMock("NOT_FOUND")] });
    expect(await screen.findByRole("heading", { name: "Deze link werkt niet" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Antwoord versturen" })).toBeNull();
  });

  it("says clearly that an expired link has expired", async () => {
    renderWithProviders(<RsvpPage token={TOKEN} />, { mocks: [errorMock("UNAUTHENTICATED")] });
    expect(await screen.findByRole("heading", { name: "Deze link is verlopen" })).toBeTruthy();
    expect(screen.getByText(/Vraag de coördinator om een nieuwe link/)).toBeTruthy();
  });

  it("needs an answer, and a guardian's consent for a guest under 16, before sending", async () => {
    renderWithProviders(<RsvpPage token={TOKEN} />, { mocks: [invitationMock(invitation())] });
    await screen.findByRole("heading", { level: 1, name: "Samen tegen discriminatie" });
    fireEvent.click(screen.getByRole("button", { name: "Antwoord versturen" }));
    expect(await screen.findByText("Kies of je komt.")).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Ja, ik kom"));
    fireEvent.click(screen.getByRole("button", { name: "Jongere toevoegen" }));
    fireEvent.change(screen.getByLabelText("Voornaam of voorletters"), { target: { value: "06-12345678" } });
    fireEvent.change(screen.getByLabelText("Leeftijd"), { target: { value: "UNDER_12" } });
    fireEvent.click(screen.getByRole("button", { name: "Antwoord versturen" }));
    expect(await screen.findByText(/geen telefoonnummer of e-mailadres\.$/)).toBeTruthy();
    expect(screen.getByText(/moet een ouder of voogd het goed vinden/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Voornaam of voorletters")));
  });

  it("answers YES with a guest and shows the waitlist position it got", async () => {
    const answered = invitation({
      response: "YES",
      respondedAt: "2998-12-01T10:00:00.000Z",
      registrations: [
        {
          __typename: "OwnRegistration",
          id: "r1",
          ageBand: "ADULT",
          attendance: "UNKNOWN",
          guestLabel: null,
          isGuest: false,
          seatStatus: "WAITLISTED",
          waitlistPosition: 3,
        },
        {
          __typename: "OwnRegistration",
          id: "r2",
          ageBand: "AGE_12_15",
          attendance: "UNKNOWN",
          guestLabel: "S.",
          isGuest: true,
          seatStatus: "WAITLISTED",
          waitlistPosition: 4,
        },
      ],
    });
    const respondMock: MockLink.MockedResponse = {
      request: {
        query: RespondToInvitationDocument,
        // One idempotency key per answer, so a retry after a lost response is not applied twice.
        variables: (v: Record<string, unknown>) =>
          JSON.stringify({ ...v, idempotencyKey: undefined }) ===
            JSON.stringify({ token: TOKEN, response: "YES", guests: [{ label: "S.", ageBand: "AGE_12_15", guardianConsent: true }] }) &&
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(String(v["idempotencyKey"])),
      },
      result: { data: { respondToInvitation: answered } },
    };
    renderWithProviders(<RsvpPage token={TOKEN} />, { mocks: [invitationMock(invitation()), respondMock] });
    await screen.findByRole("heading", { level: 1, name: "Samen tegen discriminatie" });
    fireEvent.click(screen.getByLabelText("Ja, ik kom"));
    fireEvent.click(screen.getByRole("button", { name: "Jongere toevoegen" }));
    fireEvent.change(screen.getByLabelText("Voornaam of voorletters"), { target: { value: " S. " } });
    fireEvent.change(screen.getByLabelText("Leeftijd"), { target: { value: "AGE_12_15" } });
    fireEvent.click(screen.getByLabelText("Een ouder of voogd vindt het goed"));
    fireEvent.click(screen.getByRole("button", { name: "Antwoord versturen" }));
    expect(await screen.findByText(/Je staat op de wachtlijst, plaats 3/)).toBeTruthy();
    expect(await screen.findByText("Je antwoord nu: Ja, ik kom.")).toBeTruthy();
    const seats = screen.getByRole("list", { name: "Jouw plaatsen" });
    expect(seats.textContent).toContain("Op de wachtlijst, plaats 4");
  });

  it("a cancelled session says so and offers no answer form", async () => {
    renderWithProviders(<RsvpPage token={TOKEN} />, { mocks: [invitationMock(invitation({}, "CANCELLED"))] });
    expect(await screen.findByText("Deze bijeenkomst is afgelast. Je hoeft niets te doen.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Antwoord versturen" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Zet in je agenda (.ics)" })).toBeNull();
  });
});

describe("App on /rsvp/:token", () => {
  it("renders the invitation page without logging in (no redirect to the login page)", async () => {
    const { App } = await import("../../shell/app");
    window.history.replaceState(null, "", `/rsvp/${TOKEN}`);
    renderWithProviders(<App />, { mocks: [errorMock("NOT_FOUND")] });
    expect(await screen.findByRole("heading", { name: "Deze link werkt niet" })).toBeTruthy();
    expect(screen.queryByLabelText("Wachtwoord")).toBeNull();
    expect(window.location.pathname).toBe(`/rsvp/${TOKEN}`);
  });
});
