import type { Lang } from '../i18n/langs.ts';

/**
 * Every translatable column of the database, in one list: the translations queue, the XLIFF
 * export/import and the machine-draft job iterate over it, and migration 0640 installs the
 * translation_units trigger on each (a test checks the two agree and that every column checked by
 * is_translatable in the migrations is here).
 */
export interface TranslatableField {
  /** The module, as named in the queue's filter (catalog key translations.module.<module>). */
  module: string;
  table: string;
  column: string;
  /** The table's key column; a row is named by its value as text. */
  key: 'id' | 'slug' | 'event_slug';
  /** Catalog key naming the field ("Title of an activity"). */
  label: string;
  /**
   * How the text is written: 'line' refuses line breaks (it travels in titles and mail subjects),
   * 'text' keeps paragraphs. All are plain text shown escaped; none is HTML.
   */
  format: 'line' | 'text';
  maxLength: number;
  /** A column read with the row to build editUrl (e.g. the slug of a row keyed by id). */
  urlColumn?: string;
  /** The module's own back-office form for the row, when it has one. */
  editUrl?: (lang: Lang, row: { key: string; url: string | null }) => string | null;
}

const field = (f: TranslatableField) => f;
const byUrl = (path: (url: string) => string) => (lang: Lang, row: { url: string | null }) => (row.url ? `/${lang}/admin/${path(row.url)}` : null);
const byKey = (path: (key: string) => string) => (lang: Lang, row: { key: string }) => `/${lang}/admin/${path(row.key)}`;

