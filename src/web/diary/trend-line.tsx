import { useLanguage, useT } from '../i18n/use-t.ts';
import { formatAverage, markNumbers } from './diary-dates.ts';

const width = 120;
const height = 36;
const pad = 4;

/** The points of a trend line (5 at the top, 2 at the bottom) for marks in date order. */
export function trendPoints(values: readonly number[]): string {
  if (values.length === 0) return '';
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const x = values.length > 1 ? pad + i * step : width / 2;
      const y = pad + ((5 - Math.min(5, Math.max(2, v))) / 3) * (height - 2 * pad);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** A small line of the marks over time, described in words for screen readers. */
export function TrendLine({ marks, average }: { marks: readonly string[]; average: number | null }) {
  const t = useT();
  const language = useLanguage();
  const values = marks.flatMap(markNumbers);
  if (values.length === 0) return null;
  const label =
    average === null
      ? t('diary.trendNoAverage', { marks: marks.join(', ') })
      : t('diary.trend', { marks: marks.join(', '), average: formatAverage(average, language) });
  const points = trendPoints(values);
  return (
    <svg
      className="diary-trend"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      <line x1={pad} x2={width - pad} y1={height / 2} y2={height / 2} className="diary-trend-mid" />
      {values.length > 1 && <polyline points={points} className="diary-trend-line" />}
      {points.split(' ').map((p) => {
        const [x, y] = p.split(',');
        return <circle key={p} cx={x} cy={y} r={2.5} className="diary-trend-dot" />;
      })}
    </svg>
  );
}
