import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { BeginTwoFactorEnrolmentDocument, ConfirmTwoFactorEnrolmentDocument } from "../../generated/gql/graphql";
import { renderWithProviders } from "../../test/render";
import { TwoFactorEnrolment } from "./two-factor-enrolment";

const codes = Array.from({ length: 10 }, (_, i) => `abcd${i}-efgh${i}`);
const mocks = [
  {
    request: { query: BeginTwoFactorEnrolmentDocument },
    result: {
      data: {
        beginTwoFactorEnrolment: {
          __typename: "TwoFactorEnrolment" as const,
          secret: "JBSWY3DPEHPK3PXP",
          otpauthUrl: "otpauth://totp/wijknet:a%40b.nl?secret=JBSWY3DPEHPK3PXP",
          qrCodeDataUrl: "data:image/png;base64,iVBORw0KGgo=",
        },
      },
    },
  },
  {
    request: { query: ConfirmTwoFactorEnrolmentDocument, variables: { code: "123456" } },
    result: { data: { confirmTwoFactorEnrolment: codes } },
  },
];

describe("TwoFactorEnrolment", () => {
  it("shows the QR code and the secret, checks the code's form, then shows the recovery codes until they are saved", async () => {
    const onDone = vi.fn();
    renderWithProviders(<TwoFactorEnrolment onDone={onDone} />, { mocks });
    fireEvent.click(screen.getByRole("button", { name: "Tweestapsverificatie instellen" }));
    const qr = await screen.findByRole("img", { name: "QR-code voor je app voor tweestapsverificatie" });
    expect(qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    expect(screen.getByText("JBSWY3DPEHPK3PXP")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Code"), { target: { value: "12345" } });
    fireEvent.click(screen.getByRole("button", { name: "Code controleren en aanzetten" }));
    expect(await screen.findByText("Vul de 6 cijfers uit je app in.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Code"), { target: { value: "123 456" } });
    fireEvent.click(screen.getByRole("button", { name: "Code controleren en aanzetten" }));
    expect(await screen.findByText("abcd0-efgh0")).toBeTruthy();
    expect(screen.getAllByText(/^abcd\d-efgh\d$/)).toHaveLength(10);
    expect(onDone).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Ik heb de codes bewaard" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });
});
