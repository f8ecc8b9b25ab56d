import type { Translator } from '../../i18n/i18n.ts';
import type { Lang } from '../../i18n/langs.ts';
import { pick, type Translatable } from '../../i18n/translatable.ts';
import { countryName } from '../../places/countries.ts';
import type { BookletInputs } from './queries.ts';

/** A text as the booklet prints it: in the booklet's language, or the source text, marked. */
export interface Shown {
  text: string;
  lang: Lang;
  /** Set when the booklet's language was missing: "(original in French)" in the booklet's language. */
  mark: string | null;
}

export interface BookletEntry {
  code: string;
  slug: string;
  kind: 'initiative' | 'thematic_workshop';
  title: Shown;
  organisation: Shown | null;
  /** City and country in the booklet's language ("Munguía, Espagne"). */
  place: string;
  summary: Shown | null;
  /** For a thematic workshop: "Workshop run by ILO", in the booklet's language. */
  runBy: string | null;
  presenters: { name: string; role: string | null; url: string | null }[];
  links: string[];
}

export interface BookletWorkshop {
  code: string;
  title: Shown | null;
  /** Room, moderators and partner on one line ("Room A · Moderated by Ana Ruiz, Lee Min · With ILO"), or null. */
  details: string | null;
  entries: BookletEntry[];
}
export interface BookletSession { code: string; heading: string; workshops: BookletWorkshop[] }
export interface BookletDay { heading: string; sessions: BookletSession[] }
/** One line of an index: a name and the entries it points to (the PDF turns them into pages). */
export interface IndexLine { name: string; codes: string[] }

export interface Booklet {
  lang: Lang;
  eventSlug: string;
  title: string;
  dates: string | null;
  frontMatter: Shown | null;
  days: BookletDay[];
  thematic: BookletEntry[];
  countries: IndexLine[];
  organisations: IndexLine[];
  partners: string[];
  entryCount: number;
  labels: Record<'subtitle' | 'frontMatter' | 'contents' | 'thematic' | 'countries' | 'organisations' | 'partners' | 'presenters' | 'links', string>;
}

/** The booklet of one programme in one language: a pure function of the inputs, so its hash is the cache key. */
export function buildBooklet(inputs: BookletInputs, t: Translator): Booklet {
  const lang = t.lang;
  const shown = (field: Translatable | null | undefined): Shown | null => {
    const picked = pick(field, lang);
    if (!picked) return null;
    return { text: picked.text, lang: picked.lang, mark: picked.isFallback ? t('booklet.original_in', { lang: t.langName(picked.lang) }) : null };
  };
  const entries: BookletEntry[] = inputs.entries.map((row) => ({
    code: row.code,
    slug: row.slug,
    kind: row.kind,
    title: shown(row.title) ?? { text: row.code, lang, mark: null },
    organisation: shown(row.organisation),
    place: [row.city, row.country ? countryName(row.country, lang) : null].filter(Boolean).join(', '),
    summary: shown(row.summary),
    runBy: row.kind === 'thematic_workshop' && row.organisation ? t('booklet.workshop_by', { organisation: pick(row.organisation, lang)!.text }) : null,
    presenters: row.presenters.map(({ name, role, url }) => ({ name, role, url })),
    // A presenter's web address is printed with the presenter, not a second time below.
    links: row.links.filter((link) => !row.presenters.some((person) => person.url === link)),
  }));
  const byWorkshop = new Map<number | null, BookletEntry[]>();
  inputs.entries.forEach((row, index) => byWorkshop.set(row.workshop_id, [...(byWorkshop.get(row.workshop_id) ?? []), entries[index]!]));
  const dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' });
  const sessionsOf = (dayId: number | null) => inputs.sessions.filter((session) => session.day_id === dayId).map((session) => ({
    code: session.code,
    heading: t('booklet.session', { code: session.code }),
    workshops: inputs.workshops.filter((workshop) => workshop.session_id === session.id)
      .map((workshop) => ({ code: workshop.code, title: shown(workshop.title), details: workshopDetails(workshop, t), entries: byWorkshop.get(workshop.id) ?? [] })),
  }));
  const days: BookletDay[] = [
    ...inputs.days.map((day) => ({
      heading: day.date ? dayFormat.format(new Date(`${day.date}T00:00:00Z`)) : t('booklet.day', { n: day.position }),
      sessions: sessionsOf(day.id),
    })),
    { heading: t('booklet.other_sessions'), sessions: sessionsOf(null) },
  ].filter((day) => day.sessions.length > 0);
  const orphans = byWorkshop.get(null) ?? [];
  if (orphans.length) days.push({ heading: t('booklet.other_entries'), sessions: [{ code: '', heading: t('booklet.other_entries'), workshops: [{ code: '', title: null, details: null, entries: orphans }] }] });
  const collator = new Intl.Collator(lang);
  const index = (keyOf: (entry: BookletEntry, row: BookletInputs['entries'][number]) => string | null): IndexLine[] => {
    const lines = new Map<string, string[]>();
    inputs.entries.forEach((row, i) => {
      const key = keyOf(entries[i]!, row);
      if (key) lines.set(key, [...(lines.get(key) ?? []), row.code]);
    });
    return [...lines].map(([name, codes]) => ({ name, codes })).sort((a, b) => collator.compare(a.name, b.name));
  };
  return {
    lang,
    eventSlug: inputs.eventSlug,
    title: pick(inputs.event?.title, lang)?.text ?? inputs.eventSlug,
    dates: eventDates(inputs.event, lang),
    frontMatter: shown(inputs.settings.front_matter),
    days,
    thematic: entries.filter((entry) => entry.kind === 'thematic_workshop'),
    countries: index((_entry, row) => (row.country ? countryName(row.country, lang) : null)),
    organisations: index((entry) => entry.organisation?.text ?? null),
    partners: [...inputs.settings.partners],
    entryCount: entries.length,
    labels: {
      subtitle: t('booklet.subtitle'),
      frontMatter: t('booklet.front_matter'),
      contents: t('booklet.contents'),
      thematic: t('booklet.thematic'),
      countries: t('booklet.index_countries'),
      organisations: t('booklet.index_organisations'),
      partners: t('booklet.partners'),
      presenters: t('booklet.presenters'),
      links: t('booklet.links'),
    },
  };
}

function workshopDetails(workshop: BookletInputs['workshops'][number], t: Translator): string | null {
  const moderators = workshop.moderators.filter(Boolean);
  const parts = [
    workshop.room ? t('booklet.workshop_room', { room: workshop.room }) : null,
    moderators.length ? t('booklet.workshop_moderators', { names: new Intl.ListFormat(t.lang, { type: 'conjunction' }).format(moderators) }) : null,
    workshop.partner ? t('booklet.workshop_partner', { partner: workshop.partner }) : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

function eventDates(event: BookletInputs['event'], lang: Lang): string | null {
  if (!event?.starts_on) return null;
  const day = (value: string) => new Date(`${value}T00:00:00Z`);
  const format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return !event.ends_on || event.ends_on === event.starts_on ? format.format(day(event.starts_on)) : format.formatRange(day(event.starts_on), day(event.ends_on));
}

/** The entry's anchor in the HTML page and its label in the PDF ("e-1-1-2"). */
export function entryAnchor(code: string): string {
  return `e-${code.replace(/\./g, '-')}`;
}
