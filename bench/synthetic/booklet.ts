import type { Kysely } from 'kysely';
import { bookletEdition } from '../../src/calls/booklet/domain.ts';
import type { DB } from '../../src/db/types.ts';
import { LANGS } from '../../src/i18n/langs.ts';
import { compilePdfDocument } from '../../src/pdf/index.ts';

/**
 * The GSEF2018 booklet (102 initiatives and 13 thematic workshops) made from the database, in each
 * language: the queries, the layout model, the Typst source, its hash and the PDF (issue 12's goal:
 * under 2 s per language). Storing the file is left out: that is the storage's figure.
 */
export async function measureBooklet(db: Kysely<DB>): Promise<string> {
  const lines: string[] = [];
  for (const lang of LANGS) {
    const times: number[] = [];
    let pages = 0;
    let entries = 0;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const edition = await bookletEdition(db, 'gsef2018-bilbao', lang);
      if (!edition) throw new Error('no GSEF2018 programme in the bench database');
      const made = await compilePdfDocument(edition.source);
      times.push(performance.now() - started);
      pages = made.pages;
      entries = edition.booklet.entryCount;
    }
    // The first run is the one that counts (a changed programme); Typst memoises the runs after it.
    lines.push(`booklet ${lang} (${entries} entries, ${pages} pages): first ${times[0]!.toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms, repeated ${Math.min(...times).toFixed(0)} ms (goal < 2,000)`);
  }
  return lines.join('\n');
}
