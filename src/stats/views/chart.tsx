import { scaleBand, scaleLinear } from 'd3-scale';
import type { Count } from '../domain.ts';

const WIDTH = 320;
const ROW = 22;
const LABEL = 120;

/**
 * A horizontal bar chart drawn on the server: d3-scale computes the positions, Preact writes the
 * SVG. The SVG is a picture (role img, labelled by the summary); the table after it holds the data.
 */
export function BarChart({ rows, label, title }: { rows: { label: string; count: number }[]; label: string; title: string }) {
  const height = Math.max(1, rows.length) * ROW;
  const x = scaleLinear().domain([0, Math.max(1, ...rows.map((row) => row.count))]).range([0, WIDTH - LABEL - 36]);
  const y = scaleBand().domain(rows.map((_, index) => String(index))).range([0, height]).padding(0.2);
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`${title}: ${label}`} preserveAspectRatio="xMinYMin meet">
      {rows.map((row, index) => {
        const top = y(String(index)) ?? 0;
        const middle = top + y.bandwidth() / 2;
        return (
          <g>
            <text x={LABEL - 4} y={middle} text-anchor="end" dominant-baseline="middle">{row.label.length > 18 ? `${row.label.slice(0, 17)}…` : row.label}</text>
            <rect x={LABEL} y={top} width={Math.round(x(row.count))} height={Math.round(y.bandwidth())} />
            <text x={LABEL + Math.round(x(row.count)) + 3} y={middle} dominant-baseline="middle">{row.count}</text>
          </g>
        );
      })}
    </svg>
  );
}

export type { Count };
