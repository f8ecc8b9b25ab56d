import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import { can, type Actor } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { editTranslations, sourceLang, translated, type Translatable } from '../i18n/translatable.ts';
import { findOrCreateOrganisation } from '../organisations/domain.ts';
import { reindexSearch } from '../search/indexer.ts';
import { slugify, uniqueSlug } from '../web/slug.ts';
import { sha256Of, sizeOf, type UploadedFile } from '../web/uploads.ts';
import { putUpload } from '../storage/storage.ts';
import { isExtractable } from './extract-text.ts';
import { RESOURCE_TYPES, type ResourceInput } from './forms.ts';
import * as q from './queries.ts';
import { dateFormat } from '../i18n/formats.ts';

export { FACETS, type LibraryFilters } from './queries.ts';
export const EXTRACT_JOB = 'library.extract';

type Db = Kysely<DB>;
type Ctx = Pick<AppContext, 'db' | 'pageCache' | 'jobs'>;

/** Members-only resources exist only for accounts allowed to read them (member contacts and staff). */
export const seesMembersOnly = (user: Actor | null | undefined) => can(user, 'library.members');

/** A form or API problem with one field (message key), raised before anything is written. */
export class LibraryInputError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super('library input');
  }
}

export function cleanFilters(input: Partial<Record<q.FacetName, string[]>> & { q?: string }): q.LibraryFilters {
  // Control characters cannot be stored nor matched (PostgreSQL refuses NUL): they are dropped.
  const clean = (value: string) => value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const keep = (values: string[] | undefined) => [...new Set((values ?? []).map(clean).filter((v) => v.length > 0 && v.length <= 100))].slice(0, 30);
  return {
    type: keep(input.type),
    language: keep(input.language),
    year: keep(input.year).filter((value) => /^\d{4}$/.test(value)),
    theme: keep(input.theme),
    q: clean(input.q ?? '').slice(0, 200),
  };
}

export async function libraryListing(db: Db, filters: q.LibraryFilters, membersToo: boolean, page: { limit: number; offset: number }) {
  const [rows, total, facets] = await Promise.all([
    q.listResources(db, filters, membersToo, page),
    q.countResources(db, filters, membersToo),
    q.facetCounts(db, filters, membersToo),
  ]);
  const publishers = await q.publishersOf(db, rows.map((row) => row.id));
  return { rows, total, facets, publishers };
}

export function resourceRows(db: Db, filters: q.LibraryFilters, membersToo: boolean, page: { limit: number; offset: number }) {
  return Promise.all([q.listResources(db, filters, membersToo, page), q.countResources(db, filters, membersToo)]);
}

export async function resourceDetail(db: Db, slug: string, membersToo: boolean) {
  const resource = await q.resourceBySlug(db, slug);
  if (!resource || (resource.visibility === 'members' && !membersToo)) return null;
  const [files, publishers, related] = await Promise.all([q.filesOf(db, [resource.id]), q.publishersOf(db, [resource.id]), q.relatedOf(db, resource)]);
  return { resource, files, publishers, related };
}

/** Themes are the glossary's theme concepts, shared with initiatives, activities and the search. */
export { themeName } from '../search/glossary.ts';

