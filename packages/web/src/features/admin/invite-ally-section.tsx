import { Alert, Button, ButtonGroup, Heading, Paragraph } from "@utrecht/component-library-react";
import { useMutation } from "@apollo/client/react";
import { useId, useState, type ReactNode } from "react";
import { InviteAllyDocument } from "../../generated/gql/graphql";
import { errorCodes } from "../../kit/graphql-errors";
import { useI18n } from "../../i18n/i18n-provider";
import { useViewer } from "../auth/use-viewer";

/**
 * On a contact's page, for coordinators: give this person an ally account linked to their own
 * contact record (they get an email to choose a password and then see "Mijn profiel").
 */
export function InviteAllySection({ contact }: { contact: { id: string; email?: string | null; preferredLanguage: string } }) {
  const { t } = useI18n();
  const { viewer } = useViewer();
  const [invite, { loading }] = useMutation(InviteAllyDocument);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  // Only coordinators invite allies (the server decides the same).
  if (viewer?.role !== "COORDINATOR") return null;
  const section = (children: ReactNode) => (
    <section aria-labelledby={id} className="wijknet-stack">
      <Heading level={2} id={id}>
        {t("inviteAlly.heading")}
      </Heading>
      {children}
    </section>
  );
  if (!contact.email) return section(<Paragraph>{t("inviteAlly.noEmail")}</Paragraph>);

  const onInvite = async () => {
    try {
      await invite({ variables: { contactId: contact.id, language: contact.preferredLanguage.startsWith("en") ? "EN" : "NL" } });
      setResult({ ok: true, text: t("inviteAlly.sent", { email: contact.email ?? "" }) });
    } catch (error) {
      setResult({ ok: false, text: t(errorCodes(error).includes("CONFLICT") ? "inviteAlly.conflict" : "inviteAlly.failed") });
    }
  };

  return section(
    <>
      <Paragraph>{t("inviteAlly.intro")}</Paragraph>
      <div aria-live="polite">
        {result && (
          <Alert type={result.ok ? "ok" : "error"} role="none">
            <Paragraph>{result.text}</Paragraph>
          </Alert>
        )}
      </div>
      {!result?.ok && (
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="button" disabled={loading} busy={loading} onClick={() => void onInvite()}>
            {t("inviteAlly.button")}
          </Button>
        </ButtonGroup>
      )}
    </>,
  );
}
