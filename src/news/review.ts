import type { Transaction } from 'kysely';
import { noticeStaff } from '../notices/domain.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { DB, NewsStatus } from '../db/types.ts';
import { translator, type Lang, isLang } from '../i18n/i18n.ts';
import { original, setText, sourceLang, textOf, type Translatable } from '../i18n/translatable.ts';
import { queueMail } from '../mail/outbox.ts';
import { reindexSearch } from '../search/indexer.ts';
import { HttpError, notFound } from '../web/http-error.ts';
import { slugify, uniqueSlug } from '../web/slug.ts';
import { imageInputOf, type UploadedFile } from '../web/uploads.ts';
import { putUpload } from '../storage/storage.ts';
import { deleteImage, removeFiles, storeImage, UnreadableImage } from '../images/domain.ts';
import type { LangTexts, NewsInput } from './forms.ts';
import { newsById, slugTaken, userContact } from './queries.ts';

/**
 * The editorial flow: a member or the working group submits news; editors accept it (it becomes a
 * public page), ask for changes (the submitter edits and resubmits) or decline it, each with a
 * comment the submitter receives by mail. Editors also write announcements, published at once.
 */
type Ctx = Pick<AppContext, 'db' | 'jobs' | 'config' | 'files' | 'pageCache'>;

/** Paths under /{lang}/news/ that are pages of their own, never a news item's slug. */
const RESERVED = new Set(['submit', 'mine', 'submissions', 'feed']);

async function newSlug(trx: Transaction<DB>, title: string): Promise<string> {
  let base = slugify(title);
  if (base === 'item' || RESERVED.has(base)) base = `news-${new Date().toISOString().slice(0, 10)}`;
  return uniqueSlug(base, (candidate) => slugTaken(trx, candidate));
}

const textOrEmpty = (lang: Lang, text: string): Translatable => (text ? original(lang, text) : {});

/**
 * The image converted into the sizes pages show with srcset (the upload itself is kept too, at its
 * old address). A picture the converter cannot read is refused with a 400 naming it.
 */
async function convertImage(ctx: Ctx, trx: Transaction<DB>, image: UploadedFile, alt: string, lang: Lang, userId: number, written: string[]): Promise<number> {
  try {
    const stored = await storeImage(ctx, trx, { input: imageInputOf(image), alt, altLang: lang, actorId: userId });
    written.push(...stored.keys);
    return stored.id;
  } catch (error) {
    if (error instanceof UnreadableImage) throw new HttpError(400, 'validation.image_unreadable', { image: 'validation.image_unreadable' });
    throw error;
  }
}

export async function createNews(
  ctx: Ctx,
  { input, image, userId, kind }: { input: NewsInput; image: UploadedFile | null; userId: number; kind: 'news' | 'announcement' },
): Promise<{ id: number; slug: string }> {
  const imageKey = image ? await putUpload(ctx.files, image) : null;
  const published = kind === 'announcement';
  const written: string[] = [];
  try {
    const created = await ctx.db.transaction().execute(async (trx) => {
      const slug = await newSlug(trx, input.title);
      const imageId = image ? await convertImage(ctx, trx, image, input.image_alt, input.lang, userId, written) : null;
      const row = await trx
        .insertInto('news_items')
        .values({
          slug,
          kind,
          title: JSON.stringify(original(input.lang, input.title)),
          summary: JSON.stringify(original(input.lang, input.summary)),
          body: JSON.stringify(textOrEmpty(input.lang, input.body)),
          image_key: imageKey,
          image_mime: image?.mime ?? null,
          image_id: imageId,
          image_alt: JSON.stringify(image ? textOrEmpty(input.lang, input.image_alt) : {}),
          link: input.link || null,
          source_lang: input.lang,
          status: published ? 'accepted' : 'submitted',
          published_at: published ? new Date() : null,
          submitted_by: userId,
        })
        .returning(['id', 'slug'])
        .executeTakeFirstOrThrow();
      await trx.insertInto('news_reviews').values({ news_id: row.id, reviewer_id: userId, action: published ? 'accepted' : 'submitted' }).execute();
      await recordAudit(trx, { actorId: userId, action: published ? 'news.announce' : 'news.submit', entityType: 'news', entityId: row.id });
      if (published) await reindexSearch(trx, 'news', [row.id]);
      else await noticeStaff(trx, ctx, 'news.contribution', { subject: input.title, path: `/admin/news/${row.id}` });
      return row;
    });
    if (published) await ctx.pageCache.invalidate();
    return created;
  } catch (error) {
    if (imageKey) await ctx.files.delete(imageKey);
    await removeFiles(ctx, written);
    throw error;
  }
}

