import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../kit/responsive-table";
import { useQuery } from "@apollo/client/react";
import { useId, useMemo, useState } from "react";
import { PageHeading } from "../../kit/page-heading";
import { RouteLink } from "../../kit/router";
import { useFormat } from "../../kit/format";
import { LoadState } from "../../kit/load-state";
import { SignalFeedDocument, SignalsDocument, type SignalFeedSubscription, type SignalsQuery } from "../../generated/gql/graphql";
import { useI18n } from "../../i18n/i18n-provider";
import type { Viewer } from "../auth/use-viewer";
import { severityKey, statusKey, visibilityKey } from "./labels";
import { useResumableSubscription } from "./use-resumable-subscription";

type SignalRow = SignalsQuery["signals"]["nodes"][number];

/** The coordinator's inbox: the signals query, kept current by the live signal feed. */
export function SignalsPage({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const format = useFormat();
  const tableId = useId();
  const { data, loading, error, refetch } = useQuery(SignalsDocument, { fetchPolicy: "network-only" });
  // Live changes over the query result: id → row (null = withdrawn from view).
  const [live, setLive] = useState<ReadonlyMap<string, SignalRow | null>>(new Map());
  const [announcement, setAnnouncement] = useState("");

  useResumableSubscription<SignalFeedSubscription>({
    document: SignalFeedDocument,
    storageKey: `wijknet.signalFeed.cursor.${viewer.id}`,
    getCursor: (d) => d.signalFeed.cursor,
    onData: (d) => {
      const event = d.signalFeed;
      setLive((current) => new Map(current).set(event.signalId, event.signal ?? null));
      if (event.signal) setAnnouncement(t("signals.announce", { summary: event.signal.summary }));
    },
  });

  const rows = useMemo(() => {
    const byId = new Map<string, SignalRow>();
    for (const node of data?.signals.nodes ?? []) byId.set(node.id, node);
    for (const [id, row] of live) {
      if (row) byId.set(id, row);
      else byId.delete(id);
    }
    return [...byId.values()].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  }, [data, live]);

  return (
    <>
      <PageHeading title={t("signals.title")}>{t("signals.title")}</PageHeading>
      <Paragraph>{t("signals.intro")}</Paragraph>
      <Paragraph>
        <RouteLink to={{ name: "signalReport" }}>{t("signals.report")}</RouteLink>
      </Paragraph>
      <div aria-live="polite" aria-atomic="true" className="wijknet-visually-hidden">
        {announcement}
      </div>
      <LoadState
        loading={loading && !data}
        error={error}
        loadingText={t("signals.loading")}
        errorText={t("signals.error")}
        onRetry={() => void refetch()}
      />
      {data && rows.length === 0 && <Paragraph>{t("signals.empty")}</Paragraph>}
      {rows.length > 0 && (
        <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={tableId}>
          <Table aria-labelledby={tableId}>
            <caption id={tableId} className="wijknet-visually-hidden">
              {t("signals.tableCaption")}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("signals.col.summary")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signals.col.district")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signals.col.severity")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signals.col.status")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signals.col.visibility")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signals.col.reported")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} className={live.has(row.id) ? "wijknet-row--live" : undefined}>
                  <TableHeaderCell scope="row">
                    <RouteLink to={{ name: "signal", id: row.id }}>{row.summary}</RouteLink>
                    {live.has(row.id) && <span className="wijknet-badge wijknet-badge--new">{t("signals.liveNew")}</span>}
                    {row.flagged && <span className="wijknet-badge wijknet-badge--flagged">{t("signals.flagged")}</span>}
                  </TableHeaderCell>
                  <TableCell>{row.district.name}</TableCell>
                  <TableCell>{t(severityKey(row.severity))}</TableCell>
                  <TableCell>{t(statusKey(row.status))}</TableCell>
                  <TableCell>{t(visibilityKey(row.visibility))}</TableCell>
                  <TableCell>{format.dateTime(row.reportedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ResponsiveTableContainer>
      )}
    </>
  );
}
