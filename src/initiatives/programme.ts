import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, InitiativePresenter } from '../db/types.ts';
import type { Lang } from '../i18n/langs.ts';
import { translated, type Translatable } from '../i18n/translatable.ts';
import { findOrCreateOrganisation, type OrganisationKind } from '../organisations/domain.ts';
import type { Gazetteer } from '../places/gazetteer.ts';
import { nameKey } from '../places/normalize.ts';
import { regionOf } from '../places/regions.ts';
import { slugify, uniqueSlug } from '../web/slug.ts';
import type { ParsedBooklet, ReportLine } from './booklet.ts';
import { compareCodes } from './codes.ts';
import { sdgsFor, themesFor } from './themes.ts';
import { reindexSearch } from '../search/indexer.ts';

/**
 * An event's programme and its initiatives, as facts: what the booklet importer reads from a booklet
 * and what the committed seed file holds. `applyProgramme` writes it idempotently: rows are matched
 * by natural keys (event + session/workshop code; event + title and organisation for initiatives, so
 * a renumbered booklet updates codes instead of duplicating entries) and only changed rows are written.
 */
export interface ProgrammeEntry {
  line?: number;
  code: string;
  /** The entry's own language when it differs from the booklet's (a Korean entry in a French booklet). */
  lang?: Lang;
  kind: 'initiative' | 'thematic_workshop';
  workshopCode: string;
  title: string;
  organisation: string | null;
  city: string | null;
  subregion: string | null;
  country: string | null;
  latitude?: number | null;
  longitude?: number | null;
  summary: { source: Lang; texts: Partial<Record<Lang, string>> } | null;
  presenters: InitiativePresenter[];
  links: string[];
}

export interface ProgrammeData {
  /** The language the booklet is written in: titles keep it as their original. */
  lang: Lang;
  days: { position: number; date: string | null }[];
  sessions: { code: string; day: number }[];
  workshops: { code: string; sessionCode: string; title: string }[];
  entries: ProgrammeEntry[];
}

export interface ApplyResult {
  created: number;
  updated: number;
  unchanged: number;
  report: ReportLine[];
}

/** Turns a parsed booklet into programme facts (each entry's texts are kept, in the language detected). */
export function fromBooklet(parsed: ParsedBooklet, lang: Lang = parsed.lang): ProgrammeData {
  return {
    lang,
    days: parsed.days.map(({ position, date }) => ({ position, date })),
    sessions: parsed.sessions.map(({ code, day }) => ({ code, day })),
    workshops: parsed.workshops.map(({ code, sessionCode, title }) => ({ code, sessionCode, title })),
    entries: parsed.entries.map((entry) => ({
      line: entry.line,
      code: entry.code,
      ...(entry.lang && entry.lang !== lang ? { lang: entry.lang } : {}),
      kind: entry.kind,
      workshopCode: entry.workshopCode,
      title: entry.title,
      organisation: entry.organisation,
      city: entry.city,
      subregion: entry.subregion,
      country: entry.country,
      summary: entry.summary ? { source: entry.lang ?? lang, texts: { [entry.lang ?? lang]: entry.summary } } : null,
      presenters: entry.presenters,
      links: entry.links,
    })),
  };
}

export function organisationKindOf(name: string, kind: ProgrammeEntry['kind']): OrganisationKind {
  const key = ` ${nameKey(name)} `;
  const has = (...words: string[]) => words.some((word) => key.includes(` ${word}`));
  if (has('oit', 'ilo', 'ocde', 'oecd', 'unrisd', 'commission europeenne', 'european commission', 'uclg', 'inaise', 'fair trade', 'union europeenne')) return 'international_organisation';
  if (has('mairie', 'ville', 'commune', 'city', 'ayuntamiento', 'municipal', 'region', 'generalitat', 'intendance', 'gouvernement metropolitain', 'cda ', 'etp ')) return 'local_government';
  if (has('ministere', 'ministry', 'agence', 'agency', 'gouvernement', 'government')) return 'public_agency';
  if (has('universit', 'college', 'institut', 'lanki', 'gezki', 'huhezi', 'tiess', 'lab')) return 'research';
  if (has('reseau', 'network', 'red ', 'ripess', 'association', 'plate forme', 'plateforme', 'conseil', 'federation', 'confederation', 'chantier', 'comite')) return 'sse_network';
  if (has('coop', 's coop', 'sll', 'sl ', 'banca', 'kutxa', 'groupe', 'grupo', 'fiducie')) return 'enterprise';
  return kind === 'thematic_workshop' ? 'international_organisation' : 'other';
}

