import { runStandaloneBench } from './standalone.ts';
import { measureBooklet } from './synthetic/booklet.ts';

/** The booklet alone: `node --import tsx bench/booklet.ts` (also part of `npm run bench`). */
await runStandaloneBench('booklet-bench', async ({ database }) => {
  console.log(await measureBooklet(database.db));
});
