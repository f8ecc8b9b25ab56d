// `passerelle worker` from the TypeScript sources, for tests that need a sender they can kill:
// the same main() the command runs, without waiting for a compiled build.
import { main } from '../src/main.ts';

const code = await main(['worker']);
if (code !== 0) process.exit(code);
