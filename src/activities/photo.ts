import type { AppContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { deleteImage, removeFiles, storeImage } from '../images/domain.ts';
import type { ImageUpload } from '../images/upload.ts';
import type { Lang } from '../i18n/langs.ts';

/**
 * Sets (or removes) an activity's photo: converted and stored, the row updated in one transaction,
 * the replaced photo's files removed after the commit, the page cache cleared.
 */
export async function setActivityPhoto(
  ctx: Pick<AppContext, 'db' | 'files' | 'pageCache'>,
  { activityId, actor, upload, remove }: { activityId: number; actor: { id: number; lang: Lang }; upload: ImageUpload | null; remove: boolean },
): Promise<void> {
  let written: string[] = [];
  let replaced: number | null = null;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('activities').select('photo_image_id').where('id', '=', activityId).forUpdate().executeTakeFirstOrThrow();
      let photoId = remove ? null : row.photo_image_id;
      if (upload) {
        const stored = await storeImage(ctx, trx, { input: upload.input, alt: upload.alt, altLang: actor.lang, actorId: actor.id });
        written = stored.keys;
        photoId = stored.id;
      }
      if (row.photo_image_id && row.photo_image_id !== photoId) replaced = row.photo_image_id;
      await trx.updateTable('activities').set({ photo_image_id: photoId, updated_at: new Date() }).where('id', '=', activityId).execute();
      await recordAudit(trx, { actorId: actor.id, action: 'activity.photo', entityType: 'activity', entityId: activityId, details: { photo: photoId } });
    });
  } catch (error) {
    await removeFiles(ctx, written);
    throw error;
  }
  if (replaced) await deleteImage(ctx, replaced);
  await ctx.pageCache.invalidate();
}
