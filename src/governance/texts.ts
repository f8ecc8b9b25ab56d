import { reindexSearch } from '../search/indexer.ts';
import { nameFrom, reindexing, textsRoutes, type TextsTarget } from '../web/texts-editor.tsx';

/**
 * Governance texts in every language: governing bodies' names and descriptions, meetings' minutes
 * summaries, agenda items, people's titles. Bodies and people are named by slug, meetings and
 * agenda items by id.
 */
export const GOVERNANCE_TEXTS_BASE = '/admin/governance';

export const governanceTextTargets: TextsTarget[] = [
  {
    kind: 'body',
    table: 'bodies',
    key: { column: 'slug', type: 'slug' },
    label: 'texts.kind.body',
    fields: [
      { column: 'name', label: 'texts.field.name', max: 200, required: true },
      { column: 'description', label: 'texts.field.description', max: 2000, rows: 4, required: true },
    ],
    name: nameFrom('name'),
    back: (_row, lang) => `/${lang}/admin/mandates`,
    audit: { action: 'governance.body.texts', entityType: 'body' },
    // People and meetings are found by the body they belong to, in every language it is named in.
    afterSave: async (trx) => {
      await reindexSearch(trx, 'person');
      await reindexSearch(trx, 'meeting');
    },
  },
  {
    kind: 'meeting',
    table: 'meetings',
    key: { column: 'id', type: 'id' },
    label: 'texts.kind.meeting',
    fields: [{ column: 'summary', label: 'texts.field.summary', max: 5000, rows: 6, required: false }],
    extra: ['slug'],
    name: (row) => String(row.slug),
    back: (row, lang) => `/${lang}/admin/meetings/${row.id}`,
    audit: { action: 'governance.meeting.texts', entityType: 'meeting' },
    afterSave: reindexing('meeting'),
  },
  {
    kind: 'agenda-item',
    table: 'meeting_agenda_items',
    key: { column: 'id', type: 'id' },
    label: 'texts.kind.agenda_item',
    fields: [{ column: 'title', label: 'texts.field.title', max: 500, required: true }],
    extra: ['meeting_id'],
    name: nameFrom('title'),
    back: (row, lang) => `/${lang}/admin/meetings/${row.meeting_id}`,
    audit: { action: 'governance.agenda.texts', entityType: 'meeting_agenda_item' },
    afterSave: reindexing('meeting', 'meeting_id'),
  },
  {
    kind: 'person',
    table: 'people',
    key: { column: 'slug', type: 'slug' },
    label: 'texts.kind.person',
    fields: [{ column: 'title', label: 'texts.field.title', max: 300, required: false }],
    extra: ['id', 'name'],
    name: (row) => String(row.name),
    back: (_row, lang) => `/${lang}/admin/mandates`,
    audit: { action: 'governance.person.texts', entityType: 'person' },
    afterSave: reindexing('person'),
  },
];

export const governanceTextsRoutes = textsRoutes(GOVERNANCE_TEXTS_BASE, 'governance.manage', governanceTextTargets);
