import { mkdirSync, utimesSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { SWEEP_JOB } from '../storage/sweep.ts';
import { incomingDir, makeRequestFolder, sweepIncoming } from './incoming.ts';

const exists = (file: string) => fs.stat(file).then(() => true, () => false);

/** A request folder with one received file, dated `minutesAgo` as if left by a request of then. */
async function requestFolder(dataDir: string, minutesAgo: number): Promise<string> {
  const folder = await makeRequestFolder(dataDir);
  await fs.writeFile(path.join(folder, '0'), 'received bytes');
  const then = new Date(Date.now() - minutesAgo * 60_000);
  await fs.utimes(path.join(folder, '0'), then, then);
  await fs.utimes(folder, then, then);
  return folder;
}

describe('the sweep of uploads’ request folders', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-incoming-'));
  });
  afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

  it('removes a folder nothing was written to for an hour, keeps a fresh one (a request in progress)', async () => {
    const abandoned = await requestFolder(dataDir, 90);
    const inProgress = await requestFolder(dataDir, 0);
    expect(await sweepIncoming(dataDir)).toBe(1);
    expect(await exists(abandoned)).toBe(false);
    expect(await exists(inProgress)).toBe(true);
    expect(await fs.readdir(incomingDir(dataDir))).toEqual([path.basename(inProgress)]);
  });

  it('keeps an old folder whose file is still being written (a slow sender)', async () => {
    const slow = await requestFolder(dataDir, 90);
    await fs.appendFile(path.join(slow, '0'), ' and more');
    expect(await sweepIncoming(dataDir)).toBe(0);
    expect(await exists(slow)).toBe(true);
  });

  it('does nothing when no upload was ever received', async () => {
    expect(await sweepIncoming(path.join(dataDir, 'never-used'))).toBe(0);
  });
});

describe('when the sweep runs', () => {
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  it('at start and with the hourly files.sweep job', async () => {
    const left = 'request-left-by-a-killed-process';
    let leftPath = '';
    t = await createTestApp({}, (app) => {
      // Before the app is ready (extend runs just before app.ready()): what a killed process left.
      leftPath = path.join(incomingDir(app.ctx.config.dataDir), left);
      mkdirSync(leftPath, { recursive: true });
      const then = new Date(Date.now() - 120 * 60_000);
      utimesSync(leftPath, then, then);
    });
    expect(await exists(leftPath)).toBe(false);
    const again = await requestFolder(t.config.dataDir, 120);
    const fresh = await requestFolder(t.config.dataDir, 1);
    await t.app.ctx.jobs.send(SWEEP_JOB, {});
    expect(await t.app.ctx.jobs.drain([SWEEP_JOB])).toBe(1);
    expect(await exists(again)).toBe(false);
    expect(await exists(fresh)).toBe(true);
  });
});
