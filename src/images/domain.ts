import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import type { DB, ImageFormat } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { original, pick, type Translatable } from '../i18n/translatable.ts';
import { makeVariants } from './process.ts';

export { UnreadableImage } from './process.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface ImageSource {
  format: ImageFormat;
  width: number;
}

/** What a page needs to show an image: its sizes and formats, and its alt text in the reader's language. */
export interface ImageView {
  id: number;
  width: number;
  height: number;
  alt: Translatable;
  sources: ImageSource[];
}

export interface NewImage {
  /** The upload's bytes, or the path of the file holding them (see imageInputOf in web/uploads.ts). */
  input: Buffer | string;
  alt: string;
  altLang: Lang;
  actorId: number | null;
}

/**
 * Converts an upload and stores every size and format (files first, then the rows in the caller's
 * transaction). Returns the new image's id and the keys written, so the caller can remove them
 * should its transaction fail (the sweep would otherwise delete them an hour later).
 */
export async function storeImage(ctx: Pick<AppContext, 'files'>, trx: Db, image: NewImage): Promise<{ id: number; keys: string[] }> {
  const processed = await makeVariants(image.input);
  const keys: string[] = [];
  try {
    for (const variant of processed.variants) keys.push(await ctx.files.put(variant.content));
    const row = await trx
      .insertInto('images')
      .values({ width: processed.width, height: processed.height, alt: JSON.stringify(original(image.altLang, image.alt)), created_by: image.actorId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('image_variants')
      .values(processed.variants.map((variant, index) => ({
        image_id: row.id,
        format: variant.format,
        width: variant.width,
        height: variant.height,
        bytes: variant.content.length,
        file_key: keys[index]!,
      })))
      .execute();
    return { id: row.id, keys };
  } catch (error) {
    await removeFiles(ctx, keys);
    throw error;
  }
}

/** Deletes an image no row uses any more (after the commit that replaced it): its rows, then its files. */
export async function deleteImage(ctx: Pick<AppContext, 'files' | 'db'>, id: number): Promise<void> {
  const variants = await ctx.db.deleteFrom('image_variants').where('image_id', '=', id).returning('file_key').execute();
  await ctx.db.deleteFrom('images').where('id', '=', id).execute();
  await removeFiles(ctx, variants.map((variant) => variant.file_key));
}

export async function removeFiles(ctx: Pick<AppContext, 'files'>, keys: string[]): Promise<void> {
  for (const key of keys) await ctx.files.delete(key).catch(() => {});
}

/** The images of a page in one query, whatever their number. */
export async function loadImages(db: Db, ids: (number | null | undefined)[]): Promise<Map<number, ImageView>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  const found = new Map<number, ImageView>();
  if (wanted.length === 0) return found;
  const rows = await db
    .selectFrom('images')
    .innerJoin('image_variants', 'image_variants.image_id', 'images.id')
    .select(['images.id', 'images.width', 'images.height', 'images.alt', 'image_variants.format', 'image_variants.width as variant_width'])
    .where('images.id', 'in', wanted)
    .orderBy('images.id')
    .orderBy('image_variants.width')
    .execute();
  for (const row of rows) {
    const image = found.get(row.id) ?? { id: row.id, width: row.width, height: row.height, alt: row.alt, sources: [] };
    image.sources.push({ format: row.format, width: row.variant_width });
    found.set(row.id, image);
  }
  return found;
}

export function altOf(image: ImageView, lang: Lang): string {
  return pick(image.alt, lang)?.text ?? '';
}

/** A variant's public address: ids are never reused and a variant never changes, so it is cached for good. */
export function variantUrl(id: number, source: ImageSource): string {
  return `/media/images/${id}/${source.width}.${source.format === 'jpeg' ? 'jpg' : source.format}`;
}

export async function variantFile(db: Kysely<DB>, id: number, width: number, format: ImageFormat) {
  return db
    .selectFrom('image_variants')
    .select(['file_key', 'format'])
    .where('image_id', '=', id)
    .where('width', '=', width)
    .where('format', '=', format)
    .executeTakeFirst();
}
