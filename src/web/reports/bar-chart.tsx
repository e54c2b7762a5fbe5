/** One bar: its label, its value and, optionally, a text shown instead of the bare value. */
export interface Bar {
  label: string;
  value: number;
  text?: string;
}

const rowHeight = 22;
const labelWidth = 140;
const width = 480;

/**
 * A horizontal bar chart in SVG, for a figure per class, teacher or month. The figures are also in
 * the table beside it; the chart carries a text summary for screen readers.
 */
export function BarChart({ title, bars, max }: { title: string; bars: readonly Bar[]; max?: number }) {
  if (bars.length === 0) return null;
  const top = max ?? Math.max(...bars.map((b) => b.value), 1);
  const scale = (v: number) => (top > 0 ? (Math.max(0, v) / top) * (width - labelWidth - 60) : 0);
  const height = bars.length * rowHeight + 4;
  const summary = bars.map((b) => `${b.label}: ${b.text ?? b.value}`).join('; ');
  return (
    <figure className="bar-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}. ${summary}`}>
        {bars.map((b, i) => (
          <g key={b.label} transform={`translate(0 ${i * rowHeight + 2})`}>
            <text x={labelWidth - 6} y={15} textAnchor="end" className="bar-label">
              {b.label}
            </text>
            <rect x={labelWidth} y={3} height={rowHeight - 8} width={scale(b.value)} className="bar" />
            <text x={labelWidth + scale(b.value) + 4} y={15} className="bar-value">
              {b.text ?? b.value}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