/** The submitter's edit after editors asked for changes; it goes back to the editors' queue. */
export async function resubmitNews(ctx: Ctx, { id, userId, input, image }: { id: number; userId: number; input: NewsInput; image: UploadedFile | null }) {
  const imageKey = image ? await putUpload(ctx.files, image) : null;
  let replaced: string | null = null;
  let replacedImage: number | null = null;
  const written: string[] = [];
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const item = await newsById(trx, id, true);
      if (!item || item.submitted_by !== userId) throw notFound();
      if (item.status !== 'changes_requested') throw new HttpError(409, 'news.error.not_editable');
      const lang = item.source_lang as Lang;
      const imageId = image ? await convertImage(ctx, trx, image, input.image_alt, lang, userId, written) : null;
      if (imageId) replacedImage = item.image_id;
      const body = input.body ? setText(item.body, lang, input.body, 'original') : {};
      const alt = image || item.image_key ? (input.image_alt ? setText(item.image_alt, lang, input.image_alt, 'original') : {}) : {};
      replaced = imageKey ? item.image_key : null;
      await trx
        .updateTable('news_items')
        .set({
          title: JSON.stringify(setText(item.title, lang, input.title, 'original')),
          summary: JSON.stringify(setText(item.summary, lang, input.summary, 'original')),
          body: JSON.stringify(body),
          image_alt: JSON.stringify(alt),
          link: input.link || null,
          ...(imageKey ? { image_key: imageKey, image_mime: image!.mime, image_id: imageId } : {}),
          status: 'submitted',
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      await trx.insertInto('news_reviews').values({ news_id: id, reviewer_id: userId, action: 'resubmitted' }).execute();
      await recordAudit(trx, { actorId: userId, action: 'news.resubmit', entityType: 'news', entityId: id });
      await noticeStaff(trx, ctx, 'news.contribution', { subject: input.title, path: `/admin/news/${id}` });
    });
  } catch (error) {
    if (imageKey) await ctx.files.delete(imageKey);
    await removeFiles(ctx, written);
    throw error;
  }
  if (replaced) await ctx.files.delete(replaced);
  if (replacedImage) await deleteImage(ctx, replacedImage);
}

export type ReviewAction = 'accept' | 'request_changes' | 'decline' | 'comment';

const NEXT: Record<Exclude<ReviewAction, 'comment'>, { from: NewsStatus[]; to: NewsStatus; action: 'accepted' | 'changes_requested' | 'declined' }> = {
  accept: { from: ['submitted', 'changes_requested'], to: 'accepted', action: 'accepted' },
  request_changes: { from: ['submitted'], to: 'changes_requested', action: 'changes_requested' },
  decline: { from: ['submitted', 'changes_requested'], to: 'declined', action: 'declined' },
};

/** An editor's decision (or a plain comment). The submitter is told by mail, in their language, in the same transaction. */
export async function reviewNews(ctx: Ctx, { id, reviewerId, action, comment }: { id: number; reviewerId: number; action: ReviewAction; comment: string }) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const item = await newsById(trx, id, true);
    if (!item) throw notFound();
    if (action === 'comment') {
      await trx.insertInto('news_reviews').values({ news_id: id, reviewer_id: reviewerId, action: 'comment', comment }).execute();
      return { published: false };
    }
    const step = NEXT[action];
    if (!step.from.includes(item.status)) throw new HttpError(409, 'news.error.transition');
    await trx
      .updateTable('news_items')
      .set({ status: step.to, published_at: step.to === 'accepted' ? new Date() : null, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await trx.insertInto('news_reviews').values({ news_id: id, reviewer_id: reviewerId, action: step.action, comment }).execute();
    await recordAudit(trx, { actorId: reviewerId, action: `news.${step.action}`, entityType: 'news', entityId: id });
    if (item.submitted_by && item.submitted_by !== reviewerId) await mailSubmitter(trx, ctx, item, step.action, comment);
    await reindexSearch(trx, 'news', [id]);
    return { published: step.to === 'accepted' };
  });
  if (result.published) await ctx.pageCache.invalidate();
}

