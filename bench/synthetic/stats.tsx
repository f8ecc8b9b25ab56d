import { DEFAULT_SITE } from '../../src/site/settings.ts';
import type { Kysely } from 'kysely';
import { renderToString } from 'preact-render-to-string';
import type { DB } from '../../src/db/types.ts';
import { translator } from '../../src/i18n/i18n.ts';
import { networkFigures } from '../../src/stats/domain.ts';
import { reportPdf } from '../../src/stats/pdf.ts';
import { annualReport } from '../../src/stats/report.ts';
import { StatsPage } from '../../src/stats/views/stats.tsx';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

/**
 * The figures page uncached and the annual report PDF, in-process: every figure computed from the
 * database and the page body rendered, with a different "as of" day each run so nothing is reused.
 */
export async function measureStats(db: Kysely<DB>): Promise<string> {
  const t = translator('en');
  const ctx = { site: DEFAULT_SITE, lang: 'en' as const, t, path: '/stats', user: null, baseUrl: 'http://127.0.0.1', csrf: () => '' };
  const times: number[] = [];
  // Five runs first, as a server answers after its first few requests (plans and code warmed).
  for (let run = -5; run < 60; run++) {
    const day = new Date(Date.UTC(2019, 0, 1 + run * 17)).toISOString().slice(0, 10);
    const started = performance.now();
    const figures = await networkFigures(db, day, 2019);
    renderToString(<StatsPage ctx={ctx} figures={figures} />);
    if (run >= 0) times.push(performance.now() - started);
  }
  const pdfTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const report = await annualReport(db, 2019, new Date().toISOString().slice(0, 10));
    await reportPdf(report!, t, run % 2 ? 'ko' : 'en');
    pdfTimes.push(performance.now() - started);
  }
  return [`stats page uncached (figures + render): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (goal p95 < 50)`,
    `annual report 2019 PDF (query + Typst): p50 ${percentile(pdfTimes, 50).toFixed(0)} ms, max ${Math.max(...pdfTimes).toFixed(0)} ms (goal < 3,000)`].join('\n');
}
