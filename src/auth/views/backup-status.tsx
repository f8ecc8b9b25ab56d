import { formatTime, type backupStatus } from '../../db/scheduled-backup.ts';
import { formatSize } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';

export type BackupStatus = Awaited<ReturnType<typeof backupStatus>>;

/** The dashboard's backup section: the last scheduled run, and a warning when backups stopped working. */
export function BackupStatusSection({ ctx, status }: { ctx: PageContext; status: BackupStatus }) {
  const { t } = ctx;
  const { enabled, last, warn } = status;
  return (
    <section aria-labelledby="backups-heading">
      <h2 id="backups-heading">{t('admin.backup.title')}</h2>
      {!enabled && <p>{t('admin.backup.off')}</p>}
      {last === null && enabled && <p>{t('admin.backup.none')}</p>}
      {last && last.error === null && (
        <p>
          {t('admin.backup.ok', {
            time: formatTime(last.started_at),
            file: last.file?.split(/[\\/]/).pop() ?? '',
            size: formatSize(ctx, Number(last.bytes ?? 0)),
            rows: Number(last.rows ?? 0),
            files: last.files ?? 0,
          })}
        </p>
      )}
      {last && last.error !== null && (
        <p class="content-notice" role="alert">
          {t('admin.backup.failed', { time: formatTime(last.started_at), error: last.error })}
        </p>
      )}
      {warn && (last === null || last.error === null) && (
        <p class="content-notice" role="alert">
          {t('admin.backup.stale')}
        </p>
      )}
      {warn && last !== null && last.error !== null && <p>{t('admin.backup.stale')}</p>}
    </section>
  );
}

