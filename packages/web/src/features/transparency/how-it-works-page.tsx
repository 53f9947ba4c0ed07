import {
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useId } from "react";
import { useI18n } from "../../i18n/i18n-provider";
import { LoadState } from "../../kit/load-state";
import { PageHeading } from "../../kit/page-heading";
import { type AlgorithmSettingValue, useAlgorithmSettings } from "./use-algorithm-settings";

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
const RETENTION = ["signalAnonymise", "signalDelete", "contactInactiveAfter", "contactAnonymiseAfterInactive", "rsvpAfterSession"] as const;

/**
 * "Hoe werkt wijknet?": the public, plain-language account of the rule sets in the algorithm
 * register (docs/algorithms/register.json). Every figure comes from `algorithmSettings`, i.e.
 * from what this server runs with; none is written into the texts.
 */
export function HowItWorksPage() {
  const { t } = useI18n();
  const { settings, loading, error, refetch } = useAlgorithmSettings();
  const escalationId = useId();
  const retentionId = useId();

  const value = (key: string) => settings?.get(key)?.value ?? "?";
  const percent = (key: string) => String(Math.round(Number(value(key)) * 100));
  const duration = (s: AlgorithmSettingValue | undefined) => {
    if (!s || s.value === "off") return t("how.report.off");
    if (s.unit === "days" || s.unit === "hours" || s.unit === "minutes") return t(`how.unit.${s.unit}`, { n: s.value });
    return s.value;
  };

  return (
    <div className="wijknet-stack">
      <PageHeading title={t("how.title")}>{t("how.title")}</PageHeading>
      <Paragraph appearance="lead">{t("how.intro")}</Paragraph>
      <LoadState loading={loading} error={error} loadingText={t("how.loading")} errorText={t("how.error")} onRetry={() => void refetch()} />

      <section aria-labelledby="how-guard">
        <Heading level={2} id="how-guard">
          {t("how.guard.heading")}
        </Heading>
        <Paragraph>{t("how.guard.does")}</Paragraph>
        <Paragraph>{t("how.guard.doesNot")}</Paragraph>
        {settings && (
          <>
            <Paragraph>
              {t("how.guard.how", { letters: value("guard.fuzzyMinLength"), version: value("guard.source.world-countries") })}
            </Paragraph>
            <Paragraph>
              {t("how.guard.quality", {
                recall: percent("guard.corpusMinRecall"),
                falsePositive: percent("guard.corpusMaxFalsePositiveRate"),
              })}
            </Paragraph>
          </>
        )}
        <Paragraph>{t("how.guard.wrong")}</Paragraph>
      </section>

      <section aria-labelledby="how-person">
        <Heading level={2} id="how-person">
          {t("how.person.heading")}
        </Heading>
        <Paragraph>{t("how.person.text")}</Paragraph>
      </section>

      <section aria-labelledby="how-report">
        <Heading level={2} id="how-report">
          {t("how.report.heading")}
        </Heading>
        <UnorderedList>
          <UnorderedListItem>{t("how.report.coordinator")}</UnorderedListItem>
          <UnorderedListItem>{t("how.report.share")}</UnorderedListItem>
        </UnorderedList>
        <Paragraph id={escalationId}>{t("how.report.escalation")}</Paragraph>
        {settings && (
          <TableContainer>
            <Table aria-labelledby={escalationId}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("how.report.col.severity")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("how.report.col.wait")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {SEVERITIES.map((sev) => (
                  <TableRow key={sev}>
                    <TableHeaderCell scope="row">{t(`how.severity.${sev}`)}</TableHeaderCell>
                    <TableCell data-setting={`escalation.after.${sev}`}>{duration(settings.get(`escalation.after.${sev}`))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </section>

      <section aria-labelledby="how-who">
        <Heading level={2} id="how-who">
          {t("how.who.heading")}
        </Heading>
        <UnorderedList>
          <UnorderedListItem>{t("how.who.coordinator")}</UnorderedListItem>
          <UnorderedListItem>{t("how.who.police")}</UnorderedListItem>
          <UnorderedListItem>{t("how.who.ally")}</UnorderedListItem>
        </UnorderedList>
        {settings && <Paragraph>{t("how.who.counts", { k: value("disclosure.suppressionThreshold") })}</Paragraph>}
      </section>

      <section aria-labelledby="how-retention">
        <Heading level={2} id="how-retention">
          {t("how.retention.heading")}
        </Heading>
        <Paragraph id={retentionId}>{t("how.retention.intro")}</Paragraph>
        {settings && (
          <TableContainer>
            <Table aria-labelledby={retentionId}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("how.retention.col.what")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("how.retention.col.when")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {RETENTION.map((key) => (
                  <TableRow key={key}>
                    <TableHeaderCell scope="row">{t(`how.retention.${key}`)}</TableHeaderCell>
                    <TableCell data-setting={`retention.${key}`}>{duration(settings.get(`retention.${key}`))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </section>

      <section aria-labelledby="how-rights">
        <Heading level={2} id="how-rights">
          {t("how.rights.heading")}
        </Heading>
        <Paragraph>{t("how.rights.text")}</Paragraph>
      </section>

      <section aria-labelledby="how-discrimination">
        <Heading level={2} id="how-discrimination">
          {t("how.discrimination.heading")}
        </Heading>
        <Paragraph>{t("how.discrimination.text")}</Paragraph>
        <UnorderedList>
          <UnorderedListItem>
            <Link href="https://www.art1mn.nl" rel="noreferrer" external>
              {t("how.discrimination.art1")}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href="https://www.discriminatie.nl" rel="noreferrer" external>
              {t("how.discrimination.national")}
            </Link>
          </UnorderedListItem>
        </UnorderedList>
      </section>
    </div>
  );
}
