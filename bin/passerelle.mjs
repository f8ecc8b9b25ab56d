#!/usr/bin/env node
// The `passerelle` command: runs the TypeScript sources through tsx, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
const code = await main(process.argv.slice(2));
// `start` and `worker` keep serving; every other command, and any failure, ends the process here.
if (code !== 0 || !['start', 'worker'].includes(process.argv[2] ?? '')) process.exit(code);