type Db = Kysely<DB> | Transaction<DB>;

/** Writes the programme of one event. Call inside a transaction: it writes several tables. */
export async function applyProgramme(
  trx: Db,
  eventSlug: string,
  data: ProgrammeData,
  options: { gazetteer?: Pick<Gazetteer, 'find'>; at: string },
): Promise<ApplyResult> {
  const result: ApplyResult = { created: 0, updated: 0, unchanged: 0, report: [] };
  const dayIds = new Map<number, number>();
  for (const day of data.days) {
    const row = await trx
      .insertInto('programme_days')
      .values({ event_slug: eventSlug, position: day.position, date: day.date })
      .onConflict((oc) => oc.columns(['event_slug', 'position']).doUpdateSet({ date: day.date }).where('programme_days.date', 'is distinct from', day.date))
      .returning('id')
      .executeTakeFirst();
    dayIds.set(day.position, row?.id ?? (await idOf(trx, 'programme_days', eventSlug, 'position', day.position)));
  }
  const sessionIds = new Map<string, number>();
  for (const [position, session] of data.sessions.entries()) {
    const values = { day_id: dayIds.get(session.day) ?? null, position: position + 1 };
    const row = await trx
      .insertInto('programme_sessions')
      .values({ event_slug: eventSlug, code: session.code, ...values })
      .onConflict((oc) => oc.columns(['event_slug', 'code']).doUpdateSet(values)
        .where((eb) => eb.or([eb('programme_sessions.day_id', 'is distinct from', values.day_id), eb('programme_sessions.position', '!=', values.position)])))
      .returning('id')
      .executeTakeFirst();
    sessionIds.set(session.code, row?.id ?? (await idOf(trx, 'programme_sessions', eventSlug, 'code', session.code)));
  }
  const workshopIds = new Map<string, number>();
  const workshopTitles = new Map<string, string>();
  for (const [position, workshop] of data.workshops.entries()) {
    workshopTitles.set(workshop.code, workshop.title);
    const sessionId = sessionIds.get(workshop.sessionCode);
    if (sessionId === undefined) continue;
    const existing = await trx.selectFrom('programme_workshops').select(['id', 'title', 'session_id', 'position'])
      .where('event_slug', '=', eventSlug).where('code', '=', workshop.code).executeTakeFirst();
    if (!existing) {
      const row = await trx.insertInto('programme_workshops')
        .values({ event_slug: eventSlug, code: workshop.code, session_id: sessionId, position: position + 1, title: JSON.stringify(translated(data.lang, { [data.lang]: workshop.title }, options.at)) })
        .returning('id').executeTakeFirstOrThrow();
      workshopIds.set(workshop.code, row.id);
    } else {
      workshopIds.set(workshop.code, existing.id);
      if (existing.title[data.lang]?.text !== workshop.title || existing.session_id !== sessionId || existing.position !== position + 1) {
        await trx.updateTable('programme_workshops').where('id', '=', existing.id)
          .set({ session_id: sessionId, position: position + 1, title: JSON.stringify(withOriginal(existing.title, data.lang, workshop.title, options.at)) })
          .execute();
      }
    }
  }
  // The booklet describes the whole programme: sessions and workshops it no longer lists go.
  await trx.deleteFrom('programme_workshops').where('event_slug', '=', eventSlug)
    .where('code', 'not in', [...workshopIds.keys(), '-']).execute();
  await trx.deleteFrom('programme_sessions').where('event_slug', '=', eventSlug)
    .where('code', 'not in', [...sessionIds.keys(), '-']).execute();
  await trx.deleteFrom('programme_days').where('event_slug', '=', eventSlug)
    .where('position', 'not in', [...dayIds.keys(), -1]).execute();

  const touched: number[] = [];
  for (const entry of [...data.entries].sort((a, b) => compareCodes(a.code, b.code))) {
    await applyEntry(trx, eventSlug, data.lang, entry, { ...options, workshopId: workshopIds.get(entry.workshopCode) ?? null, workshopTitle: workshopTitles.get(entry.workshopCode) ?? '', touched }, result);
  }
  // The one search follows the archive: the entries written here.
  await reindexSearch(trx, 'initiative', touched);
  return result;
}

