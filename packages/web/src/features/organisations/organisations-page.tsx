import {
  Button,
  ButtonGroup,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../kit/responsive-table";
import { useId, useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { ConfirmDialog } from "../../kit/confirm-dialog";
import { CheckboxField } from "../../kit/fields";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { useI18n } from "../../i18n/i18n-provider";
import { organisationKindKey } from "../contacts/labels";
import { useArchiveOrganisation, useOrganisations, type OrganisationRow } from "./use-organisations";

export function OrganisationsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const [showArchived, setShowArchived] = useState(false);
  const { organisations, loaded, loading, error, refetch } = useOrganisations(showArchived);
  const { archive, archiving } = useArchiveOrganisation();
  const [confirming, setConfirming] = useState<OrganisationRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tableId = useId();

  const onArchive = async () => {
    if (!confirming) return;
    const ok = await archive(confirming.id);
    setNotice(ok ? t("organisations.archived", { name: confirming.name }) : t("organisations.archiveFailed"));
    setConfirming(null);
  };

  return (
    <>
      <PageHeading title={t("organisations.title")}>{t("organisations.title")}</PageHeading>
      <Paragraph>{t("organisations.intro")}</Paragraph>
      <ButtonGroup>
        <RouteLink to={{ name: "organisationNew" }}>{t("organisations.new")}</RouteLink>
      </ButtonGroup>
      <CheckboxField name="showArchived" label={t("organisations.showArchived")} checked={showArchived} onChange={setShowArchived} />
      <LoadState
        loading={loading && !loaded}
        error={error}
        loadingText={t("organisations.loading")}
        errorText={t("organisations.error")}
        onRetry={() => void refetch()}
      />
      <div aria-live="polite">
        {notice && <Paragraph>{notice}</Paragraph>}
        {loaded && <Paragraph id={tableId}>{t("organisations.count", { count: organisations.length })}</Paragraph>}
      </div>
      {organisations.length > 0 && (
        <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={tableId}>
          <Table aria-labelledby={tableId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("organisations.col.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("organisations.col.kind")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("organisations.col.contacts")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("organisations.col.website")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("organisations.col.status")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("network.actions")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {organisations.map((organisation) => (
                <TableRow key={organisation.id}>
                  <TableHeaderCell scope="row">{organisation.name}</TableHeaderCell>
                  <TableCell>{t(organisationKindKey(organisation.kind))}</TableCell>
                  <TableCell>{format.number(organisation.contactCount)}</TableCell>
                  <TableCell>
                    {organisation.website ? (
                      <Link href={organisation.website} external>
                        {organisation.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                      </Link>
                    ) : (
                      t("contact.empty")
                    )}
                  </TableCell>
                  <TableCell>
                    {organisation.archivedAt
                      ? t("organisations.archivedOn", { date: format.date(organisation.archivedAt) })
                      : t("contactStatus.ACTIVE")}
                  </TableCell>
                  <TableCell>
                    <ButtonGroup>
                      <RouteLink
                        to={{ name: "organisationEdit", id: organisation.id }}
                        aria-label={t("organisations.editFor", { name: organisation.name })}
                      >
                        {t("organisations.edit")}
                      </RouteLink>
                      {!organisation.archivedAt && (
                        <Button
                          appearance="secondary-action-button"
                          type="button"
                          aria-label={t("organisations.archiveFor", { name: organisation.name })}
                          onClick={() => {
                            setNotice(null);
                            setConfirming(organisation);
                          }}
                        >
                          {t("contact.archive")}
                        </Button>
                      )}
                    </ButtonGroup>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ResponsiveTableContainer>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t("organisations.archiveTitle")}
        confirmLabel={t("contact.archiveYes")}
        cancelLabel={t("contact.archiveNo")}
        busy={archiving}
        onConfirm={() => void onArchive()}
        onCancel={() => setConfirming(null)}
      >
        <Paragraph>
          {format.plural(confirming?.contactCount ?? 0, {
            one: t("organisations.archiveConfirm.one", { name: confirming?.name ?? "" }),
            other: t("organisations.archiveConfirm.other", { name: confirming?.name ?? "", count: confirming?.contactCount ?? 0 }),
          })}
        </Paragraph>
      </ConfirmDialog>
    </>
  );
}
