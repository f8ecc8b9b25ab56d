import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types.ts';
import { translator } from '../i18n/i18n.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import type { Translatable } from '../i18n/translatable.ts';
import { countryName } from '../places/countries.ts';
import { regionOf } from '../places/regions.ts';
import type { SearchDocument, SearchSource } from '../search/types.ts';
import { dateFormat } from '../i18n/formats.ts';

type Executor = Kysely<DB> | Transaction<DB>;

const today = () => new Date().toISOString().slice(0, 10);
const text = (value: string): Translatable[Lang] => ({ text: value, status: 'original', updatedAt: '' });

/**
 * People holding a current seat in a governing body, as the governance page shows them: found by
 * name, and by the body and role they sit in ("Advisor, International advisors"), in every language
 * the body is named in. A person whose last seat ended leaves the index when it is reindexed.
 */
export const personSearchSource: SearchSource = {
  kind: 'person',
  async load(db: Executor, ids?: number[]): Promise<SearchDocument[]> {
    let query = db
      .selectFrom('people as p')
      .innerJoin('mandates as m', 'm.person_id', 'p.id')
      .innerJoin('bodies as b', 'b.id', 'm.body_id')
      .select(['p.id', 'p.slug', 'p.name', 'p.title', 'm.role', 'm.region', 'm.starts_on', 'b.name as body_name'])
      .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', today())]))
      .orderBy('p.id').orderBy('m.starts_on', 'desc');
    if (ids) query = query.where('p.id', 'in', ids.length ? ids : [0]);
    const rows = await query.execute();
    const byPerson = new Map<number, typeof rows>();
    for (const row of rows) byPerson.set(row.id, [...(byPerson.get(row.id) ?? []), row]);
    return [...byPerson.values()].map((seats): SearchDocument => {
      const person = seats[0]!;
      const title: Translatable = {};
      const summary: Translatable = {};
      for (const lang of LANGS) {
        const t = translator(lang);
        const seatLines = seats.flatMap((seat) => {
          const body = (seat.body_name as Translatable)[lang]?.text;
          return body ? [`${t(`governance.role.${seat.role}`)}, ${body}`] : [];
        });
        if (!seatLines.length) continue;
        title[lang] = text(person.name);
        const personTitle = (person.title as Translatable | null)?.[lang]?.text;
        summary[lang] = text([personTitle, ...seatLines].filter(Boolean).join(' · '));
      }
      return {
        kind: 'person',
        sourceId: person.id,
        slug: person.slug,
        path: `/governance#person-${person.slug}`,
        title,
        summary,
        bodies: [],
        names: [person.name],
        date: person.starts_on,
        region: seats.find((seat) => seat.region)?.region ?? null,
        themes: [],
        visibility: 'public',
      };
    });
  },
};

/** The day, or only the month when the meeting was planned for a week or a month (as the page says it). */
function when(day: string, precision: 'day' | 'week' | 'month', lang: Lang): string {
  if (precision === 'day') return translator(lang).date(day, 'long');
  return dateFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * Published meetings of the governing bodies, with their public part only: the body, the date and
 * place, the agenda, and the summary once it is published (never the minutes).
 */
export const meetingSearchSource: SearchSource = {
  kind: 'meeting',
  async load(db: Executor, ids?: number[]): Promise<SearchDocument[]> {
    let query = db
      .selectFrom('meetings as mt')
      .innerJoin('bodies as b', 'b.id', 'mt.body_id')
      .select(['mt.id', 'mt.slug', 'mt.starts_on', 'mt.date_precision', 'mt.city', 'mt.country', 'b.name as body_name',
        sql<Translatable | null>`CASE WHEN mt.summary_published THEN mt.summary END`.as('summary'),
        sql<Translatable[]>`coalesce((SELECT jsonb_agg(a.title ORDER BY a.position) FROM meeting_agenda_items a WHERE a.meeting_id = mt.id), '[]'::jsonb)`.as('agenda')])
      .where('mt.published', '=', true);
    if (ids) query = query.where('mt.id', 'in', ids.length ? ids : [0]);
    const rows = await query.execute();
    return rows.map((row): SearchDocument => {
      const title: Translatable = {};
      for (const lang of LANGS) {
        const body = (row.body_name as Translatable)[lang]?.text;
        if (!body) continue;
        const place = row.city ? `, ${row.city}${row.country ? ` (${countryName(row.country, lang)})` : ''}` : '';
        title[lang] = text(`${body}: ${when(row.starts_on, row.date_precision, lang)}${place}`);
      }
      const bodies = row.agenda.flatMap((item) => Object.entries(item).map(([lang, entry]) => ({ lang: lang as Lang, text: entry?.text ?? '' })));
      return {
        kind: 'meeting',
        sourceId: row.id,
        slug: row.slug,
        path: `/governance#${row.slug}`,
        title,
        summary: row.summary ?? {},
        bodies,
        names: row.city ? [row.city] : [],
        date: row.starts_on,
        region: row.country ? (regionOf(row.country) ?? null) : null,
        themes: [],
        visibility: 'public',
      };
    });
  },
};