async function applyEntry(
  trx: Db,
  eventSlug: string,
  lang: Lang,
  entry: ProgrammeEntry,
  options: { gazetteer?: Pick<Gazetteer, 'find'>; at: string; workshopId: number | null; workshopTitle: string; touched: number[] },
  result: ApplyResult,
) {
  const line = entry.line ?? 0;
  const entryLang = entry.lang ?? lang;
  let organisationId: number | null = null;
  if (entry.organisation) {
    const organisation = await findOrCreateOrganisation(trx, {
      name: entry.organisation,
      lang: entryLang,
      kind: organisationKindOf(entry.organisation, entry.kind),
      city: entry.city,
      country: entry.country,
      website: entry.links.find((link) => /^https?:\/\//.test(link)) ?? null,
    }, options.gazetteer);
    organisationId = organisation.id;
  }
  let latitude = entry.latitude ?? null;
  let longitude = entry.longitude ?? null;
  if (latitude === null && entry.city && entry.country && options.gazetteer) {
    // "Lima et FEMLUP", "Hanoi-Saïgon": several places named; the first one known places the entry.
    const candidates = [entry.city, ...entry.city.split(/\s*(?:\s-\s|\bet\b|\by\b|\band\b|\/|-)\s*/)].filter(Boolean);
    const place = candidates.map((city) => options.gazetteer!.find(city, entry.country!)).find(Boolean);
    if (place) ({ latitude, longitude } = place);
    else result.report.push({ line, level: 'warning', code: entry.code, message: `city "${entry.city}" not found in the gazetteer (${entry.country})` });
  }
  const themes = themesFor(`${options.workshopTitle} ${entry.title}`);
  const values = {
    code: entry.code,
    kind: entry.kind,
    workshop_id: options.workshopId,
    organisation_id: organisationId,
    city: entry.city,
    subregion: entry.subregion,
    country: entry.country,
    region: entry.country ? regionOf(entry.country) : null,
    latitude,
    longitude,
    links: entry.links,
    themes,
    sdgs: sdgsFor(themes),
    source_line: entry.line ?? null,
  };
  const dedupKey = `${nameKey(entry.title)}|${nameKey(entry.organisation ?? '')}`;
  const existing = await trx.selectFrom('initiatives').selectAll().where('event_slug', '=', eventSlug).where('dedup_key', '=', dedupKey).executeTakeFirst();
  if (!existing) {
    const slug = await uniqueSlug(slugify(entry.title).slice(0, 70).replace(/-+$/, ''), async (candidate) =>
      Boolean(await trx.selectFrom('initiatives').select('id').where('slug', '=', candidate).executeTakeFirst()));
    await trx.insertInto('initiatives').values({
      ...values,
      slug,
      event_slug: eventSlug,
      dedup_key: dedupKey,
      title: JSON.stringify(translated(entryLang, { [entryLang]: entry.title }, options.at)),
      summary: entry.summary ? JSON.stringify(translated(entry.summary.source, entry.summary.texts, options.at)) : null,
      presenters: JSON.stringify(entry.presenters),
      created_at: options.at,
      updated_at: options.at,
    }).returning('id').executeTakeFirstOrThrow().then((row) => options.touched.push(row.id));
    result.created++;
    return;
  }
  const summary = mergeSummary(existing.summary, entry.summary, options.at);
  const changed =
    Object.entries(values).some(([key, value]) => JSON.stringify((existing as Record<string, unknown>)[key]) !== JSON.stringify(value)) ||
    canonical(existing.presenters) !== canonical(entry.presenters) ||
    summary !== existing.summary;
  if (!changed) {
    result.unchanged++;
    return;
  }
  await trx.updateTable('initiatives').where('id', '=', existing.id).set({
    ...values,
    summary: summary ? JSON.stringify(summary) : null,
    presenters: JSON.stringify(entry.presenters),
    updated_at: sql<Date>`now()`,
  }).execute();
  options.touched.push(existing.id);
  result.updated++;
}

/** The stored summary, or a new one when the texts differ (same object back when nothing changed). */
function mergeSummary(stored: Translatable | null, next: ProgrammeEntry['summary'], at: string): Translatable | null {
  if (!next) return stored;
  const same = stored && Object.entries(next.texts).every(([lang, text]) => stored[lang as Lang]?.text === text) &&
    stored[next.source]?.status === 'original';
  if (same) return stored;
  return translated(next.source, next.texts, at);
}

/** JSON with sorted keys: jsonb does not keep the order keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner);
}

function withOriginal(field: Translatable, lang: Lang, text: string, at: string): Translatable {
  return { ...field, [lang]: { text, status: 'original', updatedAt: at } };
}

async function idOf(trx: Db, table: 'programme_days' | 'programme_sessions', eventSlug: string, column: 'position' | 'code', value: string | number): Promise<number> {
  const row = await trx.selectFrom(table).select('id').where('event_slug', '=', eventSlug).where(column as any, '=', value).executeTakeFirstOrThrow();
  return row.id;
}
