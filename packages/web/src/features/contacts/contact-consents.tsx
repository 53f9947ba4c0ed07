import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../kit/responsive-table";
import { useId, useState, type FormEvent } from "react";
import { ConfirmDialog } from "../../kit/confirm-dialog";
import { useFocusFirstError } from "../../kit/focus-first-error";
import { useFormat } from "../../kit/format";
import { useI18n } from "../../i18n/i18n-provider";
import { ConsentFields } from "./consent-fields";
import { consentPurposeKey, legalBasisKey } from "./labels";
import { useRecordConsent, useWithdrawConsent, type ActionOutcome } from "./use-contact-actions";
import type { ContactDetail } from "./use-contact";
import {
  EMPTY_CONSENT,
  needsGuardianConsent,
  serverConsentError,
  toConsentInput,
  validateConsent,
  type ConsentFieldErrors,
  type ConsentValues,
} from "./validate-consent";

type ConsentRow = ContactDetail["consents"][number];

/** The consents table (withdrawn ones stay, with their date) with "withdraw" per current consent. */
export function ConsentsTable({ contact, editable }: { contact: ContactDetail; editable: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const captionId = useId();
  const { withdraw, withdrawing } = useWithdrawConsent(contact.id);
  const [confirming, setConfirming] = useState<ConsentRow | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const onWithdraw = async () => {
    if (!confirming) return;
    const purpose = t(consentPurposeKey(confirming.purpose));
    const outcome = await withdraw(confirming.id);
    setNotice(outcome.ok ? { ok: true, text: t("consent.withdrawDone", { purpose }) } : { ok: false, text: t("consent.withdrawFailed") });
    setConfirming(null);
  };

  return (
    <>
      <div aria-live="polite">
        {notice && (
          <Alert type={notice.ok ? "ok" : "error"} role="none">
            <Paragraph>{notice.text}</Paragraph>
          </Alert>
        )}
      </div>
      {contact.consents.length === 0 ? (
        <Paragraph>{t("contact.noConsents")}</Paragraph>
      ) : (
        <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={captionId}>
          <Table aria-labelledby={captionId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col" id={captionId}>
                  {t("consent.purpose")}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t("consent.basis")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("consent.given")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("consent.withdrawn")}</TableHeaderCell>
                {editable && <TableHeaderCell scope="col">{t("network.actions")}</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {contact.consents.map((consent) => {
                const purpose = t(consentPurposeKey(consent.purpose));
                return (
                  <TableRow key={consent.id}>
                    <TableHeaderCell scope="row">{purpose}</TableHeaderCell>
                    <TableCell>
                      {t(legalBasisKey(consent.legalBasis))}
                      {consent.byGuardian &&
                        ` (${consent.guardianName ? t("consent.byGuardianNamed", { name: consent.guardianName }) : t("consent.byGuardian")})`}
                    </TableCell>
                    <TableCell>{format.date(consent.givenAt)}</TableCell>
                    <TableCell>{consent.withdrawnAt ? format.date(consent.withdrawnAt) : t("consent.notWithdrawn")}</TableCell>
                    {editable && (
                      <TableCell>
                        {!consent.withdrawnAt && (
                          <Button
                            appearance="secondary-action-button"
                            type="button"
                            aria-label={t("consent.withdrawFor", { purpose })}
                            onClick={() => {
                              setNotice(null);
                              setConfirming(consent);
                            }}
                          >
                            {t("consent.withdraw")}
                          </Button>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ResponsiveTableContainer>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t("consent.withdrawTitle")}
        confirmLabel={t("consent.withdrawYes")}
        cancelLabel={t("contact.archiveNo")}
        busy={withdrawing}
        onConfirm={() => void onWithdraw()}
        onCancel={() => setConfirming(null)}
      >
        <Paragraph>
          {t("consent.withdrawConfirm", {
            purpose: confirming ? t(consentPurposeKey(confirming.purpose)) : "",
            name: contact.fullName,
          })}
        </Paragraph>
        {confirming && <WithdrawalEffects purpose={confirming.purpose} memberships={contact.memberships} />}
      </ConfirmDialog>
    </>
  );
}

/**
 * What a withdrawal ends, said before it happens (the server ends it in the same step):
 * current network memberships for NETWORK_MEMBERSHIP, open invitations for SESSION_INVITATIONS.
 */
export function WithdrawalEffects({
  purpose,
  memberships,
}: {
  purpose: ConsentRow["purpose"];
  memberships: ReadonlyArray<{ id: string; until?: string | null; network: { name: string } }>;
}) {
  const { t } = useI18n();
  const format = useFormat();
  if (purpose === "NETWORK_MEMBERSHIP") {
    const current = memberships.filter((m) => !m.until);
    if (current.length === 0) return <Paragraph>{t("consent.withdrawEndsNoMemberships")}</Paragraph>;
    return (
      <Alert type="warning" role="none">
        <Paragraph>
          {format.plural(current.length, {
            one: t("consent.withdrawEndsMemberships.one"),
            other: t("consent.withdrawEndsMemberships.other", { count: current.length }),
          })}
        </Paragraph>
        <UnorderedList>
          {current.map((m) => (
            <UnorderedListItem key={m.id}>{m.network.name}</UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    );
  }
  if (purpose === "SESSION_INVITATIONS") {
    return (
      <Alert type="warning" role="none">
        <Paragraph>{t("consent.withdrawEndsInvitations")}</Paragraph>
      </Alert>
    );
  }
  return null;
}

export interface RecordConsentFormProps {
  ageBand: ContactDetail["ageBand"];
  onRecord: (consent: ReturnType<typeof toConsentInput>) => Promise<ActionOutcome>;
  saving: boolean;
}

/** "Toestemming vastleggen": one consent, with the guardian rule checked as the server does. */
export function RecordConsentForm({ ageBand, onRecord, saving }: RecordConsentFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<ConsentValues>(() => ({ ...EMPTY_CONSENT, byGuardian: needsGuardianConsent(ageBand) }));
  const [errors, setErrors] = useState<ConsentFieldErrors>({});
  const [status, setStatus] = useState<"saved" | "failed" | null>(null);
  const { containerRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    const found = validateConsent(ageBand, values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    const outcome = await onRecord(toConsentInput(values));
    if (outcome.ok) {
      setValues({ ...EMPTY_CONSENT, byGuardian: needsGuardianConsent(ageBand) });
      setStatus("saved");
      return;
    }
    // "consent.guardianName" → the guardian name field.
    const fields = outcome.paths.filter((p) => p.startsWith("consent.")).map((p) => p.slice("consent.".length));
    if (fields.length > 0) {
      setErrors(Object.fromEntries(fields.map(serverConsentError)));
      focusFirstError();
    } else setStatus("failed");
  };

  return (
    <form ref={containerRef} className="wijknet-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <ConsentFields
        legend={t("consentForm.newLegend")}
        namePrefix="consent"
        ageBand={ageBand}
        value={values}
        errors={errors}
        onChange={setValues}
      />
      <div>
        <Button appearance="primary-action-button" type="submit" disabled={saving} busy={saving}>
          {saving ? t("form.saving") : t("consentForm.save")}
        </Button>
      </div>
      <div aria-live="polite">
        {status === "saved" && (
          <Alert type="ok" role="none">
            <Paragraph>{t("consentForm.saved")}</Paragraph>
          </Alert>
        )}
        {status === "failed" && (
          <Alert type="error" role="none">
            <Paragraph>{t("consentForm.failed")}</Paragraph>
          </Alert>
        )}
      </div>
    </form>
  );
}

/** The consents section of the detail page. */
export function ConsentsSection({ contact, editable }: { contact: ContactDetail; editable: boolean }) {
  const { t } = useI18n();
  const { record, saving } = useRecordConsent(contact.id);
  return (
    <>
      <ConsentsTable contact={contact} editable={editable} />
      {editable && (
        <>
          <Heading level={3}>{t("consentForm.heading")}</Heading>
          <RecordConsentForm key={contact.ageBand} ageBand={contact.ageBand} onRecord={record} saving={saving} />
        </>
      )}
    </>
  );
}
