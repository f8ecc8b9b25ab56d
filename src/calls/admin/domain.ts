import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import type { CallChoice, CallState, DB } from '../../db/types.ts';
import { LANGS, type Lang } from '../../i18n/langs.ts';
import { editTranslations, sourceLang, type Translatable } from '../../i18n/translatable.ts';
import { HttpError } from '../../web/http-error.ts';
import { slugify, uniqueSlug } from '../../web/slug.ts';
import type { CallInput, QuestionInput } from './forms.ts';
import { canMove } from './model.ts';
import * as q from './queries.ts';

type Ctx = Pick<AppContext, 'db' | 'pageCache'>;

export { adminCalls, forums, themes } from './queries.ts';

/** A problem with the form found against the database (a taken slug, an unknown forum or theme). */
export class CallInputError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super('call input');
  }
}

export async function callForEditing(ctx: Pick<AppContext, 'db'>, slug: string) {
  const call = await q.callRow(ctx.db, slug);
  if (!call) return null;
  return { call, questions: await q.questionsOf(ctx.db, call.id) };
}
export type CallEditing = NonNullable<Awaited<ReturnType<typeof callForEditing>>>;

async function references(trx: Transaction<DB>, input: CallInput) {
  const errors: Record<string, string> = {};
  const forum = await q.forumBySlug(trx, input.forum);
  if (!forum) errors.forum = 'calls.error.forum';
  const known = await q.knownThemes(trx, input.themes);
  if (input.themes.some((theme) => !known.has(theme))) errors.themes = 'calls.error.unknown_theme';
  if (Object.keys(errors).length) throw new CallInputError(errors);
  return { activity_id: forum!.id };
}

function columns(input: CallInput) {
  return {
    event_slug: input.eventSlug,
    themes: input.themes,
    opens_at: input.opensAt,
    closes_at: input.closesAt,
    time_zone: input.timeZone,
    languages: input.languages,
    attachment_types: input.attachmentTypes,
    attachment_max_bytes: input.attachmentMaxBytes,
    max_attachments: input.maxAttachments,
    received_count_reported: input.receivedReported,
    updated_at: new Date(),
  };
}

const json = (value: unknown) => JSON.stringify(value);

/** A choice keeps its translations when its value (the slug of its original label) is unchanged. */
function choicesOf(input: QuestionInput, source: Lang, stored: CallChoice[]): CallChoice[] {
  return input.choices.map((choice) => ({
    value: choice.value,
    label: editTranslations(stored.find((old) => old.value === choice.value)?.label ?? null, source, choice.labels)!,
  }));
}

/**
 * The call's questions as the form lists them: kept ones updated in place (their ids are the keys
 * of the submissions' answers), removed ones deleted, new ones added. Positions are unique per call,
 * checked at commit, so the reordering needs no shuffle.
 */
async function saveQuestions(trx: Transaction<DB>, callId: number, source: Lang, inputs: QuestionInput[]) {
  const stored = await q.questionsOf(trx, callId);
  const byId = new Map(stored.map((row) => [row.id, row]));
  const kept = new Set(inputs.map((input) => input.id).filter((id): id is number => id !== null && byId.has(id)));
  const removed = stored.filter((row) => !kept.has(row.id)).map((row) => row.id);
  if (removed.length) await trx.deleteFrom('call_questions').where('id', 'in', removed).execute();
  for (const input of inputs) {
    const old = input.id !== null ? byId.get(input.id) : undefined;
    const values = {
      position: input.position,
      kind: input.kind,
      label: json(editTranslations(old?.label ?? null, source, input.labels)),
      required: input.required,
      max_length: input.kind === 'text' ? input.maxLength : null,
      min_value: input.kind === 'number' ? input.min : null,
      max_value: input.kind === 'number' ? input.max : null,
      choices: json(input.kind === 'choice' ? choicesOf(input, source, old?.choices ?? []) : []),
    };
    if (old) await trx.updateTable('call_questions').set(values).where('id', '=', old.id).execute();
    else await trx.insertInto('call_questions').values({ call_id: callId, ...values }).execute();
  }
}

function texts(stored: { title: Translatable | null; body: Translatable | null }, source: Lang, input: CallInput) {
  return {
    title: editTranslations(stored.title, source, input.titles)!,
    body: editTranslations(stored.body, source, input.bodies),
  };
}

export async function createCall(ctx: Ctx, actorId: number, input: CallInput): Promise<string> {
  const slug = await ctx.db.transaction().execute(async (trx) => {
    const taken = async (candidate: string) => Boolean(await q.callRow(trx, candidate));
    if (input.slug && (await taken(input.slug))) throw new CallInputError({ slug: 'calls.error.slug_taken' });
    const related = await references(trx, input);
    const slug = input.slug || (await uniqueSlug(slugify(input.titles[input.source]), taken));
    const { title, body } = texts({ title: null, body: null }, input.source, input);
    const { id } = await trx
      .insertInto('calls')
      .values({ slug, ...columns(input), ...related, title: json(title), body: body ? json(body) : null, state: 'draft' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveQuestions(trx, id, input.source, input.questions);
    await recordAudit(trx, { actorId, action: 'calls.call.create', entityType: 'call', entityId: id, details: { slug } });
    return slug;
  });
  await ctx.pageCache.invalidate();
  return slug;
}

/** Saves a call's settings, texts and questions; false when there is no such call. */
export async function updateCall(ctx: Ctx, actorId: number, slug: string, input: CallInput): Promise<boolean> {
  const done = await ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('calls').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst();
    if (!current) return false;
    // The original language is fixed once written (translations are made from it).
    const source = sourceLang(current.title) ?? input.source;
    if (!input.titles[source]) throw new CallInputError({ [`title_${source}`]: 'validation.required' });
    const related = await references(trx, input);
    const { title, body } = texts(current, source, input);
    await trx.updateTable('calls').set({ ...columns(input), ...related, title: json(title), body: body ? json(body) : null }).where('id', '=', current.id).execute();
    await saveQuestions(trx, current.id, source, input.questions);
    await recordAudit(trx, { actorId, action: 'calls.call.update', entityType: 'call', entityId: current.id, details: { slug } });
    return true;
  });
  if (done) await ctx.pageCache.invalidate();
  return done;
}

/**
 * Moves a call to another state. A move the life of a call does not have is a 409 naming it; a
 * call cannot open without its dates. The row is locked so two editors cannot both move it.
 */
export async function moveCall(ctx: Ctx, actorId: number, slug: string, to: CallState): Promise<boolean> {
  const done = await ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('calls').select(['id', 'state', 'opens_at', 'closes_at']).where('slug', '=', slug).forUpdate().executeTakeFirst();
    if (!current) return false;
    if (!canMove(current.state, to)) throw new HttpError(409, 'calls.error.transition');
    if (to === 'open' && (!current.opens_at || !current.closes_at)) throw new HttpError(409, 'calls.error.open_needs_dates');
    await trx.updateTable('calls').set({ state: to, updated_at: new Date() }).where('id', '=', current.id).execute();
    await recordAudit(trx, { actorId, action: 'calls.call.state', entityType: 'call', entityId: current.id, details: { slug, from: current.state, to } });
    return true;
  });
  if (done) await ctx.pageCache.invalidate();
  return done;
}

export const LANG_ORDER = (source: Lang): Lang[] => [source, ...LANGS.filter((lang) => lang !== source)];
