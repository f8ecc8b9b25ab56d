#!/usr/bin/env node
// The `passerelle` command. Runs the compiled JavaScript in .build/, compiling the TypeScript
// sources first when they changed (a second or two; see scripts/build.mjs).
import { ensureBuilt } from '../scripts/build.mjs';

ensureBuilt();
const { main } = await import('../.build/src/main.js');
const code = await main(process.argv.slice(2));
// `start` and `worker` keep serving; every other command, and any failure, ends the process here.
if (code !== 0 || !['start', 'worker'].includes(process.argv[2] ?? '')) process.exit(code);
