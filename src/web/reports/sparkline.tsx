/** A point of a sparkline: its label (for the text summary) and its value, null when unknown. */
export interface SparkPoint {
  label: string;
  value: number | null;
}

const width = 120;
const height = 32;
const pad = 3;

/**
 * A small SVG line of a figure's trend, scaled between the lowest and highest known value; an
 * unknown point breaks the line. Screen readers get the points as text, so the line is never the
 * only way to read the trend.
 */
export function Sparkline({ points, label }: { points: readonly SparkPoint[]; label: string }) {
  const known = points.filter((p): p is { label: string; value: number } => p.value !== null);
  if (known.length === 0) return null;
  const lo = Math.min(...known.map((p) => p.value));
  const hi = Math.max(...known.map((p) => p.value));
  const x = (i: number) =>
    points.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1);
  const y = (v: number) =>
    hi === lo ? height / 2 : height - pad - ((v - lo) * (height - 2 * pad)) / (hi - lo);
  const runs: string[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (run.length) runs.push(run.join(' '));
  const lastIndex = points.findLastIndex((p) => p.value !== null);
  const last = points[lastIndex]!;
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {runs.map((r) => (
        <polyline key={r} points={r} fill="none" stroke="currentColor" strokeWidth="1.5" />
      ))}
      <circle cx={x(lastIndex)} cy={y(last.value!)} r="2.5" fill="currentColor" />
    </svg>
  );
}
