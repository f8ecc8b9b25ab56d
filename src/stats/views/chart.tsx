import { scaleBand, scaleLinear, scaleUtc } from 'd3-scale';
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

export interface Point { day: string; count: number }

const LINE_HEIGHT = 160;
const MARGIN = { top: 8, right: 12, bottom: 20, left: 32 };
const path = (points: [number, number][]) => points.map(([x, y], index) => `${index ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('');

/**
 * A line over time (recorded members), and a dashed one for a goal (the target, from its
 * baseline to its deadline). Years label the time axis, counts the other; like BarChart, the SVG
 * is a labelled picture and the table after it holds the data.
 */
export function LineChart({ points, goal, label, title, lang }: { points: Point[]; goal: Point[]; label: string; title: string; lang: string }) {
  // d3's own tick format speaks English: January is the year, other months named in the reader's language.
  const month = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' });
  const tickLabel = (tick: Date) => (tick.getUTCMonth() === 0 ? String(tick.getUTCFullYear()) : month.format(tick));
  const days = [...points, ...goal].map((point) => new Date(`${point.day}T00:00:00Z`));
  const x = scaleUtc()
    .domain([new Date(Math.min(...days.map(Number))), new Date(Math.max(...days.map(Number)))])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...points.map((p) => p.count), ...goal.map((p) => p.count))]).nice()
    .range([LINE_HEIGHT - MARGIN.bottom, MARGIN.top]);
  const at = (point: Point): [number, number] => [x(new Date(`${point.day}T00:00:00Z`)), y(point.count)];
  return (
    <svg class="chart line-chart" viewBox={`0 0 ${WIDTH} ${LINE_HEIGHT}`} width="100%" role="img" aria-label={`${title}: ${label}`} preserveAspectRatio="xMinYMin meet">
      {y.ticks(4).map((tick) => (
        <g>
          <line class="grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
          <text x={MARGIN.left - 4} y={y(tick)} text-anchor="end" dominant-baseline="middle">{tick}</text>
        </g>
      ))}
      {x.ticks(4).map((tick) => <text x={x(tick)} y={LINE_HEIGHT - 4} text-anchor="middle">{tickLabel(tick)}</text>)}
      {goal.length > 1 ? <path class="goal" d={path(goal.map(at))} /> : null}
      <path class="recorded" d={path(points.map(at))} />
      {points.map((point) => { const [cx, cy] = at(point); return <circle cx={cx.toFixed(1)} cy={cy.toFixed(1)} r="2" />; })}
    </svg>
  );
}

export type { Count };
