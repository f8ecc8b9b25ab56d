import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import { approvalRefusal, type Actor } from '../../auth/permissions.ts';
import type { DB } from '../../db/types.ts';
import type { Lang } from '../../i18n/langs.ts';
import { setText, sourceHashOf, sourceLang, type Translatable, type TranslatedText } from '../../i18n/translatable.ts';
import { reindexSearch } from '../../search/indexer.ts';
import type { SearchKind } from '../../search/types.ts';
import type { TranslatableField } from '../fields.ts';

/** The search documents built from a table's texts: a translation saved here is searchable at once. */
const SEARCH_KIND_OF: Record<string, SearchKind> = {
  activities: 'activity',
  initiatives: 'initiative',
  resources: 'resource',
  news_items: 'news',
  members: 'member',
  meetings: 'meeting',
};

type Executor = Kysely<DB> | Transaction<DB>;

/** `key = value` typed like the key column (ids are integers, slugs text), so its index serves. */
export function keyEquals(field: TranslatableField, key: string) {
  return field.key === 'id' ? sql`${sql.ref(field.key)} = ${Number(key)}::int` : sql`${sql.ref(field.key)} = ${key}`;
}

export function validKey(field: TranslatableField, key: string): boolean {
  return field.key === 'id' ? /^\d{1,9}$/.test(key) : /^[a-z0-9][a-z0-9-]{0,199}$/.test(key);
}

export async function loadValue(db: Executor, field: TranslatableField, key: string, lock = false): Promise<Translatable | null | undefined> {
  const { rows } = await sql<{ value: Translatable | null }>`
    SELECT ${sql.ref(field.column)} AS value FROM ${sql.table(field.table)} WHERE ${keyEquals(field, key)} ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  if (!rows.length) return undefined;
  const value = rows[0]!.value;
  return value && typeof value === 'object' ? value : null;
}

export interface SaveInput {
  field: TranslatableField;
  key: string;
  lang: Lang;
  text: string;
  /** sourceHashOf the original the translator saw when the form was drawn. */
  sourceHash: string;
  approve: boolean;
  actor: Actor;
  secondApproval: boolean;
}

export type SaveResult =
  | { ok: true; entry: TranslatedText }
  | { ok: false; reason: 'not_found' | 'is_original' }
  | { ok: false; reason: 'stale'; source: string }
  | { ok: false; reason: 'refused'; code: string };

/** The entry as a person saves it: a human draft of the current original, by them. */
function humanEntry(value: Translatable, lang: Lang, text: string, actor: Actor): TranslatedText {
  const next = setText(value, lang, text, 'human');
  return { ...next[lang]!, by: actor.id };
}

/** The entry as approved: unchanged text keeps its author; changed text is the approver's own. */
function approvedEntry(value: Translatable, lang: Lang, text: string, actor: Actor): TranslatedText {
  const current = value[lang];
  const base = current && current.text === text && current.status !== 'original' ? { ...current, sourceHash: sourceHashOf(value[sourceLang(value)!]!.text) } : humanEntry(value, lang, text, actor);
  return { ...base, status: 'approved', updatedAt: new Date().toISOString(), approvedBy: actor.id, by: base.by ?? actor.id };
}

/**
 * Saves one translation from the queue's editor, in one transaction with its audit entry and the
 * search reindexing. The row is locked and its original compared with the one the translator saw:
 * a changed original refuses the save (nothing is written) and returns the new original.
 */
export async function saveTranslation(db: Kysely<DB>, input: SaveInput): Promise<SaveResult> {
  const { field, key, lang, text, actor } = input;
  return db.transaction().execute(async (trx): Promise<SaveResult> => {
    const value = await loadValue(trx, field, key, true);
    const source = value ? sourceLang(value) : undefined;
    if (!value || !source) return { ok: false, reason: 'not_found' };
    if (source === lang) return { ok: false, reason: 'is_original' };
    const sourceText = value[source]!.text;
    if (sourceHashOf(sourceText) !== input.sourceHash) return { ok: false, reason: 'stale', source: sourceText };
    let entry: TranslatedText;
    if (input.approve) {
      const current = value[lang];
      const changed = current?.text !== text;
      const refusal = approvalRefusal(actor, { status: current?.status ?? 'missing', by: current?.by }, input.secondApproval, changed);
      if (refusal) return { ok: false, reason: 'refused', code: refusal };
      entry = approvedEntry(value, lang, text, actor);
    } else {
      entry = humanEntry(value, lang, text, actor);
    }
    await writeEntry(trx, field, key, { ...value, [lang]: entry });
    await recordAudit(trx, {
      actorId: actor.id,
      action: input.approve ? 'translations.approve' : 'translations.save',
      entityType: field.table,
      entityId: key,
      details: { column: field.column, lang },
    });
    return { ok: true, entry };
  });
}

/** Writes a field's new value and refreshes the search documents built from it. */
export async function writeEntry(trx: Transaction<DB>, field: TranslatableField, key: string, value: Translatable): Promise<void> {
  await sql`UPDATE ${sql.table(field.table)} SET ${sql.ref(field.column)} = ${JSON.stringify(value)}::jsonb WHERE ${keyEquals(field, key)}`.execute(trx);
  const kind = SEARCH_KIND_OF[field.table];
  if (kind && field.key === 'id') await reindexSearch(trx, kind, [Number(key)]);
}
