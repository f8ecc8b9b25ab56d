import { runStandaloneBench } from './standalone.ts';
import { measureSelection } from './synthetic/calls-selection.ts';

/** The call selection alone: `node --import tsx bench/calls-selection.ts` (also part of `npm run bench`). */
await runStandaloneBench('calls-selection-bench', async ({ database }) => {
  console.log(await measureSelection(database.db));
});
