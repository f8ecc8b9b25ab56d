import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { isLang, translator } from '../i18n/i18n.ts';
import { queueMail } from '../mail/outbox.ts';
import { backup, verifyBackup } from './backup.ts';

/**
 * The nightly backup built into the server (BACKUP_DIR, BACKUP_TIME, BACKUP_KEEP): one backup file
 * written into the folder, verified, then the oldest beyond BACKUP_KEEP removed. Every run is
 * recorded in `backup_runs`; a failed one is mailed to every admin in their language.
 */
export const BACKUP_JOB = 'backups.scheduled';

type Ctx = Pick<AppContext, 'config' | 'db' | 'pool' | 'files' | 'jobs'>;

/** Only files named like this are ever pruned: nothing else an operator keeps in the folder. */
const BACKUP_NAME = /^passerelle-\d{8}T\d{6}Z\.tar\.gz$/;

/** The pg-boss schedule of the daily backup, or none when BACKUP_DIR is unset. */
export function backupSchedules(config: AppContext['config']): { name: string; cron: string }[] {
  if (!config.backupDir) return [];
  const [hours, minutes] = config.backupTime.split(':').map(Number);
  return [{ name: BACKUP_JOB, cron: `${minutes} ${hours} * * *` }];
}

/**
 * What the job runs. pg-boss keeps a schedule once made: after BACKUP_DIR is unset, the daily job
 * still fires and does nothing.
 */
export async function scheduledBackupJob(ctx: Ctx): Promise<void> {
  if (ctx.config.backupDir) await runScheduledBackup(ctx);
}

export interface BackupRun {
  id: number;
  started_at: Date;
  finished_at: Date | null;
  file: string | null;
  bytes: string | null;
  rows: string | null;
  files: number | null;
  error: string | null;
}

/** Runs one scheduled backup now. Never throws for a failed backup: the failure is recorded and mailed. */
export async function runScheduledBackup(ctx: Ctx, now = new Date()): Promise<BackupRun> {
  const dir = ctx.config.backupDir;
  if (!dir) throw new Error('BACKUP_DIR is not set');
  const { id } = await ctx.db.insertInto('backup_runs').values({ started_at: now }).returning('id').executeTakeFirstOrThrow();
  const file = path.join(dir, `passerelle-${now.toISOString().replace(/[-:]|\.\d+/g, '')}.tar.gz`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await backup(ctx.pool, ctx.files, file);
    // Read back before anything old goes: a backup that does not verify must not replace good ones.
    const checked = await verifyBackup(file);
    const { size } = await fs.stat(file);
    await pruneOldBackups(dir, ctx.config.backupKeep, path.basename(file));
    return await ctx.db
      .updateTable('backup_runs')
      .set({ finished_at: new Date(), file, bytes: size, rows: checked.rows, files: checked.files })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    await fs.rm(file, { force: true }).catch(() => {});
    const message = ((error as Error).message || String(error)).slice(0, 1000);
    return await ctx.db.transaction().execute(async (trx) => {
      const run = await trx
        .updateTable('backup_runs')
        .set({ finished_at: new Date(), file: null, error: message })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const admins = await trx
        .selectFrom('users')
        .select(['email', 'name', 'lang'])
        .where(sql<boolean>`'admin' = ANY(roles)`)
        .where('disabled_at', 'is', null)
        .execute();
      for (const admin of admins) {
        const lang = isLang(admin.lang) ? admin.lang : 'en';
        const t = translator(lang);
        await queueMail(trx, ctx.jobs, 'backup.failed', {
          to: admin.email,
          subject: t('backup.mail.subject'),
          text: [
            t('backup.mail.greeting', { name: admin.name || admin.email }),
            '',
            t('backup.mail.body', { time: formatTime(now), dir }),
            '',
            message,
            '',
            t('backup.mail.dashboard', { url: `${ctx.config.baseUrl}/${lang}/admin` }),
          ].join('\n'),
        });
      }
      return run;
    });
  }
}

/** Removes the oldest scheduled backups so that `keep` remain, never the one just written. */
async function pruneOldBackups(dir: string, keep: number, newest: string): Promise<void> {
  // The names sort by time: the timestamp is fixed-width UTC.
  const names = (await fs.readdir(dir)).filter((name) => BACKUP_NAME.test(name)).sort().reverse();
  for (const name of names.slice(keep)) if (name !== newest) await fs.rm(path.join(dir, name), { force: true });
}

/** The last run, and whether the dashboard should warn: last one failed, or none succeeded in 2 days. */
export async function backupStatus(ctx: Pick<AppContext, 'db' | 'config'>, now = new Date()): Promise<{ enabled: boolean; last: BackupRun | null; warn: boolean }> {
  const last = (await ctx.db.selectFrom('backup_runs').selectAll().where('finished_at', 'is not', null).orderBy('id', 'desc').limit(1).executeTakeFirst()) ?? null;
  const since = new Date(now.getTime() - 2 * 24 * 3600 * 1000);
  const recent = await ctx.db.selectFrom('backup_runs').select('id').where('error', 'is', null).where('finished_at', 'is not', null).where('started_at', '>=', since).limit(1).executeTakeFirst();
  const enabled = Boolean(ctx.config.backupDir);
  return { enabled, last, warn: (enabled || last !== null) && (last?.error != null || !recent) };
}

/** A moment the same in every language: the backups run on UTC. */
export function formatTime(value: Date): string {
  return `${value.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
