import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { DisableTwoFactorDocument } from "../../generated/gql/graphql";
import { TextField } from "../../kit/fields";
import { errorCodes } from "../../kit/graphql-errors";
import { useI18n } from "../../i18n/i18n-provider";

/** Two-step verification off again, for roles where it is optional; asks for the password. */
export function DisableTwoFactorForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [mutate, { loading }] = useMutation(DisableTwoFactorDocument);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setError(t("twoFactor.error.passwordRequired"));
      return;
    }
    try {
      await mutate({ variables: { password } });
      setError(undefined);
      onDone();
    } catch (err) {
      const codes = errorCodes(err);
      setError(t(codes.includes("BAD_USER_INPUT") ? "twoFactor.error.wrongPassword" : "twoFactor.error.unknown"));
    }
  };

  return (
    <form className="wijknet-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <TextField
        name="disablePassword"
        type="password"
        label={t("twoFactor.off.password")}
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={error}
      />
      <ButtonGroup>
        <Button appearance="secondary-action-button" type="submit" disabled={loading} busy={loading}>
          {t("twoFactor.off.submit")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