async function mailSubmitter(
  trx: Transaction<DB>,
  ctx: Ctx,
  item: { id: number; slug: string; title: Translatable; submitted_by: number | null },
  action: 'accepted' | 'changes_requested' | 'declined',
  comment: string,
) {
  const person = await userContact(trx, item.submitted_by!);
  if (!person) return;
  const lang: Lang = isLang(person.lang) ? person.lang : 'en';
  const t = translator(lang);
  const title = textOf(item.title, lang);
  const base = ctx.config.baseUrl.replace(/\/+$/, '');
  const link =
    action === 'accepted'
      ? t('news.mail.read', { url: `${base}/${lang}/news/${item.slug}` })
      : action === 'changes_requested'
        ? t('news.mail.edit', { url: `${base}/${lang}/news/submissions/${item.id}/edit` })
        : t('news.mail.mine', { url: `${base}/${lang}/news/mine` });
  await queueMail(trx, ctx.jobs, `news.${action}`, {
    to: person.email,
    // Titles cannot hold line breaks (refused on input), so the subject is one header line.
    subject: t(`news.mail.subject_${action}`, { title }),
    text: [t('news.mail.greeting', { name: person.name || person.email }), '', t(`news.mail.${action}`, { title }), ...(comment ? ['', t('news.mail.comment'), comment] : []), '', link].join('\n'),
  });
}

/** Texts in four languages at once, with each translation's status (see the activities' texts page). */
export async function saveNewsTexts(ctx: Ctx, { id, actorId, texts }: { id: number; actorId: number; texts: Record<Lang, LangTexts> }) {
  const published = await ctx.db.transaction().execute(async (trx) => {
    const item = await newsById(trx, id, true);
    if (!item) throw notFound();
    const source = (sourceLang(item.title) ?? item.source_lang) as Lang;
    const fields = { title: item.title, summary: item.summary, body: item.body, image_alt: item.image_alt };
    // The original first: changing it marks the translations outdated, unless they are saved again below.
    for (const name of ['title', 'summary', 'body', 'image_alt'] as const) {
      const text = texts[source][name];
      if (text) fields[name] = setText(fields[name], source, text, 'original');
      else if (name === 'body' || name === 'image_alt') fields[name] = {};
    }
    for (const [lang, entry] of Object.entries(texts) as [Lang, LangTexts][]) {
      if (lang === source) continue;
      for (const name of ['title', 'summary', 'body', 'image_alt'] as const) {
        const current = fields[name][lang];
        if (!entry[name] || !fields[name][source]) {
          const { [lang]: _removed, ...rest } = fields[name];
          fields[name] = rest;
        } else if (entry.status === 'outdated') {
          if (current?.text !== entry[name] || current.status !== 'outdated') fields[name] = { ...fields[name], [lang]: { text: entry[name], status: 'outdated', updatedAt: new Date().toISOString() } };
        } else if (current?.text !== entry[name] || current.status !== entry.status) {
          fields[name] = setText(fields[name], lang, entry[name], entry.status);
        }
      }
    }
    await trx
      .updateTable('news_items')
      .set({ title: JSON.stringify(fields.title), summary: JSON.stringify(fields.summary), body: JSON.stringify(fields.body), image_alt: JSON.stringify(fields.image_alt), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { actorId, action: 'news.texts', entityType: 'news', entityId: id });
    await reindexSearch(trx, 'news', [id]);
    return item.status === 'accepted';
  });
  if (published) await ctx.pageCache.invalidate();
}
