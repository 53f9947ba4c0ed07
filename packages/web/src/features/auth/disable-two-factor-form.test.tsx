import { fireEvent, screen, waitFor } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { DisableTwoFactorDocument } from "../../generated/gql/graphql";
import { renderWithProviders } from "../../test/render";
import { DisableTwoFactorForm } from "./disable-two-factor-form";

const disable = (password: string, ok: boolean) => ({
  request: { query: DisableTwoFactorDocument, variables: { password } },
  result: ok
    ? { data: { disableTwoFactor: true } }
    : { data: null, errors: [new GraphQLError("password: wrong", { extensions: { code: "BAD_USER_INPUT", field: "password" } })] },
});

describe("DisableTwoFactorForm", () => {
  it("asks for the password, says when it is wrong, and turns it off with the right one", async () => {
    const onDone = vi.fn();
    renderWithProviders(<DisableTwoFactorForm onDone={onDone} />, {
      mocks: [disable("fout", false), disable("het goede wachtwoord", true)],
    });
    const submit = () => fireEvent.click(screen.getByRole("button", { name: "Tweestapsverificatie uitzetten" }));
    submit();
    expect(await screen.findByText("Vul je wachtwoord in.")).toBeTruthy();
    const field = screen.getByLabelText("Je wachtwoord, om tweestapsverificatie uit te zetten");
    fireEvent.change(field, { target: { value: "fout" } });
    submit();
    expect(await screen.findByText("Het wachtwoord klopt niet.")).toBeTruthy();
    fireEvent.change(field, { target: { value: "het goede wachtwoord" } });
    submit();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });
});
