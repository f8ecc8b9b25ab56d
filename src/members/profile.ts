import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { setText, sourceLang, type Translatable } from '../i18n/translatable.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import { deleteImage, removeFiles, storeImage } from '../images/domain.ts';
import type { Lang } from '../i18n/langs.ts';
import { imageInputOf, type UploadedFile } from '../web/uploads.ts';
import { putUpload } from '../storage/storage.ts';
import { reindexSearch } from '../search/indexer.ts';
import type { ProfileInput } from './forms.ts';
import { findMember, findMemberById, updateMember } from './queries.ts';

type Ctx = Pick<AppContext, 'db' | 'files' | 'pageCache'>;

/** A new logo: the file as uploaded, and its alt text in the editor's language. */
export interface LogoUpload {
  file: UploadedFile;
  alt: string;
  lang: Lang;
}

/**
 * Updates a member's description (one language at a time), private contacts and logo. The logo is
 * kept as uploaded (its old address) and converted into the sizes pages show with srcset.
 */
export async function updateMemberProfile(ctx: Ctx, memberId: number, actorId: number, input: ProfileInput, logo: LogoUpload | null) {
  const logoKey = logo ? await putUpload(ctx.files, logo.file) : null;
  let replaced: string | null = null;
  let replacedImage: number | null = null;
  let written: string[] = [];
  try {
    await saveProfile(ctx, memberId, actorId, input, logoKey, async (trx, previous) => {
      replaced = previous.logo_key;
      replacedImage = previous.logo_image_id;
      const stored = await storeImage(ctx, trx, { input: imageInputOf(logo!.file), alt: logo!.alt, altLang: logo!.lang, actorId });
      written = stored.keys;
      return stored.id;
    });
  } catch (error) {
    // The new logo is referred to by nothing: remove it rather than leave an orphan.
    if (logoKey) await ctx.files.delete(logoKey).catch(() => {});
    await removeFiles(ctx, written);
    throw error;
  }
  // The old logo goes after the commit (a rollback keeps it referenced).
  if (replaced) await ctx.files.delete(replaced).catch(() => {});
  if (replacedImage) await deleteImage(ctx, replacedImage);
  await ctx.pageCache.invalidate();
}

type Previous = { logo_key: string | null; logo_image_id: number | null };

async function saveProfile(ctx: Ctx, memberId: number, actorId: number, input: ProfileInput, logoKey: string | null, convert: (trx: Transaction<DB>, previous: Previous) => Promise<number>) {
  await ctx.db.transaction().execute(async (trx) => {
    const member = await findMemberById(trx, memberId);
    if (!member) throw new Error('member not found');
    let logoImageId: number | null = null;
    if (logoKey) {
      const previous = await trx.selectFrom('members').select(['logo_key', 'logo_image_id']).where('id', '=', memberId).forUpdate().executeTakeFirstOrThrow();
      logoImageId = await convert(trx, previous);
    }
    let description: Translatable | null = member.description;
    if (input.description) {
      const source = description ? sourceLang(description) : undefined;
      description = setText(description ?? {}, input.description_lang, input.description, !source || source === input.description_lang ? 'original' : 'human');
    }
    await updateMember(trx, memberId, {
      description: description ? JSON.stringify(description) : null,
      contacts: JSON.stringify({
        focal: { name: input.focal_name, email: input.focal_email, phone: input.focal_phone },
        head: { name: input.head_name, title: input.head_title },
        general: { email: input.general_email },
      }),
      ...(logoKey ? { logo_key: logoKey, logo_image_id: logoImageId } : {}),
    });
    await reindexSearch(trx, 'member', [memberId]);
    await recordAudit(trx, { actorId, action: 'member.profile', entityType: 'member', entityId: memberId, details: { logo: Boolean(logoKey) } });
  });
}

/** A member's logo, for everyone: the image was checked by content when it was uploaded. */
export async function memberLogo(ctx: Ctx, slug: string) {
  const member = await findMember(ctx.db, slug);
  if (!member?.logo_key) return null;
  const content = await ctx.files.get(member.logo_key);
  if (!content) return null;
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(content);
  return { content, mime: type?.mime ?? 'application/octet-stream' };
}
