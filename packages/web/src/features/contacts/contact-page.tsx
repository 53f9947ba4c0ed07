import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
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
import { useId, useState, type ReactNode } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { useFormat } from "../../kit/format";
import { useLanguageName } from "../../kit/language-names";
import { LoadState } from "../../kit/load-state";
import { useI18n } from "../../i18n/i18n-provider";
import { ConsentsSection } from "./contact-consents";
import { MergeSection } from "./contact-merge";
import { PrivacySection } from "./contact-privacy";
import { RolesSection } from "./contact-roles";
import { InteractionForm } from "./interaction-form";
import { ageBandKey, channelKey, contactStatusKey, interactionKindKey, membershipRoleKey } from "./labels";
import { useArchiveContact } from "./use-archive-contact";
import { useContact, type ContactDetail } from "./use-contact";
import { InviteAllySection } from "../admin/invite-ally-section";

export function ContactPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { contact, loading, error, notFound, refetch } = useContact(id);
  return (
    <>
      <PageHeading title={contact?.fullName ?? t("contact.title")}>{contact?.fullName ?? t("contact.title")}</PageHeading>
      <Paragraph>
        <RouteLink to={{ name: "contacts" }}>{t("contact.back")}</RouteLink>
      </Paragraph>
      <LoadState
        loading={loading && !contact}
        error={error}
        loadingText={t("contact.loading")}
        errorText={notFound ? t("contact.notFound") : t("contact.error")}
        onRetry={notFound ? undefined : () => void refetch()}
      />
      {contact && <ContactDetails contact={contact} />}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="wijknet-stack">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

function ContactDetails({ contact }: { contact: ContactDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const languageName = useLanguageName();
  const interactionsId = useId();
  const empty = t("contact.empty");
  const item = (key: string, value: ReactNode) => (
    <DataListItem key={key}>
      <DataListKey>{key}</DataListKey>
      <DataListValue>{value === null || value === "" ? empty : value}</DataListValue>
    </DataListItem>
  );
  // Erased and merged records cannot be changed (the server answers CONFLICT).
  const editable = !contact.anonymisedAt && !contact.mergedInto;
  return (
    <>
      <ContactStateNotice contact={contact} />
      {editable && <ContactActions contact={contact} />}
      <Section title={t("contact.details")}>
        <DataList>
          {item(t("contactForm.email"), contact.email ?? null)}
          {item(t("contactForm.phone"), contact.phoneDisplay ?? contact.phone ?? null)}
          {item(t("contactForm.channel"), t(channelKey(contact.preferredChannel)))}
          {item(t("contactForm.language"), languageName(contact.preferredLanguage))}
          {item(t("contactForm.ageBand"), t(ageBandKey(contact.ageBand)))}
          {item(t("contactForm.status"), `${t(contactStatusKey(contact.status))}${contact.stale ? ` (${t("contacts.stale")})` : ""}`)}
          {item(t("contactForm.districts"), contact.districts.map((d) => d.name).join(", "))}
          {item(
            t("contacts.col.lastInteraction"),
            contact.lastInteractionAt ? format.date(contact.lastInteractionAt) : t("contacts.never"),
          )}
          {item(t("contactForm.notes"), contact.notes ?? null)}
        </DataList>
      </Section>
      <Section title={t("contact.roles")}>
        <RolesSection contact={contact} editable={editable} />
      </Section>
      <Section title={t("contact.memberships")}>
        {contact.memberships.length === 0 ? (
          <Paragraph>{t("contact.noMemberships")}</Paragraph>
        ) : (
          <UnorderedList>
            {contact.memberships.map((membership) => (
              <UnorderedListItem key={membership.id}>
                <RouteLink to={{ name: "network", id: membership.network.id }}>{membership.network.name}</RouteLink>
                {" — "}
                {t("contact.membershipSince", {
                  role: t(membershipRoleKey(membership.role)),
                  date: format.date(membership.since),
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </Section>
      <Section title={t("contact.consents")}>
        <ConsentsSection contact={contact} editable={editable} />
      </Section>
      <Section title={t("contact.interactions")}>
        {contact.interactions.length === 0 ? (
          <Paragraph>{t("contact.noInteractions")}</Paragraph>
        ) : (
          <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={interactionsId}>
            <Table aria-labelledby={interactionsId}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col" id={interactionsId}>
                    {t("interaction.when")}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">{t("interaction.kind")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("interaction.note")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("interaction.author")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {contact.interactions.map((interaction) => (
                  <TableRow key={interaction.id}>
                    <TableCell>{format.dateTime(interaction.occurredAt)}</TableCell>
                    <TableCell>{t(interactionKindKey(interaction.kind))}</TableCell>
                    <TableCell>{interaction.note ?? ""}</TableCell>
                    <TableCell>{interaction.author?.displayName ?? ""}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ResponsiveTableContainer>
        )}
        {editable && (
          <>
            <Heading level={3}>{t("interaction.heading")}</Heading>
            <InteractionForm contactId={contact.id} />
          </>
        )}
      </Section>
      {editable && (
        <Section title={t("merge.heading")}>
          <MergeSection contact={contact} />
        </Section>
      )}
      {editable && <InviteAllySection contact={contact} />}
      <Section title={t("privacy.heading")}>
        <PrivacySection contact={contact} erasable={!contact.anonymisedAt} />
      </Section>
    </>
  );
}

function ContactStateNotice({ contact }: { contact: ContactDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  if (contact.anonymisedAt) {
    return (
      <Alert type="info" role="none">
        <Paragraph>{t("contact.erasedNotice", { date: format.date(contact.anonymisedAt) })}</Paragraph>
      </Alert>
    );
  }
  if (contact.mergedInto) {
    return (
      <Alert type="info" role="none">
        <Paragraph>
          {t("contact.mergedNotice")}{" "}
          <RouteLink to={{ name: "contact", id: contact.mergedInto.id }}>{contact.mergedInto.fullName}</RouteLink>
        </Paragraph>
      </Alert>
    );
  }
  return null;
}

function ContactActions({ contact }: { contact: ContactDetail }) {
  const { t } = useI18n();
  const { archive, archiving } = useArchiveContact();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<"archived" | "failed" | null>(null);
  return (
    <div className="wijknet-stack">
      <ButtonGroup>
        <RouteLink to={{ name: "contactEdit", id: contact.id }}>{t("contact.edit")}</RouteLink>
        {contact.status !== "ARCHIVED" && !confirming && (
          <Button appearance="secondary-action-button" type="button" onClick={() => setConfirming(true)}>
            {t("contact.archive")}
          </Button>
        )}
      </ButtonGroup>
      {confirming && (
        <Alert type="warning" role="none">
          <Paragraph>{t("contact.archiveConfirm", { name: contact.fullName })}</Paragraph>
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              type="button"
              disabled={archiving}
              busy={archiving}
              onClick={async () => {
                const ok = await archive(contact.id);
                setResult(ok ? "archived" : "failed");
                setConfirming(false);
              }}
            >
              {t("contact.archiveYes")}
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={() => setConfirming(false)}>
              {t("contact.archiveNo")}
            </Button>
          </ButtonGroup>
        </Alert>
      )}
      <div aria-live="polite">
        {result === "archived" && <Paragraph>{t("contact.archived")}</Paragraph>}
        {result === "failed" && (
          <Alert type="error" role="none">
            <Paragraph>{t("contact.archiveFailed")}</Paragraph>
          </Alert>
        )}
      </div>
    </div>
  );
}
