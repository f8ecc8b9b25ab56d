import { runStandaloneBench } from './standalone.ts';
import { measureCallsReview } from './synthetic/calls-review.ts';

/** The call review alone: `node --import tsx bench/calls-review.ts` (also part of `npm run bench`). */
await runStandaloneBench('calls-review-bench', async ({ url }) => {
  console.log(await measureCallsReview(url));
});
