import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../auth/accounts.ts';
import { loadConfig } from '../config.ts';
import { createTestApp, createUser, signIn, type TestApp } from '../../test/helpers.ts';
import { verifyBackup } from './backup.ts';
import { backupSchedules, formatTime, runScheduledBackup, scheduledBackupJob } from './scheduled-backup.ts';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-scheduled-'));
  t = await createTestApp({ backupDir: path.join(dir, 'backups'), backupKeep: 2 });
  await createUser(t.app, 'ops-admin@example.org', ['admin']);
  await addUser(t.app.ctx.db, { email: 'admin-fr@example.org', name: 'Camille', roles: ['admin'], lang: 'fr', password: 'correct horse battery' }, null);
  await createUser(t.app, 'just-an-editor@example.org', ['editor']);
});
afterAll(async () => {
  await t?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the backup settings', () => {
  it('turn BACKUP_TIME into a daily cron schedule, and none without BACKUP_DIR', () => {
    expect(backupSchedules(loadConfig({ BACKUP_DIR: dir, BACKUP_TIME: '04:35' }))).toEqual([{ name: 'backups.scheduled', cron: '35 4 * * *' }]);
    expect(backupSchedules(loadConfig({ BACKUP_DIR: dir }))).toEqual([{ name: 'backups.scheduled', cron: '0 3 * * *' }]);
    expect(backupSchedules(loadConfig({}))).toEqual([]);
    expect(loadConfig({}).backupKeep).toBe(7);
  });

  it('refuse a time or a count that makes no sense, naming the variable', () => {
    expect(() => loadConfig({ BACKUP_TIME: '25:00' })).toThrow(/BACKUP_TIME/);
    expect(() => loadConfig({ BACKUP_TIME: '3h' })).toThrow(/BACKUP_TIME/);
    expect(() => loadConfig({ BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP/);
    expect(() => loadConfig({ BACKUP_KEEP: 'many' })).toThrow(/BACKUP_KEEP/);
  });
});

describe('a scheduled backup', () => {
  it('does nothing once BACKUP_DIR is unset (pg-boss keeps a schedule once made)', async () => {
    await scheduledBackupJob({ ...t.app.ctx, config: { ...t.app.ctx.config, backupDir: undefined } });
    expect(await t.app.ctx.db.selectFrom('backup_runs').select('id').execute()).toHaveLength(0);
  });

  it('writes a file that verifies, records the run and keeps only the newest BACKUP_KEEP', async () => {
    const folder = path.join(dir, 'backups');
    await fs.mkdir(folder, { recursive: true });
    // Something of the operator's in the same folder is never pruned.
    await fs.writeFile(path.join(folder, 'notes.txt'), 'keep me');
    const times = ['2026-11-28T03:00:00Z', '2026-11-29T03:00:00Z', '2026-11-30T03:00:00Z'].map((v) => new Date(v));
    const runs = [];
    for (const now of times) runs.push(await runScheduledBackup(t.app.ctx, now));

    for (const run of runs) expect(run.error).toBeNull();
    expect((await fs.readdir(folder)).sort()).toEqual(['notes.txt', 'passerelle-20261129T030000Z.tar.gz', 'passerelle-20261130T030000Z.tar.gz']);
    const last = runs[2]!;
    expect(last.file).toBe(path.join(folder, 'passerelle-20261130T030000Z.tar.gz'));
    const checked = await verifyBackup(last.file!);
    expect(Number(last.rows)).toBe(checked.rows);
    expect(checked.rows).toBeGreaterThan(0);
    expect(last.files).toBe(checked.files);
    expect(Number(last.bytes)).toBe((await fs.stat(last.file!)).size);
    expect(last.finished_at).not.toBeNull();
  });

  it('the dashboard shows the last outcome to an admin, in their language', async () => {
    const admin = await signIn(t.app, 'ops-admin@example.org');
    const en = await admin.get('/en/admin');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Last backup: 2026-11-30 03:00 UTC, passerelle-20261130T030000Z.tar.gz');
    const fr = await admin.get('/fr/admin');
    expect(fr.body).toContain('Dernière sauvegarde : 2026-11-30 03:00 UTC');
    // The runs recorded are days old for the real clock: the dashboard warns nothing succeeded lately.
    expect(en.body).toContain('no backup has succeeded in the last two days');
    // An editor reaches the dashboard but not the operations details.
    const editor = await signIn(t.app, 'just-an-editor@example.org');
    const seen = await editor.get('/en/admin');
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('passerelle-20261130T030000Z');
  });

  it('a recent success raises no warning', async () => {
    const run = await runScheduledBackup(t.app.ctx);
    expect(run.error).toBeNull();
    const page = await (await signIn(t.app, 'ops-admin@example.org')).get('/ko/admin');
    expect(page.body).toContain('마지막 백업');
    expect(page.body).not.toContain('최근 이틀 동안 성공한 백업이 없습니다');
    expect((await fs.readdir(path.join(dir, 'backups'))).filter((n) => n.endsWith('.tar.gz'))).toHaveLength(2);
  });

  it('that fails records the error, keeps the earlier backups and mails every admin in their language', async () => {
    const folder = path.join(dir, 'backups');
    const before = (await fs.readdir(folder)).sort();
    const blocker = path.join(dir, 'a-regular-file');
    await fs.writeFile(blocker, 'not a folder');
    const mailsBefore = await t.app.ctx.db.selectFrom('outgoing_mail').select('id').where('purpose', '=', 'backup.failed').execute();
    expect(mailsBefore).toHaveLength(0);

    const ctx = { ...t.app.ctx, config: { ...t.app.ctx.config, backupDir: path.join(blocker, 'backups') } };
    const run = await runScheduledBackup(ctx);
    const when = formatTime(run.started_at);
    expect(run.error).toMatch(/ENOTDIR|not a directory/);
    expect(run.file).toBeNull();
    expect(run.finished_at).not.toBeNull();
    expect((await fs.readdir(folder)).sort()).toEqual(before);

    const admins = await t.app.ctx.db.selectFrom('users').select(['email', 'lang']).where(sql<boolean>`'admin' = ANY(roles)`).where('disabled_at', 'is', null).execute();
    expect(admins.map((a) => a.email)).toEqual(expect.arrayContaining(['ops-admin@example.org', 'admin-fr@example.org']));
    const mails = await t.app.ctx.db.selectFrom('outgoing_mail').selectAll().where('purpose', '=', 'backup.failed').execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(mails.map((m) => m.to_address)).not.toContain('just-an-editor@example.org');
    const french = mails.find((m) => m.to_address === 'admin-fr@example.org')!;
    expect(french.subject).toBe('Passerelle : la sauvegarde programmée a échoué');
    expect(french.text_body).toContain('Bonjour Camille');
    expect(french.text_body).toContain(when);
    expect(french.text_body).toContain('http://passerelle.test/fr/admin');
    expect(mails.find((m) => m.to_address === 'ops-admin@example.org')!.subject).toBe('Passerelle: the scheduled backup failed');
    // Each mail is a queued delivery job, sent by the worker.
    const jobs = await t.app.ctx.jobs.drain(['mail.deliver']);
    expect(jobs).toBe(mails.length);

    const page = await (await signIn(t.app, 'ops-admin@example.org')).get('/es/admin');
    expect(page.body).toContain(`La última copia de seguridad, del ${when}, ha fallado`);
    expect(page.body).toMatch(/role="alert"[^>]*>[^<]*La última copia/);
  });
});
