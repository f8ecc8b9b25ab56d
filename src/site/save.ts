import type { AppContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { deleteImage, removeFiles, storeImage } from '../images/domain.ts';
import type { ImageUpload } from '../images/upload.ts';
import type { Lang } from '../i18n/langs.ts';
import type { SiteSettingsInput } from './forms.ts';

type Ctx = Pick<AppContext, 'db' | 'files' | 'pageCache'>;

/**
 * Saves the site's settings, with a new logo when one is given (converted, stored, then the old
 * one removed after the commit), and clears every instance's page cache so each page is drawn
 * again with them.
 */
export async function saveSiteSettings(ctx: Ctx, actor: { id: number; lang: Lang }, input: SiteSettingsInput, logo: ImageUpload | null): Promise<void> {
  let written: string[] = [];
  let replaced: number | null = null;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('site_settings').select('logo_image_id').where('id', '=', 1).forUpdate().executeTakeFirst();
      let logoId = input.remove_logo ? null : before?.logo_image_id ?? null;
      if (logo) {
        const stored = await storeImage(ctx, trx, { input: logo.input, alt: logo.alt, altLang: actor.lang, actorId: actor.id });
        written = stored.keys;
        logoId = stored.id;
      }
      if (before?.logo_image_id && before.logo_image_id !== logoId) replaced = before.logo_image_id;
      const values = {
        short_name: input.short_name,
        brand_colour: input.brand_colour,
        accent_colour: input.accent_colour,
        logo_image_id: logoId,
        updated_by: actor.id,
        updated_at: new Date(),
      };
      await trx.insertInto('site_settings').values({ id: 1, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'site.settings',
        entityType: 'site_settings',
        entityId: 1,
        details: { short_name: input.short_name, brand_colour: input.brand_colour, accent_colour: input.accent_colour, logo: logoId },
      });
    });
  } catch (error) {
    await removeFiles(ctx, written);
    throw error;
  }
  if (replaced) await deleteImage(ctx, replaced);
  await ctx.pageCache.invalidate();
}
