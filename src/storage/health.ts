import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context.ts';
import { unavailableError } from '../web/unavailable.ts';

/** What the back-office says about file storage: nothing, little space left, full, or not writable. */
export type StorageProblem = 'admin.storage_low' | 'admin.storage_full' | 'admin.storage_unwritable' | null;

const LOW_SPACE = 0.05;

/**
 * Writes and removes a tiny file (a real write, so a read-only mount, a missing permission or an
 * unreachable bucket shows), and on local disk also looks at the free space left.
 */
export async function checkFileStorage(ctx: Pick<AppContext, 'files' | 'config'>): Promise<StorageProblem> {
  try {
    const key = await ctx.files.put(Buffer.from('storage probe'));
    await ctx.files.delete(key);
  } catch (error) {
    const mapped = unavailableError(error);
    if (mapped?.status === 507) return 'admin.storage_full';
    return 'admin.storage_unwritable';
  }
  if (ctx.config.fileStorageUrl) return null;
  const stats = await fs.statfs(path.join(ctx.config.dataDir, 'files')).catch(() => null);
  if (stats && stats.blocks > 0 && stats.bavail / stats.blocks < LOW_SPACE) return 'admin.storage_low';
  return null;
}
