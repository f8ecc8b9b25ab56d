import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

// Browser tests run when Chromium is installed (CI installs it); without it the rest still runs.
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const withBrowser = fs.existsSync(CHROMIUM);

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/*.test.ts', ...(withBrowser ? ['test/e2e/**/*.test.ts'] : [])],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
