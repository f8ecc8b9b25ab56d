import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { withDatabase } from '../../test/global-setup.ts';
import { createTestDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../../bin/passerelle.mjs');
const SEED = path.resolve(here, '../../../shared/seeds/004_307cc80dd0114172.txt');
let database: Database & { name: string };
let url: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'booklet-cli-'));
beforeAll(async () => {
  database = await createTestDatabase();
  url = withDatabase(inject('maintenanceUrl'), database.name);
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const count = async (event: string) => Number((await database.db.selectFrom('initiatives').select((eb) => eb.fn.countAll<string>().as('n')).where('event_slug', '=', event).executeTakeFirstOrThrow()).n);

describe('passerelle import-booklet', () => {
  it.runIf(fs.existsSync(SEED))('dry-runs, imports, then finds nothing to change', async () => {
    const dry = await run(['import-booklet', SEED, '--event', 'cli-test', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run: would import 115 entries in 9 sessions and 42 workshops: 115 created, 0 updated, 0 unchanged');
    expect(dry.stdout).toMatch(/^line 217 \[2\.1\.1\] warning: no "organisation\. City, Country" line after the title$/m);
    expect(await count('cli-test')).toBe(0);
    const real = await run(['import-booklet', SEED, '--event', 'cli-test']);
    expect(real.stdout).toContain('115 created');
    expect(await count('cli-test')).toBe(115);
    const again = await run(['import-booklet', SEED, '--event', 'cli-test']);
    expect(again.stdout).toContain('0 created, 0 updated, 115 unchanged');
  }, 240_000);

  it('reports a broken booklet on stderr with a non-zero exit, and writes nothing', async () => {
    const file = path.join(dir, 'broken.txt');
    fs.writeFileSync(file, 'ATELIERS SESSION 1\n\n1.1. Atelier\n\n1.1.1 Une initiative\n\nOrganisation. Ville, Atlantide\n\nRésumé.\n\nNom. Rôle. <https://example.org/>\n');
    const result = await run(['import-booklet', file, '--event', 'cli-broken']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 7 [1.1.1] error: unknown country "Atlantide"');
    expect(result.stderr).toContain('nothing imported: 1 error (1 entries read)');
    expect(await count('cli-broken')).toBe(0);
  }, 120_000);

  it('explains usage errors', async () => {
    const noEvent = await run(['import-booklet', 'x.txt']);
    expect(noEvent.code).toBe(2);
    expect(noEvent.stderr).toContain('--event SLUG is required');
    const missing = await run(['import-booklet', path.join(dir, 'none.txt'), '--event', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const help = await run(['import-booklet', '--help']);
    expect(help.stdout).toContain('passerelle import-booklet FILE --event SLUG [--dry-run]');
  }, 180_000);
});