/** A publication date in words at its precision: "2019", "July 2019", "23 July 2019". */
export function publishedInWords(on: string | null, precision: 'day' | 'month' | 'year', lang: Lang): string {
  if (!on) return '';
  const date = new Date(`${on}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    precision === 'year' ? { year: 'numeric' } : precision === 'month' ? { year: 'numeric', month: 'long' } : { year: 'numeric', month: 'long', day: 'numeric' };
  return dateFormat(lang, { ...options, timeZone: 'UTC' }).format(date);
}

/** The API's date: YYYY, YYYY-MM or YYYY-MM-DD, as much as is known. */
export function publishedForApi(on: string | null, precision: 'day' | 'month' | 'year'): string | null {
  if (!on) return null;
  return precision === 'year' ? on.slice(0, 4) : precision === 'month' ? on.slice(0, 7) : on;
}

export function isResourceType(value: string): boolean {
  return (RESOURCE_TYPES as readonly string[]).includes(value);
}

// ---- writes --------------------------------------------------------------------------------------

function newTexts(source: Lang, texts: ResourceInput['texts']) {
  const pickTexts = (key: 'title' | 'summary') => Object.fromEntries(LANGS.filter((lang) => texts[lang][key]).map((lang) => [lang, texts[lang][key]]));
  return {
    title: translated(source, pickTexts('title')),
    summary: texts[source].summary ? translated(source, pickTexts('summary')) : null,
  };
}


async function relatedIds(trx: Transaction<DB>, input: ResourceInput) {
  const ids = await q.idsOfRelated(trx, input);
  const errors: Record<string, string> = {};
  if (ids.activity === undefined) errors.activity = 'validation.library_unknown_activity';
  if (ids.member === undefined) errors.member = 'validation.library_unknown_member';
  if (ids.initiative === undefined) errors.initiative = 'validation.library_unknown_initiative';
  if (Object.keys(errors).length) throw new LibraryInputError(errors);
  return { activity_id: ids.activity ?? null, member_id: ids.member ?? null, initiative_id: ids.initiative ?? null };
}

function columns(input: ResourceInput) {
  return {
    type: input.type,
    visibility: input.visibility,
    languages: input.languages,
    published_on: input.published.on,
    date_precision: input.published.precision,
    authors: input.authors,
    themes: input.themes,
    external_url: input.externalUrl,
    updated_at: new Date(),
  };
}

async function setPublishers(trx: Transaction<DB>, resourceId: number, names: string[], lang: Lang) {
  await trx.deleteFrom('resource_publishers').where('resource_id', '=', resourceId).execute();
  for (const [position, name] of names.entries()) {
    const organisation = await findOrCreateOrganisation(trx, { name, lang });
    await trx.insertInto('resource_publishers').values({ resource_id: resourceId, organisation_id: organisation.id, position }).onConflict((oc) => oc.doNothing()).execute();
  }
}

export async function createResource(ctx: Ctx, actorId: number, input: ResourceInput): Promise<string> {
  const slug = await ctx.db.transaction().execute(async (trx) => {
    const taken = async (candidate: string) => Boolean(await trx.selectFrom('resources').select('id').where('slug', '=', candidate).executeTakeFirst());
    if (input.slug && (await taken(input.slug))) throw new LibraryInputError({ slug: 'validation.library_slug_taken' });
    const slug = input.slug || (await uniqueSlug(slugify(input.texts[input.originalLang].title), taken));
    const texts = newTexts(input.originalLang, input.texts);
    const { id } = await trx
      .insertInto('resources')
      .values({ slug, ...columns(input), ...(await relatedIds(trx, input)), title: JSON.stringify(texts.title), summary: texts.summary ? JSON.stringify(texts.summary) : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setPublishers(trx, id, input.publishers, input.originalLang);
    await recordAudit(trx, { actorId, action: 'library.resource.create', entityType: 'resource', entityId: id, details: { slug } });
    await reindexSearch(trx, 'resource', [id]);
    return slug;
  });
  await ctx.pageCache.invalidate();
  return slug;
}

/** Saves the metadata and texts of a resource; false when there is no such resource. */
export async function updateResource(ctx: Ctx, actorId: number, slug: string, input: ResourceInput): Promise<boolean> {
  const done = await ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('resources').select(['id', 'title', 'summary']).where('slug', '=', slug).forUpdate().executeTakeFirst();
    if (!current) return false;
    // The original language is fixed once written; the form's choice only matters at creation.
    const source = sourceLang(current.title) ?? input.originalLang;
    const pickTexts = (key: 'title' | 'summary') => Object.fromEntries(LANGS.map((lang) => [lang, input.texts[lang][key]])) as Record<Lang, string>;
    if (!input.texts[source].title) throw new LibraryInputError({ [`title_${source}`]: 'validation.required' });
    const title = editTranslations(current.title, source, pickTexts('title'))!;
    const summary = editTranslations(current.summary, source, pickTexts('summary'));
    await trx
      .updateTable('resources')
      .set({ ...columns(input), ...(await relatedIds(trx, input)), title: JSON.stringify(title), summary: summary ? JSON.stringify(summary) : null })
      .where('id', '=', current.id)
      .execute();
    await setPublishers(trx, current.id, input.publishers, source);
    await recordAudit(trx, { actorId, action: 'library.resource.update', entityType: 'resource', entityId: current.id, details: { slug } });
    await reindexSearch(trx, 'resource', [current.id]);
    return true;
  });
  if (done) await ctx.pageCache.invalidate();
  return done;
}

/**
 * Stores a file (already checked by content and size) and attaches it to a resource. The row, its
 * audit entry and its extraction job are written in one transaction: a pending file always has a job.
 */
export async function addFile(ctx: Ctx & Pick<AppContext, 'files'>, actorId: number, slug: string, file: UploadedFile, lang: Lang | null): Promise<boolean> {
  const resource = await ctx.db.selectFrom('resources').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!resource) return false;
  const sha256 = await sha256Of(file);
  const key = await putUpload(ctx.files, file);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const extractable = isExtractable(file.mime);
      const { id } = await trx
        .insertInto('resource_files')
        .values({
          resource_id: resource.id,
          file_key: key,
          file_name: file.fileName.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'file',
          mime: file.mime,
          size: sizeOf(file),
          lang,
          sha256,
          extraction: extractable ? 'pending' : 'none',
          uploaded_by: actorId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.updateTable('resources').set({ updated_at: new Date() }).where('id', '=', resource.id).execute();
      await recordAudit(trx, { actorId, action: 'library.file.add', entityType: 'resource', entityId: resource.id, details: { file: id, mime: file.mime } });
      await reindexSearch(trx, 'resource', [resource.id]);
      if (extractable) await ctx.jobs.send(EXTRACT_JOB, { fileId: id }, { trx });
    });
  } catch (error) {
    // Nothing refers to the stored bytes: remove them rather than leave an orphan.
    await ctx.files.delete(key);
    throw error;
  }
  await ctx.pageCache.invalidate();
  return true;
}

export async function deleteFile(ctx: Ctx & Pick<AppContext, 'files'>, actorId: number, slug: string, fileId: number): Promise<boolean> {
  const key = await ctx.db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('resource_files as f')
      .innerJoin('resources as r', 'r.id', 'f.resource_id')
      .select(['f.id', 'f.file_key', 'r.id as resource_id'])
      .where('r.slug', '=', slug)
      .where('f.id', '=', fileId)
      .forUpdate()
      .executeTakeFirst();
    if (!found) return null;
    await trx.deleteFrom('resource_files').where('id', '=', found.id).execute();
    await recordAudit(trx, { actorId, action: 'library.file.delete', entityType: 'resource', entityId: found.resource_id, details: { file: found.id } });
    await reindexSearch(trx, 'resource', [found.resource_id]);
    return found.file_key;
  });
  if (key === null) return false;
  // Deleted after the commit: a rolled-back transaction must not lose the bytes of a kept row.
  await ctx.files.delete(key);
  await ctx.pageCache.invalidate();
  return true;
}

/** A file's bytes for a reader who may see its resource, counting the download (not a HEAD); null otherwise. */
export async function downloadFile(ctx: Pick<AppContext, 'db' | 'files'>, id: number, membersToo: boolean, count = true) {
  const found = await q.fileById(ctx.db, id);
  if (!found || (found.visibility === 'members' && !membersToo)) return null;
  const content = await ctx.files.get(found.file_key);
  if (!content) return null;
  if (count) await q.countDownload(ctx.db, id);
  return { fileName: found.file_name, mime: found.mime, content, visibility: found.visibility };
}

export function adminResources(db: Db) {
  return q.allResourcesForAdmin(db);
}

export async function resourceForEditing(db: Db, slug: string) {
  const resource = await q.resourceBySlug(db, slug);
  if (!resource) return null;
  const [files, publishers, related] = await Promise.all([q.filesOf(db, [resource.id]), q.publishersOf(db, [resource.id]), q.slugsOfRelated(db, resource)]);
  return { resource, files, publishers, related };
}
