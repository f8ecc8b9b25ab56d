import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.ts';
import type { Permission } from '../auth/permissions.ts';
import type { DB } from '../db/types.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { reindexSearch } from '../search/indexer.ts';
import type { SearchKind } from '../search/types.ts';
import { editTranslations, sourceLang, textOf, type Translatable } from '../i18n/translatable.ts';
import { TranslationsForm, type TranslationWords } from './components.tsx';
import { fields as shapes, parseInput, type FieldErrors } from './forms.ts';
import { notFound } from './http-error.ts';
import { sendPage } from './render.tsx';
import { route, type Route } from './routes.ts';

/**
 * The one back-office form for the translatable texts of a module's smaller records (a governing
 * body's name, an agenda item, a theme's label…) in all four languages. A module declares its
 * records as TextsTargets and gets one route pair, `{base}/texts/:kind/:key`, behind its own
 * permission. The original stays the original (its language is fixed); a changed translation is
 * marked human, or machine if the editor says so; an emptied translation is removed; changing the
 * original marks the others outdated (editTranslations). Saved with an audit entry and the
 * module's reindexing in one transaction; the page cache is cleared after.
 */
export interface TextsField {
  column: string;
  /** Catalog key of the field's label. */
  label: string;
  max: number;
  rows?: number;
  /** The column is NOT NULL: its original cannot be emptied. */
  required: boolean;
  /** How an emptied optional field is stored: SQL NULL, or `{}` for columns declared NOT NULL DEFAULT '{}'. */
  empty?: 'null' | '{}';
}

type Executor = Kysely<DB> | Transaction<DB>;
type Row = Record<string, unknown>;

export interface TextsTarget {
  /** The URL segment: `/en/admin/governance/texts/body/3`. */
  kind: string;
  table: string;
  /** The column the URL names the record by: an integer id or a slug. */
  key: { column: string; type: 'id' | 'slug' };
  fields: TextsField[];
  /** Other columns the name and back link need. */
  extra?: string[];
  /** Catalog key naming the kind of record ("Governing body"). */
  label: string;
  /** What the page heading names the record by. */
  name: (row: Row, lang: Lang) => string;
  /** The back-office page the record is otherwise managed on, or its public page. */
  back: (row: Row, lang: Lang) => string;
  audit: { action: string; entityType: string };
  /** Refreshes what the module derives from these texts (its search documents), in the same transaction. */
  afterSave?: (trx: Transaction<DB>, row: Row) => Promise<void>;
}

