import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../kit/responsive-table";
import { useId, useMemo, useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink, useMayOpen } from "../../kit/router";
import { SelectField } from "../../kit/fields";
import { LoadState } from "../../kit/load-state";
import { useFormat } from "../../kit/format";
import type { NetworkFilter, NetworkKind } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import type { Viewer } from "../auth/use-viewer";
import { NETWORK_KINDS, networkKindKey } from "../contacts/labels";
import { useDistricts } from "../districts/use-districts";
import { useNetworks } from "./use-networks";

export function NetworksPage({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const format = useFormat();
  const mayOpen = useMayOpen();
  const { districts } = useDistricts();
  const [kind, setKind] = useState<"" | NetworkKind>("");
  const [districtId, setDistrictId] = useState("");
  const filter = useMemo<NetworkFilter>(() => ({ ...(kind ? { kind } : {}), ...(districtId ? { districtId } : {}) }), [kind, districtId]);
  const { networks, loading, error, refetch } = useNetworks(filter);
  const captionId = useId();
  const showsMembers = mayOpen(viewer.role, "network");
  // A liaison sees only their districts' networks: offer only those districts.
  const districtOptions = viewer.role === "POLICE_LIAISON" ? viewer.districts : districts;

  return (
    <>
      <PageHeading title={t("networks.title")}>{t("networks.title")}</PageHeading>
      <Paragraph>{showsMembers ? t("networks.intro") : t("networks.introLiaison")}</Paragraph>
      <div className="wijknet-filters">
        <SelectField
          name="kind"
          label={t("networks.kind")}
          value={kind}
          onChange={(value) => setKind(value as "" | NetworkKind)}
          options={[{ value: "", label: t("contacts.all") }, ...NETWORK_KINDS.map((k) => ({ value: k, label: t(networkKindKey(k)) }))]}
        />
        <SelectField
          name="district"
          label={t("networks.district")}
          value={districtId}
          onChange={setDistrictId}
          options={[{ value: "", label: t("contacts.all") }, ...districtOptions.map((d) => ({ value: d.id, label: d.name }))]}
        />
      </div>
      <LoadState
        loading={loading && networks.length === 0}
        error={error}
        loadingText={t("networks.loading")}
        errorText={t("networks.error")}
        onRetry={() => void refetch()}
      />
      <div aria-live="polite">
        {!loading && !error && <Paragraph id={captionId}>{t("networks.count", { count: networks.length })}</Paragraph>}
      </div>
      {networks.length > 0 && (
        <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={captionId}>
          <Table aria-labelledby={captionId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("networks.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("networks.kind")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("networks.district")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("networks.members")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {networks.map((network) => (
                <TableRow key={network.id}>
                  <TableHeaderCell scope="row">
                    {showsMembers ? <RouteLink to={{ name: "network", id: network.id }}>{network.name}</RouteLink> : network.name}
                  </TableHeaderCell>
                  <TableCell>{t(networkKindKey(network.kind))}</TableCell>
                  <TableCell>{network.district?.name ?? t("networks.citywide")}</TableCell>
                  <TableCell>{format.count(network.memberCount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ResponsiveTableContainer>
      )}
    </>
  );
}
