import { runStandaloneBench } from './standalone.ts';
import { measureNewsletter } from './synthetic/newsletter.ts';

/**
 * Newsletter delivery alone: `node --import tsx bench/newsletter.ts [subscribers=10000] [rate]`
 * (also part of `npm run bench`). A throw-away database with the GSEF seed; prints messages/s.
 */
const size = Number(process.argv[2] ?? 10_000);
const rate = process.argv[3] ? Number(process.argv[3]) : undefined;
await runStandaloneBench('newsletter-bench', async ({ url, dataDir }) => {
  console.log(await measureNewsletter(url, dataDir, size, rate));
}, 2);