export const TEXTS_WORDS: TranslationWords = {
  statusLabel: 'texts.status',
  statusNow: 'texts.status_now',
  statuses: {
    original: 'texts.status.original',
    human: 'texts.status.human',
    machine: 'texts.status.machine',
    outdated: 'texts.status.outdated',
    missing: 'texts.status.missing',
  },
  keepOutdated: 'texts.status.keep_outdated',
  save: 'texts.save',
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const anyDb = (db: Executor) => db as unknown as Kysely<any>;

function keyValue(target: TextsTarget, raw: string): string | number | null {
  if (target.key.type === 'id') return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  return raw.length <= 200 && SLUG.test(raw) ? raw : null;
}

async function loadRow(db: Executor, target: TextsTarget, key: string | number, lock = false): Promise<Row | undefined> {
  const columns = [...new Set([target.key.column, ...target.fields.map((field) => field.column), ...(target.extra ?? [])])];
  let query = anyDb(db).selectFrom(target.table).select(columns).where(target.key.column, '=', key);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

const fieldValue = (row: Row, field: TextsField) => (row[field.column] ?? {}) as Translatable;

/** The original's language: the first field's, else any field's; English for a record with no text yet. */
export function sourceOf(row: Row, target: TextsTarget): Lang {
  for (const field of target.fields) {
    const source = sourceLang(fieldValue(row, field));
    if (source) return source;
  }
  return 'en';
}

/** `{column}_{lang}` for each field and language, `status_{lang}` for each translation. */
function textsSchema(target: TextsTarget, source: Lang) {
  const shape: Record<string, z.ZodType> = {};
  for (const lang of LANGS) {
    for (const field of target.fields) shape[`${field.column}_${lang}`] = shapes.text(field.max, field.required && lang === source);
    if (lang !== source) shape[`status_${lang}`] = z.enum(['human', 'machine', 'outdated'], { error: 'validation.invalid' }).default('human');
  }
  return z.object(shape).superRefine((input, issues) => {
    for (const field of target.fields) {
      if (input[`${field.column}_${source}`]) continue;
      // A translation of nothing: the original has to be written first.
      for (const lang of LANGS) {
        if (lang !== source && input[`${field.column}_${lang}`]) issues.addIssue({ code: 'custom', path: [`${field.column}_${lang}`], message: 'validation.texts_original' });
      }
    }
  });
}

type Status = 'human' | 'machine' | 'outdated';

/**
 * editTranslations, then the status the editor chose for each translation: "machine" for a pasted
 * draft, "human" for a reviewed one (an outdated translation checked and kept as it is); "outdated"
 * leaves it as it was.
 */
export function applyTexts(current: Translatable | null, source: Lang, texts: Record<Lang, string>, statuses: Partial<Record<Lang, Status>>): Translatable | null {
  const next = editTranslations(current, source, texts);
  if (!next) return null;
  // Translations left as they were when the original changes are not reviewed: they stay outdated.
  const originalChanged = current?.[source]?.text !== texts[source];
  for (const lang of LANGS) {
    const entry = next[lang];
    const chosen = statuses[lang];
    if (lang === source || !entry || !chosen || chosen === 'outdated' || entry.status === chosen) continue;
    const changed = current?.[lang]?.text !== entry.text;
    const reviewed = !changed && !originalChanged && (entry.status === 'outdated' || entry.status === 'machine');
    if (changed || reviewed || chosen === 'machine') next[lang] = { ...entry, status: chosen, updatedAt: new Date().toISOString() };
  }
  return next;
}

const stored = (value: Translatable | null, field: TextsField) => (value ? JSON.stringify(value) : field.empty === '{}' ? '{}' : null);

/** Saves the texts; returns the changed `column.lang` pairs (none: nothing written, nothing audited). */
async function saveTexts(db: Kysely<DB>, target: TextsTarget, key: string | number, data: Record<string, unknown>, actorId: number): Promise<string[] | null> {
  return db.transaction().execute(async (trx) => {
    const row = await loadRow(trx, target, key, true);
    if (!row) return null;
    const source = sourceOf(row, target);
    const statuses = Object.fromEntries(LANGS.map((lang) => [lang, data[`status_${lang}`] as Status | undefined]));
    const changes: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const field of target.fields) {
      const before = (row[field.column] ?? null) as Translatable | null;
      const texts = Object.fromEntries(LANGS.map((lang) => [lang, data[`${field.column}_${lang}`] as string])) as Record<Lang, string>;
      const next = applyTexts(before, source, texts, statuses);
      const diff = LANGS.filter((lang) => JSON.stringify(next?.[lang] ?? null) !== JSON.stringify(before?.[lang] ?? null));
      if (diff.length === 0) continue;
      changed.push(...diff.map((lang) => `${field.column}.${lang}`));
      changes[field.column] = stored(next, field);
    }
    if (changed.length === 0) return changed;
    await anyDb(trx).updateTable(target.table).set(changes).where(target.key.column, '=', key).execute();
    await recordAudit(trx, { actorId, action: target.audit.action, entityType: target.audit.entityType, entityId: String(key), details: { changed } });
    await target.afterSave?.(trx, row);
    return changed;
  });
}

type TextsRequest = FastifyRequest<{ Params: { kind: string; key: string }; Querystring: { saved?: string } }>;

function targetOf(targets: TextsTarget[], request: TextsRequest) {
  const target = targets.find((candidate) => candidate.kind === request.params.kind);
  const key = target ? keyValue(target, request.params.key) : null;
  if (!target || key === null) throw notFound();
  return { target, key };
}

/** The form's values as stored: every field in every language, and each translation's status. */
function storedValues(row: Row, target: TextsTarget): Record<string, string> {
  const values: Record<string, string> = {};
  for (const lang of LANGS) for (const field of target.fields) values[`${field.column}_${lang}`] = fieldValue(row, field)[lang]?.text ?? '';
  return values;
}

async function textsPage(request: TextsRequest, reply: FastifyReply, base: string, targets: TextsTarget[], state?: { errors: FieldErrors; values: Record<string, unknown> }) {
  const { target, key } = targetOf(targets, request);
  const row = await loadRow(request.server.ctx.db, target, key);
  if (!row) throw notFound();
  const source = sourceOf(row, target);
  const lang = request.lang;
  const name = target.name(row, lang);
  const saved = !state && request.query.saved === '1';
  return sendPage(request, reply, {
    title: request.t('texts.page_title', { kind: request.t(target.label), name }),
    status: state ? 400 : 200,
    body: (ctx) => (
      <>
        <h1>{ctx.t('texts.page_title', { kind: ctx.t(target.label), name })}</h1>
        <p>
          <a href={target.back(row, lang)}>{ctx.t('texts.back')}</a>
        </p>
        {saved && (
          <p class="success" role="status">
            {ctx.t('texts.saved')}
          </p>
        )}
        <p class="hint">{ctx.t('texts.hint', { lang: ctx.t.langName(source) })}</p>
        <TranslationsForm
          ctx={ctx}
          action={`/${lang}${base}/texts/${target.kind}/${encodeURIComponent(String(key))}`}
          source={source}
          texts={target.fields.map((field) => fieldValue(row, field))}
          fields={target.fields.map((field) => ({ name: field.column, label: field.label, rows: field.rows, required: field.required }))}
          words={TEXTS_WORDS}
          errors={state?.errors ?? {}}
          values={state?.values ?? storedValues(row, target)}
        />
      </>
    ),
  });
}

async function postTexts(request: TextsRequest, reply: FastifyReply, base: string, targets: TextsTarget[]) {
  const { db, pageCache } = request.server.ctx;
  const { target, key } = targetOf(targets, request);
  const row = await loadRow(db, target, key);
  if (!row) throw notFound();
  const values = (request.body ?? {}) as Record<string, unknown>;
  const parsed = parseInput(textsSchema(target, sourceOf(row, target)), values);
  if (!parsed.ok) return textsPage(request, reply, base, targets, { errors: parsed.fields, values });
  const changed = await saveTexts(db, target, key, parsed.data, request.user!.id);
  if (changed === null) throw notFound();
  if (changed.length > 0) await pageCache.invalidate();
  return reply.redirect(`/${request.lang}${base}/texts/${target.kind}/${encodeURIComponent(String(key))}?saved=1`, 303);
}

/** Where a record's texts are edited: for links from a module's own back-office pages. */
export const textsHref = (lang: Lang, base: string, kind: string, key: string | number) => `/${lang}${base}/texts/${kind}/${encodeURIComponent(String(key))}`;

/** The GET and POST routes of a module's texts form, e.g. base `/admin/governance`. */
export function textsRoutes(base: string, permission: Permission, targets: TextsTarget[]): Route[] {
  const url = `/:lang${base}/texts/:kind/:key`;
  return [
    route('GET', url, permission, (request, reply) => textsPage(request as TextsRequest, reply, base, targets)),
    route('POST', url, permission, (request, reply) => postTexts(request as TextsRequest, reply, base, targets)),
  ];
}

/** A record's name for a heading: its translatable name in the reader's language. */
export const nameFrom = (column: string) => (row: Row, lang: Lang) => textOf(row[column] as Translatable | null, lang);

/** Reindexes the record's search documents of one kind (by its id, or another id column such as a meeting's). */
export const reindexing = (kind: SearchKind, idColumn = 'id') => (trx: Transaction<DB>, row: Row) => reindexSearch(trx, kind, [Number(row[idColumn])]);
