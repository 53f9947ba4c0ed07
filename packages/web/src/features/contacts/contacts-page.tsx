import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormLabel,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../kit/responsive-table";
import { useId, useMemo, useState, type FormEvent } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { SelectField, TextField } from "../../kit/fields";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import type { ContactFilter, ContactSort, ContactStatus } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import { useDistricts } from "../districts/use-districts";
import { useNetworks } from "../networks/use-networks";
import { CONTACT_STATUSES, contactStatusKey } from "./labels";
import { useContacts } from "./use-contacts";
import { useExportContacts } from "./use-export-contacts";

interface FilterForm {
  text: string;
  districtId: string;
  networkId: string;
  status: "" | ContactStatus;
  staleOnly: boolean;
  sort: keyof typeof SORTS;
}

const SORTS = {
  nameAsc: { field: "NAME", direction: "ASC" },
  nameDesc: { field: "NAME", direction: "DESC" },
  lastInteractionAsc: { field: "LAST_INTERACTION", direction: "ASC" },
  createdDesc: { field: "CREATED_AT", direction: "DESC" },
} as const satisfies Record<string, ContactSort>;

const EMPTY: FilterForm = { text: "", districtId: "", networkId: "", status: "", staleOnly: false, sort: "nameAsc" };

export function toContactFilter(form: FilterForm): ContactFilter {
  const filter: ContactFilter = {};
  if (form.text.trim()) filter.text = form.text.trim();
  if (form.districtId) filter.districtId = form.districtId;
  if (form.networkId) filter.networkId = form.networkId;
  if (form.status) filter.status = [form.status];
  if (form.staleOnly) filter.stale = true;
  return filter;
}

export function ContactsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const { districts } = useDistricts();
  const { networks } = useNetworks({});
  const [draft, setDraft] = useState<FilterForm>(EMPTY);
  const [applied, setApplied] = useState<FilterForm>(EMPTY);
  const filter = useMemo(() => toContactFilter(applied), [applied]);
  const { contacts, totalCount, hasMore, loading, loaded, error, refetch, loadMore } = useContacts(filter, SORTS[applied.sort]);
  const exporter = useExportContacts();
  const resultsId = useId();
  const staleId = useId();

  const set =
    <K extends keyof FilterForm>(key: K) =>
    (value: FilterForm[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
  };

  return (
    <>
      <PageHeading title={t("contacts.title")}>{t("contacts.title")}</PageHeading>
      <ButtonGroup>
        <RouteLink to={{ name: "contactNew" }}>{t("contacts.new")}</RouteLink>
        <RouteLink to={{ name: "contactImport" }}>{t("contacts.importLink")}</RouteLink>
      </ButtonGroup>
      <form className="wijknet-filters" role="search" aria-label={t("contacts.searchLabel")} onSubmit={onSubmit}>
        <TextField
          name="text"
          type="search"
          label={t("contacts.search")}
          description={t("contacts.searchHelp")}
          value={draft.text}
          onChange={set("text")}
        />
        <SelectField
          name="district"
          label={t("contacts.district")}
          value={draft.districtId}
          onChange={set("districtId")}
          options={[{ value: "", label: t("contacts.all") }, ...districts.map((d) => ({ value: d.id, label: d.name }))]}
        />
        <SelectField
          name="network"
          label={t("contacts.network")}
          value={draft.networkId}
          onChange={set("networkId")}
          options={[{ value: "", label: t("contacts.all") }, ...networks.map((n) => ({ value: n.id, label: n.name }))]}
        />
        <SelectField
          name="status"
          label={t("contacts.status")}
          value={draft.status}
          onChange={(value) => set("status")(value as FilterForm["status"])}
          options={[
            { value: "", label: t("contacts.statusDefault") },
            ...CONTACT_STATUSES.map((s) => ({ value: s, label: t(contactStatusKey(s)) })),
          ]}
        />
        <SelectField
          name="sort"
          label={t("contacts.sort")}
          value={draft.sort}
          onChange={(value) => set("sort")(value as FilterForm["sort"])}
          options={(Object.keys(SORTS) as Array<keyof typeof SORTS>).map((key) => ({ value: key, label: t(`contacts.sort.${key}`) }))}
        />
        <FormField
          type="checkbox"
          label={
            <FormLabel htmlFor={staleId} type="checkbox">
              {t("contacts.staleOnly")}
            </FormLabel>
          }
          input={
            <Checkbox id={staleId} name="stale" checked={draft.staleOnly} onChange={(event) => set("staleOnly")(event.target.checked)} />
          }
        />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit">
            {t("contacts.searchButton")}
          </Button>
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => void exporter.exportCsv(filter)}
            disabled={exporter.exporting}
            busy={exporter.exporting}
          >
            {exporter.exporting ? t("contacts.exporting") : t("contacts.export")}
          </Button>
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => void exporter.exportXlsx(filter)}
            disabled={exporter.exporting}
          >
            {t("contacts.exportXlsx")}
          </Button>
        </ButtonGroup>
      </form>
      <div aria-live="polite">
        {exporter.rowCount !== null && (
          <Paragraph>
            {format.plural(exporter.rowCount, {
              one: t("contacts.exported.one"),
              other: t("contacts.exported.other", { count: exporter.rowCount }),
            })}
          </Paragraph>
        )}
        {Boolean(exporter.error) && (
          <Alert type="error" role="none">
            <Paragraph>{t("contacts.exportError")}</Paragraph>
          </Alert>
        )}
      </div>
      <LoadState
        loading={loading && !loaded}
        error={error}
        loadingText={t("contacts.loading")}
        errorText={t("contacts.error")}
        onRetry={() => void refetch()}
      />
      <div aria-live="polite">
        {loaded && (
          <Paragraph id={resultsId}>
            {totalCount === 0
              ? t("contacts.none")
              : format.plural(totalCount, {
                  one: t("contacts.count.one"),
                  other: t("contacts.count.other", { count: totalCount, shown: contacts.length }),
                })}
          </Paragraph>
        )}
      </div>
      {contacts.length > 0 && (
        <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={resultsId}>
          <Table aria-labelledby={resultsId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("contacts.col.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("contacts.col.roles")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("contacts.col.districts")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("contacts.col.lastInteraction")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("contacts.col.status")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {contacts.map((contact) => (
                <TableRow key={contact.id}>
                  <TableHeaderCell scope="row">
                    <RouteLink to={{ name: "contact", id: contact.id }}>{contact.fullName}</RouteLink>
                  </TableHeaderCell>
                  <TableCell>
                    {contact.roles.map((role) => (role.organisation ? `${role.title}, ${role.organisation.name}` : role.title)).join("; ")}
                  </TableCell>
                  <TableCell>{contact.districts.map((d) => d.name).join(", ")}</TableCell>
                  <TableCell>
                    {contact.lastInteractionAt ? format.date(contact.lastInteractionAt) : t("contacts.never")}
                    {contact.stale && contact.lastInteractionAt && <> ({t("contacts.stale")})</>}
                  </TableCell>
                  <TableCell>{t(contactStatusKey(contact.status))}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ResponsiveTableContainer>
      )}
      {hasMore && (
        <div>
          <Button appearance="secondary-action-button" type="button" onClick={() => void loadMore()} disabled={loading} busy={loading}>
            {loading ? t("contacts.loadingMore") : t("contacts.loadMore")}
          </Button>
        </div>
      )}
    </>
  );
}
