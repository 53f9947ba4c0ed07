import { useI18n } from "../../i18n/i18n-provider";
import type { CountValue } from "./suppressed-count";

export interface ChartBar {
  label: string;
  count: CountValue;
}

const BAR_HEIGHT = 22;
const GAP = 10;
const LABEL_WIDTH = 180;
const BAR_AREA = 260;

/**
 * A small horizontal bar chart drawn with SVG attributes only (no inline
 * styles, so the strict CSP allows it). It repeats the table next to it, which
 * is the text alternative; the chart itself is hidden from screen readers.
 * Suppressed counts get an outlined stub and the words "minder dan 5", never a
 * length that would reveal the number.
 */
export function HealthChart({ bars, captionId }: { bars: readonly ChartBar[]; captionId: string }) {
  const { t } = useI18n();
  const max = Math.max(5, ...bars.map((bar) => (bar.count.suppressed ? 0 : (bar.count.value ?? 0))));
  const height = bars.length * (BAR_HEIGHT + GAP);
  return (
    <figure className="wijknet-chart" aria-labelledby={captionId}>
      <svg
        className="wijknet-chart__svg"
        viewBox={`0 0 ${LABEL_WIDTH + BAR_AREA + 90} ${height}`}
        width="100%"
        aria-hidden="true"
        focusable="false"
      >
        {bars.map((bar, index) => {
          const y = index * (BAR_HEIGHT + GAP);
          const suppressed = bar.count.suppressed || bar.count.value === null || bar.count.value === undefined;
          const value = suppressed ? 0 : (bar.count.value ?? 0);
          const width = suppressed ? 0 : Math.max(2, (value / max) * BAR_AREA);
          return (
            <g key={bar.label}>
              <text x={0} y={y + BAR_HEIGHT * 0.7} className="wijknet-chart__label">
                {bar.label}
              </text>
              {suppressed ? (
                <rect x={LABEL_WIDTH} y={y} width={24} height={BAR_HEIGHT} className="wijknet-chart__bar--suppressed" />
              ) : (
                <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} className="wijknet-chart__bar" />
              )}
              <text x={LABEL_WIDTH + (suppressed ? 24 : width) + 6} y={y + BAR_HEIGHT * 0.7} className="wijknet-chart__value">
                {suppressed ? t("health.suppressed") : String(value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id={captionId} className="wijknet-muted">
        {t("health.chartCaption")}
      </figcaption>
    </figure>
  );
}
