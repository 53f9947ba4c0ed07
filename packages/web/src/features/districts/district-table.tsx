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
} from "@utrecht/component-library-react";
import { ResponsiveTableContainer } from "../../kit/responsive-table";
import { useId } from "react";
import { useI18n } from "../../i18n/i18n-provider";
import { useDistricts } from "./use-districts";

export function DistrictTable({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const { districts, loading, error, refetch } = useDistricts();
  const headingId = useId();

  return (
    <div className="wijknet-stack">
      <Heading level={2} id={headingId}>
        {t("districts.heading", { municipality })}
      </Heading>
      {/* One polite region for loading/empty/error, so each state is announced. */}
      <div aria-live="polite">
        {loading && <Paragraph>{t("districts.loading")}</Paragraph>}
        {error && !loading && (
          <Alert type="error" role="none">
            <Paragraph>{t("districts.error")}</Paragraph>
            <Button appearance="secondary-action-button" type="button" onClick={() => void refetch()}>
              {t("app.retry")}
            </Button>
          </Alert>
        )}
        {!loading && !error && districts.length === 0 && <Paragraph>{t("districts.empty")}</Paragraph>}
      </div>
      {districts.length > 0 && (
        // On narrow screens the container scrolls sideways instead of the page;
        // a named, focusable region so keyboard users can scroll it too.
        <ResponsiveTableContainer overflowInline tabIndex={0} role="region" aria-labelledby={headingId}>
          <Table aria-labelledby={headingId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("districts.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("districts.code")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {districts.map((district) => (
                <TableRow key={district.id}>
                  <TableHeaderCell scope="row">{district.name}</TableHeaderCell>
                  <TableCell>{district.code}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ResponsiveTableContainer>
      )}
    </div>
  );
}
