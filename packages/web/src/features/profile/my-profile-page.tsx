import {
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
import { useId } from "react";
import { PageHeading } from "../../kit/page-heading";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { useI18n } from "../../i18n/i18n-provider";
import { channelKey, consentPurposeKey, membershipRoleKey, networkKindKey } from "../contacts/labels";
import { useMyProfile } from "./use-my-profile";

/** The ally's own page: what wijknet holds about them and the networks they are in. */
export function MyProfilePage() {
  const { t } = useI18n();
  const format = useFormat();
  const { contact, loaded, loading, error, refetch } = useMyProfile();
  const networksId = useId();
  const consentsId = useId();
  return (
    <>
      <PageHeading title={t("profile.title")}>{t("profile.title")}</PageHeading>
      <LoadState
        loading={loading && !loaded}
        error={error}
        loadingText={t("app.loading")}
        errorText={t("profile.error")}
        onRetry={() => void refetch()}
      />
      {loaded && !contact && <Paragraph>{t("profile.none")}</Paragraph>}
      {contact && (
        <>
          <Paragraph>{t("profile.intro")}</Paragraph>
          <DataList>
            <DataListItem>
              <DataListKey>{t("contactForm.fullName")}</DataListKey>
              <DataListValue>{contact.fullName}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t("contactForm.email")}</DataListKey>
              <DataListValue>{contact.email ?? t("contact.empty")}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t("contactForm.phone")}</DataListKey>
              <DataListValue>{contact.phone ?? t("contact.empty")}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t("contactForm.channel")}</DataListKey>
              <DataListValue>{t(channelKey(contact.preferredChannel))}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t("contactForm.districts")}</DataListKey>
              <DataListValue>{contact.districts.map((d) => d.name).join(", ") || t("contact.empty")}</DataListValue>
            </DataListItem>
          </DataList>
          <Heading level={2} id={networksId}>
            {t("profile.networks")}
          </Heading>
          {contact.memberships.length === 0 ? (
            <Paragraph>{t("profile.noNetworks")}</Paragraph>
          ) : (
            <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={networksId}>
              <Table aria-labelledby={networksId}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t("networks.name")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("networks.kind")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("networks.members")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("profile.myRole")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {contact.memberships.map((membership) => (
                    <TableRow key={membership.id}>
                      <TableHeaderCell scope="row">{membership.network.name}</TableHeaderCell>
                      <TableCell>
                        {t(networkKindKey(membership.network.kind))}
                        {membership.network.district && ` · ${membership.network.district.name}`}
                      </TableCell>
                      <TableCell>{format.count(membership.network.memberCount)}</TableCell>
                      <TableCell>
                        {t("contact.membershipSince", { role: t(membershipRoleKey(membership.role)), date: format.date(membership.since) })}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ResponsiveTableContainer>
          )}
          <Heading level={2} id={consentsId}>
            {t("profile.consents")}
          </Heading>
          {contact.consents.length === 0 ? (
            <Paragraph>{t("contact.noConsents")}</Paragraph>
          ) : (
            <UnorderedList aria-labelledby={consentsId}>
              {contact.consents.map((consent) => (
                <UnorderedListItem key={consent.id}>
                  {t(consentPurposeKey(consent.purpose))}:{" "}
                  {consent.withdrawnAt
                    ? t("profile.consentWithdrawn", { date: format.date(consent.withdrawnAt) })
                    : t("profile.consentGiven", { date: format.date(consent.givenAt) })}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          <Paragraph className="wijknet-muted">{t("profile.questions")}</Paragraph>
        </>
      )}
    </>
  );
}
