import { sql, type Kysely } from 'kysely';
import { pathToFileURL } from 'node:url';
import type { DB } from '../src/db/types.ts';
import { LANGS } from '../src/i18n/langs.ts';
import { MODULES } from '../src/translations/fields.ts';
import { countsByLang, countsByModule, queuePage, WORK_STATES, type QueueFilter } from '../src/translations/queue/queries.ts';
import { runStandaloneBench } from './standalone.ts';

/**
 * The translators' queue and dashboard over 100,000 synthetic translation units (issue 13: p95 under
 * 50 ms). Part of `npm run bench` (bench/targets.ts), or alone: `node --import tsx bench/translations-queue.ts`.
 * The synthetic units belong to a table that does not exist ("bench_units") and are removed after.
 */
const UNITS = 100_000;
const RUNS = 40;

async function seedUnits(db: Kysely<DB>, n: number): Promise<void> {
  const modules = [...MODULES];
  await sql`
    INSERT INTO translation_sources (tbl, row_key, col, source_hash, text)
    SELECT 'bench_units', (i / 4)::text, 'title', translation_source_hash('text ' || (i / 4)), 'Synthetic original text number ' || (i / 4)
    FROM generate_series(0, ${n - 1}, 4) AS i`.execute(db);
  await sql`
    INSERT INTO translation_units (tbl, row_key, col, lang, module, state, source_lang, source_hash, since)
    SELECT 'bench_units', (i / 4)::text, 'title', (${[...LANGS]}::text[])[i % 4 + 1],
           (${modules}::text[])[(i / 4) % ${modules.length} + 1],
           CASE WHEN i % 4 = 0 THEN 'original' ELSE (ARRAY['missing', 'machine', 'outdated', 'human', 'approved'])[(i * 7919) % 5 + 1] END,
           (${[...LANGS]}::text[])[1], translation_source_hash('text ' || (i / 4)),
           now() - make_interval(mins => (i * 7919) % 1000000)
    FROM generate_series(0, ${n - 1}) AS i`.execute(db);
  await sql`ANALYZE translation_units`.execute(db);
}

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return p95(times);
}

export async function measureTranslationsQueue(db: Kysely<DB>, n = UNITS): Promise<string> {
  await seedUnits(db, n);
  try {
    const all: QueueFilter = { langs: [...LANGS], states: [...WORK_STATES], modules: [], minAgeDays: null };
    const korean: QueueFilter = { langs: ['ko'], states: ['missing'], modules: [], minAgeDays: null };
    const module: QueueFilter = { langs: ['es', 'fr'], states: ['missing', 'outdated'], modules: ['library'], minAgeDays: 30 };
    const deep = (await queuePage(db, all, null, 5000)).items.at(-1)!;
    const figures = {
      'queue, all languages and work states': await time(async () => Promise.all([countsByLang(db), queuePage(db, all, null)])),
      'queue, Korean missing': await time(async () => Promise.all([countsByLang(db), queuePage(db, korean, null)])),
      'queue, two languages, one module, older than 30 days': await time(async () => Promise.all([countsByLang(db, ['library']), queuePage(db, module, null)])),
      'queue, page 100 (keyset)': await time(() => queuePage(db, all, deep)),
      'dashboard, Korean': await time(() => countsByModule(db, 'ko')),
    };
    const lines = Object.entries(figures).map(([name, ms]) => `  ${name}: p95 ${ms.toFixed(1)} ms ${ms < 50 ? '(target < 50 ms: met)' : '(target < 50 ms: MISSED)'}`);
    return [`translations queue over ${n.toLocaleString('en')} units (${RUNS} runs each):`, ...lines].join('\n');
  } finally {
    await sql`DELETE FROM translation_units WHERE tbl = 'bench_units'`.execute(db);
    await sql`DELETE FROM translation_sources WHERE tbl = 'bench_units'`.execute(db);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runStandaloneBench('translations-queue', async ({ database }) => {
    console.log(await measureTranslationsQueue(database.db, Number(process.argv[2] ?? UNITS)));
  });
}
