import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { DB } from '../db/types.ts';
import type { Lang } from '../i18n/i18n.ts';
import { original, setText, sourceLang, type Translatable } from '../i18n/translatable.ts';
import { regionOf } from '../places/regions.ts';
import { HttpError } from '../web/http-error.ts';
import { slugify, uniqueSlug } from '../web/slug.ts';
import type { ActivityInput } from './forms.ts';
import { uidFor } from './seed.ts';

/**
 * Back-office writes. The UID never changes; each change that a calendar shows (dates, tentative
 * flag, title, place) raises SEQUENCE and LAST-MODIFIED, so subscribers see an update of the same
 * event — a tentative date confirmed later replaces the draft instead of duplicating it.
 */
function columns(input: ActivityInput) {
  return {
    type: input.type,
    start_date: input.start_date,
    end_date: input.end_date,
    date_precision: input.precision,
    tentative: input.tentative,
    format: input.format,
    city: input.city || null,
    country: input.country || null,
    region: input.country ? regionOf(input.country) : null,
    venue: input.venue || null,
    participants: input.participants,
    registration_open: input.registration_open,
    capacity: input.capacity,
    waiting_list: input.waiting_list,
    registration_closes: input.registration_closes || null,
  };
}

export async function createActivity(db: Kysely<DB>, input: ActivityInput, lang: Lang, actorId: number): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const taken = async (candidate: string) => Boolean(await trx.selectFrom('activities').select('id').where('slug', '=', candidate).executeTakeFirst());
    if (input.slug && (await taken(input.slug))) throw new HttpError(409, 'error.bad_request', { slug: 'validation.act_slug_taken' });
    const slug = input.slug || (await uniqueSlug(slugify(input.title) || 'activity', taken));
    const { id } = await trx
      .insertInto('activities')
      .values({ slug, uid: uidFor(slug), title: JSON.stringify(original(lang, input.title)), summary: JSON.stringify(original(lang, input.summary)), ...columns(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: 'activity.create', entityType: 'activity', entityId: id, details: { slug } });
    return slug;
  });
}

function withText(field: Translatable, lang: Lang, text: string): Translatable {
  const source = sourceLang(field);
  return setText(field, lang, text, !source || source === lang ? 'original' : 'human');
}

export async function updateActivity(db: Kysely<DB>, slug: string, input: ActivityInput, lang: Lang, actorId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('activities').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst();
    if (!current) return false;
    const next = columns(input);
    const title = withText(current.title, lang, input.title);
    const summary = withText(current.summary, lang, input.summary);
    const visible =
      next.start_date !== current.start_date || next.end_date !== current.end_date || next.date_precision !== current.date_precision ||
      next.tentative !== current.tentative || next.city !== current.city || next.country !== current.country || next.venue !== current.venue ||
      JSON.stringify(title) !== JSON.stringify(current.title);
    await trx
      .updateTable('activities')
      .set({
        ...next,
        title: JSON.stringify(title),
        summary: JSON.stringify(summary),
        sequence: visible ? current.sequence + 1 : current.sequence,
        updated_at: new Date(),
      })
      .where('id', '=', current.id)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: 'activity.update',
      entityType: 'activity',
      entityId: current.id,
      details: { slug, from: { start: current.start_date, end: current.end_date, tentative: current.tentative }, to: { start: next.start_date, end: next.end_date, tentative: next.tentative } },
    });
    return true;
  });
}

export function adminActivityList(db: Kysely<DB>) {
  return db
    .selectFrom('activities')
    .select(['slug', 'title', 'type', 'start_date', 'end_date', 'date_precision', 'tentative', 'registration_open'])
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}
