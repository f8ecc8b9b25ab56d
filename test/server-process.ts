// `passerelle start` from the TypeScript sources, for tests that measure the server as its own
// process (its memory is then its own, not the test runner's).
import { main } from '../src/main.ts';

const code = await main(['start']);
if (code !== 0) process.exit(code);
