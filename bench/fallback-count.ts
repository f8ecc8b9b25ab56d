import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { countFallbackPages } from '../src/translations/fallback-count.ts';
import { drafterFor, runMachineDrafts } from '../src/translations/machine/jobs.ts';
import { runStandaloneBench } from './standalone.ts';

/**
 * The figure of issue 13 (docs/architecture.md, "Translation workflow"): public pages showing the
 * "not available in your language" notice, per language, on the seeded data, before and after the
 * machine-draft job (Apertium, where installed). Long: every page × 4 languages, and Apertium over
 * every text. `node --import tsx bench/fallback-count.ts`.
 */
await runStandaloneBench('fallback-count', async ({ url, dataDir, database }) => {
  const config = loadConfig({}, { dataDir, databaseUrl: url, logLevel: 'silent', runWorkers: false, baseUrl: 'https://gsef.example.org' });
  const app = await buildApp({ config, database });
  try {
    await app.ready();
    const before = await countFallbackPages(app);
    console.log(`pages per language: ${before.pages}`);
    console.log(`fallback before machine drafts: ${JSON.stringify(before.fallback)}`);
    if (!(await drafterFor(app.ctx).available())) {
      console.log('Apertium is not installed: no machine drafts to count');
      return;
    }
    const started = Date.now();
    const run = await runMachineDrafts(app.ctx, { pauseMs: 0, budgetMs: 1_700_000 });
    const after = await countFallbackPages(app);
    console.log(`fallback after ${run.drafted} machine drafts (${((Date.now() - started) / 1000).toFixed(0)} s, finished: ${run.finished}): ${JSON.stringify(after.fallback)}`);
  } finally {
    await app.close();
  }
}, 6);