export const TRANSLATABLE_FIELDS: readonly TranslatableField[] = [
  field({ module: 'network', table: 'organisation_profile', column: 'name', key: 'id', label: 'translations.field.profile_name', format: 'line', maxLength: 200, editUrl: byKey(() => 'site') }),
  field({ module: 'network', table: 'organisation_profile', column: 'mission', key: 'id', label: 'translations.field.profile_mission', format: 'text', maxLength: 4000, editUrl: byKey(() => 'site') }),
  field({ module: 'network', table: 'organisation_profile', column: 'hq_city', key: 'id', label: 'translations.field.profile_hq_city', format: 'line', maxLength: 200, editUrl: byKey(() => 'site') }),
  field({ module: 'governance', table: 'bodies', column: 'name', key: 'id', label: 'translations.field.body_name', format: 'line', maxLength: 200 }),
  field({ module: 'governance', table: 'bodies', column: 'description', key: 'id', label: 'translations.field.body_description', format: 'text', maxLength: 4000 }),
  field({ module: 'organisations', table: 'organisations', column: 'name', key: 'id', label: 'translations.field.organisation_name', format: 'line', maxLength: 300 }),
  field({ module: 'members', table: 'members', column: 'description', key: 'id', label: 'translations.field.member_description', format: 'text', maxLength: 4000, urlColumn: 'slug', editUrl: byUrl((slug) => `members/${slug}/profile`) }),
  field({ module: 'governance', table: 'people', column: 'title', key: 'id', label: 'translations.field.person_title', format: 'line', maxLength: 200, editUrl: byKey(() => 'mandates') }),
  field({ module: 'governance', table: 'meetings', column: 'summary', key: 'id', label: 'translations.field.meeting_summary', format: 'text', maxLength: 8000, editUrl: byKey((id) => `meetings/${id}`) }),
  field({ module: 'governance', table: 'meeting_agenda_items', column: 'title', key: 'id', label: 'translations.field.agenda_item_title', format: 'line', maxLength: 300, urlColumn: 'meeting_id', editUrl: byUrl((meeting) => `meetings/${meeting}/agenda`) }),
  field({ module: 'activities', table: 'activity_series', column: 'title', key: 'id', label: 'translations.field.series_title', format: 'line', maxLength: 200 }),
  field({ module: 'activities', table: 'activity_series', column: 'description', key: 'id', label: 'translations.field.series_description', format: 'text', maxLength: 4000 }),
  field({ module: 'activities', table: 'activities', column: 'title', key: 'id', label: 'translations.field.activity_title', format: 'line', maxLength: 200, urlColumn: 'slug', editUrl: byUrl((slug) => `activities/${slug}/texts`) }),
  field({ module: 'activities', table: 'activities', column: 'summary', key: 'id', label: 'translations.field.activity_summary', format: 'text', maxLength: 2000, urlColumn: 'slug', editUrl: byUrl((slug) => `activities/${slug}/texts`) }),
  field({ module: 'activities', table: 'activities', column: 'body', key: 'id', label: 'translations.field.activity_body', format: 'text', maxLength: 20000, urlColumn: 'slug', editUrl: byUrl((slug) => `activities/${slug}/texts`) }),
  field({ module: 'activities', table: 'activity_resources', column: 'title', key: 'id', label: 'translations.field.activity_resource_title', format: 'line', maxLength: 300 }),
  field({ module: 'initiatives', table: 'programme_workshops', column: 'title', key: 'id', label: 'translations.field.workshop_title', format: 'line', maxLength: 300 }),
  field({ module: 'initiatives', table: 'initiative_themes', column: 'name', key: 'slug', label: 'translations.field.theme_name', format: 'line', maxLength: 200 }),
  field({ module: 'initiatives', table: 'initiatives', column: 'title', key: 'id', label: 'translations.field.initiative_title', format: 'line', maxLength: 300, urlColumn: 'slug', editUrl: byUrl((slug) => `initiatives/${slug}`) }),
  field({ module: 'initiatives', table: 'initiatives', column: 'summary', key: 'id', label: 'translations.field.initiative_summary', format: 'text', maxLength: 8000, urlColumn: 'slug', editUrl: byUrl((slug) => `initiatives/${slug}`) }),
  field({ module: 'initiatives', table: 'programme_events', column: 'title', key: 'event_slug', label: 'translations.field.programme_event_title', format: 'line', maxLength: 300 }),
  field({ module: 'library', table: 'resources', column: 'title', key: 'id', label: 'translations.field.resource_title', format: 'line', maxLength: 300, urlColumn: 'slug', editUrl: byUrl((slug) => `library/${slug}`) }),
  field({ module: 'library', table: 'resources', column: 'summary', key: 'id', label: 'translations.field.resource_summary', format: 'text', maxLength: 8000, urlColumn: 'slug', editUrl: byUrl((slug) => `library/${slug}`) }),
  field({ module: 'news', table: 'news_items', column: 'title', key: 'id', label: 'translations.field.news_title', format: 'line', maxLength: 200, editUrl: byKey((id) => `news/${id}/texts`) }),
  field({ module: 'news', table: 'news_items', column: 'summary', key: 'id', label: 'translations.field.news_summary', format: 'text', maxLength: 600, editUrl: byKey((id) => `news/${id}/texts`) }),
  field({ module: 'news', table: 'news_items', column: 'body', key: 'id', label: 'translations.field.news_body', format: 'text', maxLength: 20000, editUrl: byKey((id) => `news/${id}/texts`) }),
  field({ module: 'news', table: 'news_items', column: 'image_alt', key: 'id', label: 'translations.field.news_image_alt', format: 'line', maxLength: 300, editUrl: byKey((id) => `news/${id}/texts`) }),
  field({ module: 'images', table: 'images', column: 'alt', key: 'id', label: 'translations.field.image_alt', format: 'line', maxLength: 300 }),
  field({ module: 'calls', table: 'calls', column: 'title', key: 'id', label: 'translations.field.call_title', format: 'line', maxLength: 300, urlColumn: 'slug', editUrl: byUrl((slug) => `calls/${slug}`) }),
  field({ module: 'calls', table: 'calls', column: 'body', key: 'id', label: 'translations.field.call_body', format: 'text', maxLength: 20000, urlColumn: 'slug', editUrl: byUrl((slug) => `calls/${slug}`) }),
  field({ module: 'calls', table: 'call_questions', column: 'label', key: 'id', label: 'translations.field.call_question_label', format: 'text', maxLength: 2000 }),
  field({ module: 'calls', table: 'submissions', column: 'title', key: 'id', label: 'translations.field.submission_title', format: 'line', maxLength: 300 }),
  field({ module: 'calls', table: 'submissions', column: 'summary', key: 'id', label: 'translations.field.submission_summary', format: 'text', maxLength: 8000 }),
  field({ module: 'calls', table: 'call_score_categories', column: 'label', key: 'id', label: 'translations.field.score_category_label', format: 'line', maxLength: 300 }),
];

export const MODULES: readonly string[] = [...new Set(TRANSLATABLE_FIELDS.map((f) => f.module))];

export function findField(table: string, column: string): TranslatableField | undefined {
  return TRANSLATABLE_FIELDS.find((f) => f.table === table && f.column === column);
}
