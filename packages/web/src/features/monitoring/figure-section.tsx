import {
  Heading,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useId } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "../../kit/format";
import { useI18n } from "../../i18n/i18n-provider";

export interface CountValue {
  value?: number | null;
  suppressed: boolean;
}

/** One line of a figure: per period a count (maybe suppressed), a share (0–1) or a plain number. */
export interface Series {
  label: string;
  kind: "count" | "share" | "number";
  values: ReadonlyArray<CountValue | number | null | undefined>;
}

const COLOURS = ["#0b71a1", "#c2410c", "#15803d", "#7e22ce", "#a16207"];

/** The number behind a cell, or null when there is none (suppressed or not measured). */
export function numeric(v: CountValue | number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  return v.suppressed || v.value === null || v.value === undefined ? null : v.value;
}

/** RFC 4180 CSV: every cell quoted when it needs to be; ";" is not used (Excel reads "," with the header). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/**
 * A figure over time: a line chart (hidden from screen readers) and the same numbers as a
 * table, which is the text alternative, with a CSV download. Suppressed values are gaps in the
 * line and "minder dan 5" in the table — never a number.
 */
export function FigureSection({
  title,
  periods,
  series,
  fileName,
}: {
  title: string;
  periods: readonly string[];
  series: readonly Series[];
  fileName: string;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const headingId = useId();
  const text = (s: Series, v: CountValue | number | null | undefined): string => {
    if (v !== null && v !== undefined && typeof v !== "number" && (v.suppressed || v.value == null)) return t("monitoring.suppressed");
    const n = numeric(v);
    if (n === null) return t("monitoring.none");
    return s.kind === "share" ? format.percent(n) : format.number(n);
  };
  const data = periods.map((label, i) => {
    const point: Record<string, string | number | null> = { label };
    series.forEach((s, j) => {
      const n = numeric(s.values[i]);
      point[`s${j}`] = n === null ? null : s.kind === "share" ? Math.round(n * 1000) / 10 : n;
    });
    return point;
  });
  const csvRows = [
    [t("monitoring.period"), ...series.map((s) => s.label)],
    ...periods.map((p, i) => [p, ...series.map((s) => text(s, s.values[i]))]),
  ];
  const csvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${toCsv(csvRows)}`)}`;

  return (
    <section aria-labelledby={headingId} className="wijknet-stack wijknet-monitoring-figure">
      <Heading level={2} id={headingId}>
        {title}
      </Heading>
      <div className="wijknet-monitoring-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          {/* No keyboard layer: the chart is hidden from assistive technology; the table is its alternative. */}
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            {series.map((s, j) => (
              <Line
                key={s.label}
                type="monotone"
                dataKey={`s${j}`}
                name={s.kind === "share" ? `${s.label} (%)` : s.label}
                stroke={COLOURS[j % COLOURS.length]}
                strokeWidth={2}
                dot={{ r: 3 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <TableContainer>
        <Table>
          <TableCaption>{t("monitoring.table", { title })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("monitoring.period")}</TableHeaderCell>
              {series.map((s) => (
                <TableHeaderCell key={s.label} scope="col">
                  {s.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {periods.map((p, i) => (
              <TableRow key={p}>
                <TableHeaderCell scope="row">{p}</TableHeaderCell>
                {series.map((s) => (
                  <TableCell key={s.label}>{text(s, s.values[i])}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={csvHref} download={`${fileName}.csv`}>
          {t("monitoring.csv")}
        </a>
      </p>
    </section>
  );
}
