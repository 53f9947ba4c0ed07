import {
  Alert,
  Button,
  Checkbox,
  FormField,
  FormLabel,
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
import { useId, useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { SelectField, TextField } from "../../kit/fields";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import type { MembershipRole } from "../../generated/gql/graphql";
import { ConfirmDialog } from "../../kit/confirm-dialog";
import { useI18n } from "../../i18n/i18n-provider";
import { MEMBERSHIP_ROLES, membershipRoleKey, networkKindKey } from "../contacts/labels";
import { useAddMember, useEndMembership, useMemberSearch, useNetwork } from "./use-network";

export function NetworkPage({ id }: { id: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const [includeEnded, setIncludeEnded] = useState(false);
  const { network, loading, error, refetch } = useNetwork(id, includeEnded);
  const members = network?.memberPage.edges.map((edge) => edge.node) ?? [];
  const { endMembership, ending } = useEndMembership();
  const [notice, setNotice] = useState<string | null>(null);
  // Ending a membership is asked first: it cannot be undone (adding the person again starts a new one).
  const [confirming, setConfirming] = useState<{ id: string; name: string } | null>(null);
  const onEnd = async () => {
    if (!confirming) return;
    const ok = await endMembership(confirming.id);
    setNotice(ok ? t("network.ended", { name: confirming.name }) : t("network.endFailed"));
    setConfirming(null);
  };
  const historyId = useId();
  const membersId = useId();

  return (
    <>
      <PageHeading title={network?.name ?? t("network.title")}>{network?.name ?? t("network.title")}</PageHeading>
      <Paragraph>
        <RouteLink to={{ name: "networks" }}>{t("network.back")}</RouteLink>
      </Paragraph>
      <LoadState
        loading={loading && !network}
        error={error}
        loadingText={t("networks.loading")}
        errorText={t("network.error")}
        onRetry={() => void refetch()}
      />
      {network && (
        <>
          <Paragraph>
            {t(networkKindKey(network.kind))} · {network.district?.name ?? t("networks.citywide")} ·{" "}
            {t("network.memberCount", { count: format.count(network.memberCount) })}
          </Paragraph>
          {network.description && <Paragraph>{network.description}</Paragraph>}
          <section aria-labelledby={membersId} className="wijknet-stack">
            <Heading level={2} id={membersId}>
              {t("network.members")}
            </Heading>
            <FormField
              type="checkbox"
              label={
                <FormLabel htmlFor={historyId} type="checkbox">
                  {t("network.showHistory")}
                </FormLabel>
              }
              input={<Checkbox id={historyId} checked={includeEnded} onChange={(event) => setIncludeEnded(event.target.checked)} />}
            />
            <div aria-live="polite">{notice && <Paragraph>{notice}</Paragraph>}</div>
            {network.memberPage.pageInfo.hasNextPage && <Paragraph>{t("network.firstMembersOnly", { count: 200 })}</Paragraph>}
            {members.length === 0 ? (
              <Paragraph>{t("network.noMembers")}</Paragraph>
            ) : (
              <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={membersId}>
                <Table aria-labelledby={membersId}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t("networks.name")}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t("network.role")}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t("network.since")}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t("network.until")}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t("network.actions")}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {members.map((member) => (
                      <TableRow key={member.id}>
                        <TableHeaderCell scope="row">
                          <RouteLink to={{ name: "contact", id: member.contact.id }}>{member.contact.fullName}</RouteLink>
                        </TableHeaderCell>
                        <TableCell>{t(membershipRoleKey(member.role))}</TableCell>
                        <TableCell>{format.date(member.since)}</TableCell>
                        <TableCell>
                          {member.until ? format.date(member.until) : t("network.current")}
                          {member.endReason === "CONSENT_WITHDRAWN" && ` (${t("network.endReason.CONSENT_WITHDRAWN")})`}
                        </TableCell>
                        <TableCell>
                          {!member.until && (
                            <Button
                              appearance="secondary-action-button"
                              type="button"
                              disabled={ending}
                              aria-label={t("network.endFor", { name: member.contact.fullName })}
                              onClick={() => setConfirming({ id: member.id, name: member.contact.fullName })}
                            >
                              {t("network.end")}
                            </Button>
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ResponsiveTableContainer>
            )}
          </section>
          <AddMember networkId={network.id} onNotice={setNotice} />
          <ConfirmDialog
            open={confirming !== null}
            title={t("network.endTitle", { name: confirming?.name ?? "" })}
            confirmLabel={t("network.endYes")}
            cancelLabel={t("network.endNo")}
            busy={ending}
            onConfirm={() => void onEnd()}
            onCancel={() => setConfirming(null)}
          >
            <Paragraph>{t("network.endConfirm", { name: confirming?.name ?? "", network: network.name })}</Paragraph>
          </ConfirmDialog>
        </>
      )}
    </>
  );
}

function AddMember({ networkId, onNotice }: { networkId: string; onNotice: (text: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [role, setRole] = useState<MembershipRole>("MEMBER");
  const { results, loading, error } = useMemberSearch(text);
  const { addMember, adding } = useAddMember(networkId);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {t("network.add")}
      </Heading>
      <div className="wijknet-filters">
        <TextField
          name="memberSearch"
          type="search"
          label={t("network.searchContact")}
          description={t("network.searchHelp")}
          value={text}
          onChange={setText}
        />
        <SelectField
          name="role"
          label={t("network.role")}
          value={role}
          onChange={(value) => setRole(value as MembershipRole)}
          options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(membershipRoleKey(r)) }))}
        />
      </div>
      <div aria-live="polite">
        {loading && <Paragraph>{t("network.searching")}</Paragraph>}
        {Boolean(error) && (
          <Alert type="error" role="none">
            <Paragraph>{t("contacts.error")}</Paragraph>
          </Alert>
        )}
        {!loading && text.trim().length >= 2 && results.length === 0 && <Paragraph>{t("contacts.none")}</Paragraph>}
      </div>
      {results.length > 0 && (
        <UnorderedList>
          {results.map((contact) => (
            <UnorderedListItem key={contact.id}>
              {contact.fullName}
              {contact.districts.length > 0 && ` (${contact.districts.map((d) => d.name).join(", ")})`}{" "}
              <Button
                appearance="secondary-action-button"
                type="button"
                disabled={adding}
                aria-label={t("network.addFor", { name: contact.fullName })}
                onClick={async () => {
                  const outcome = await addMember(contact.id, role);
                  onNotice(t(`network.add.${outcome}`, { name: contact.fullName }));
                }}
              >
                {t("network.addButton")}
              </Button>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
