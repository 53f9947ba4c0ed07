import { useMutation } from "@apollo/client/react";
import { Alert, Button, Heading, Link, Paragraph } from "@utrecht/component-library-react";
import { useId, useState } from "react";
import { SetInvitationInformedByPhoneDocument } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import { useFormat } from "../../kit/format";
import type { SessionDetail } from "./use-sessions";

type ToCallRow = NonNullable<SessionDetail>["toCall"][number];

/**
 * People wijknet cannot write to about this session — no email address, or the email failed —
 * for the coordinator to call; "Gebeld" takes them off the list (the server lists them again
 * when a new message would be due, e.g. a seat from the waitlist).
 */
export function ToCall({ session, onChanged }: { session: NonNullable<SessionDetail>; onChanged: () => unknown }) {
  const { t } = useI18n();
  const headingId = useId();
  const [mark, { loading }] = useMutation(SetInvitationInformedByPhoneDocument);
  const [failed, setFailed] = useState(false);
  if (session.toCall.length === 0) return null;
  const called = async (row: ToCallRow) => {
    setFailed(false);
    try {
      await mark({ variables: { id: row.id, informed: true } });
      await onChanged();
    } catch {
      setFailed(true);
    }
  };
  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {t("toCall.heading", { count: session.toCall.length })}
      </Heading>
      <Paragraph>{t("toCall.intro")}</Paragraph>
      {failed && (
        <Alert type="error">
          <Paragraph>{t("toCall.error")}</Paragraph>
        </Alert>
      )}
      <ul className="wijknet-plain-list wijknet-stack">
        {session.toCall.map((row) => (
          <li key={row.id} className="wijknet-to-call">
            <ToCallItem row={row} />
            <Button appearance="secondary-action-button" type="button" disabled={loading} onClick={() => void called(row)}>
              {t("toCall.markCalled", { name: row.contact?.fullName ?? "" })}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ToCallItem({ row }: { row: ToCallRow }) {
  const { t } = useI18n();
  const format = useFormat();
  const failed = row.deliveries.filter((d) => d.status === "FAILED").at(-1);
  return (
    <Paragraph>
      <strong>{row.contact?.fullName}</strong>
      {" · "}
      {row.contact?.phoneDisplay ? (
        <Link href={`tel:${row.contact.phoneDisplay.replace(/\s/g, "")}`}>{row.contact.phoneDisplay}</Link>
      ) : (
        t("toCall.noPhone")
      )}
      <br />
      <span className="wijknet-muted">
        {failed
          ? t("toCall.failed", { when: format.dateTime(failed.createdAt), reason: failed.lastError ?? "" })
          : row.reach === "NOT_SENT"
            ? t("toCall.notSent")
            : t("toCall.noEmail")}
      </span>
    </Paragraph>
  );
}
