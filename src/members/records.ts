import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { setText, sourceLang, type Translatable } from '../i18n/translatable.ts';
import { findOrCreateOrganisation, organisationKey, type OrganisationKind } from '../organisations/domain.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { nameKey } from '../places/normalize.ts';
import { regionOf } from '../places/regions.ts';
import { reindexSearch } from '../search/indexer.ts';
import { reindexOrganisationInitiatives } from '../initiatives/search-source.ts';
import { slugify, uniqueSlug } from '../web/slug.ts';
import { findMember, insertEvent, updateMember } from './queries.ts';

type Ctx = Pick<AppContext, 'db' | 'pageCache'>;
type Trx = Transaction<DB>;

export type MemberKind = 'local_government' | 'sse_network' | 'other_organisation' | 'honorary' | 'partner';
export type HistoryStatus = 'active' | 'suspended' | 'withdrawn' | 'disqualified';
export const HISTORY_STATUSES = ['active', 'suspended', 'withdrawn', 'disqualified'] as const;

/** A refusal tied to a form field (or `_form`), worded by a catalog key. */
export class RecordError extends Error {
  constructor(readonly field: string, readonly key: string) {
    super(key);
  }
}

/** One step of a member's past: from `on`, the member was in `status`. */
export interface HistoryStep {
  on: string;
  status: HistoryStatus;
  reason: string;
}

/** An existing member, entered by the secretariat (the form or one CSV row). */
export interface ExistingMember {
  name: string;
  lang: Lang;
  kind: MemberKind;
  category: string;
  city: string;
  country: string;
  website: string;
  latitude: number | null;
  longitude: number | null;
  joinedOn: string;
  /** After joining (active from `joinedOn`): later changes, oldest first. */
  history: HistoryStep[];
}

const ORGANISATION_KIND: Partial<Record<MemberKind, OrganisationKind>> = { local_government: 'local_government', sse_network: 'sse_network' };

/**
 * Writes one existing member inside the caller's transaction: its organisation (found by name and
 * place, or created), the member with its joining date, and its status history as timeline steps
 * (which the figures over time are computed from). A member already recorded for the organisation is refused.
 */
export async function insertExistingMember(trx: Trx, input: ExistingMember, actorId: number, gazetteer: Pick<Gazetteer, 'find'>, source: 'form' | 'import'): Promise<{ id: number; slug: string }> {
  const existing = await trx.selectFrom('organisations').select('id').where('dedup_key', '=', organisationKey(input.name, input.city, input.country)).executeTakeFirst();
  if (existing && (await trx.selectFrom('members').select('id').where('organisation_id', '=', existing.id).executeTakeFirst())) {
    throw new RecordError('name', 'records.error.already_member');
  }
  const organisation = await findOrCreateOrganisation(trx, {
    name: input.name, lang: input.lang, kind: ORGANISATION_KIND[input.kind] ?? 'other', city: input.city || null, country: input.country || null,
    website: input.website || null, latitude: input.latitude, longitude: input.longitude,
  }, gazetteer);
  if (input.website) await trx.updateTable('organisations').set({ website: input.website }).where('id', '=', organisation.id).where('website', 'is', null).execute();
  const slug = await uniqueSlug(slugify(input.name), async (candidate) => Boolean(await trx.selectFrom('members').select('id').where('slug', '=', candidate).executeTakeFirst()));
  const status = input.history.at(-1)?.status ?? 'active';
  const { id } = await trx
    .insertInto('members')
    .values({ slug, organisation_id: organisation.id, kind: input.kind, category: input.category, status, joined_on: input.joinedOn, fee_status: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertEvent(trx, { memberId: id, action: 'joined', status: 'active', effectiveOn: input.joinedOn, actorId });
  for (const step of input.history) await insertEvent(trx, { memberId: id, action: 'recorded', status: step.status, effectiveOn: step.on, reason: step.reason, actorId });
  await reindexSearch(trx, 'member', [id]);
  await recordAudit(trx, { actorId, action: 'member.add', entityType: 'member', entityId: id, details: { slug, source } });
  return { id, slug };
}

/** Adds one existing member from the back-office form. */
export async function addExistingMember(ctx: Ctx, actorId: number, input: ExistingMember): Promise<string> {
  const gazetteer = new Gazetteer();
  const { slug } = await ctx.db.transaction().execute((trx) => insertExistingMember(trx, input, actorId, gazetteer, 'form'));
  await ctx.pageCache.invalidate();
  return slug;
}

/** Every field of a member and its organisation, as the record form sends them. */
export interface MemberRecordInput {
  names: Record<Lang, string>;
  descriptions: Record<Lang, string>;
  kind: MemberKind;
  category: string;
  city: string;
  country: string;
  website: string;
  latitude: number | null;
  longitude: number | null;
  contacts: { focal: { name: string; email: string; phone: string }; head: { name: string; title: string }; general: { email: string } };
}

/**
 * A field in four languages from what the form sent: the original keeps its language (a change marks
 * the translations outdated, unless they were changed too); a typed translation is a human one; an
 * emptied translation is removed.
 */
export function withTexts(current: Translatable | null, fallbackSource: Lang, texts: Record<Lang, string>, at = new Date().toISOString()): Translatable | null {
  const before = current ?? {};
  const source = sourceLang(before) ?? (texts[fallbackSource] ? fallbackSource : LANGS.find((lang) => texts[lang]));
  if (!source || !texts[source]) return null;
  let next: Translatable = before[source]?.text === texts[source] ? { ...before } : setText(before, source, texts[source], 'original', at);
  for (const lang of LANGS) {
    if (lang === source) continue;
    if (!texts[lang]) delete next[lang];
    else if (before[lang]?.text !== texts[lang]) next = setText(next, lang, texts[lang], 'human', at);
  }
  return next;
}

/** Another organisation in this city and country whose name, in any language, is one of these. */
async function samePlaceAndName(trx: Trx, self: number, name: Translatable, city: string, country: string): Promise<boolean> {
  const names = new Set(Object.values(name).map((entry) => nameKey(entry!.text)));
  let query = trx.selectFrom('organisations').select(['name', 'city']).where('id', '!=', self);
  query = country ? query.where('country', '=', country) : query.where('country', 'is', null);
  const others = await query.execute();
  return others.some((other) => nameKey(other.city ?? '') === nameKey(city) && Object.values(other.name).some((entry) => names.has(nameKey(entry!.text))));
}

/** Saves every field of a member and of its organisation in one transaction, audited with what changed. */
export async function updateMemberRecord(ctx: Ctx, slug: string, actorId: number, input: MemberRecordInput): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const member = await findMember(trx, slug);
    if (!member) throw new RecordError('_form', 'records.error.not_found');
    const name = withTexts(member.name, 'en', input.names);
    if (!name) throw new RecordError(`name_${sourceLang(member.name) ?? 'en'}`, 'validation.required');
    const key = organisationKey(name[sourceLang(name)!]!.text, input.city, input.country);
    if (await samePlaceAndName(trx, member.organisation_id, name, input.city, input.country)) throw new RecordError('_form', 'records.error.same_organisation');
    await trx
      .updateTable('organisations')
      .set({
        name: JSON.stringify(name), dedup_key: key, city: input.city || null, country: input.country || null, region: input.country ? regionOf(input.country) : null,
        website: input.website || null, latitude: input.latitude, longitude: input.longitude, updated_at: new Date(),
      })
      .where('id', '=', member.organisation_id)
      .execute();
    const description = withTexts(member.description, 'en', input.descriptions);
    await updateMember(trx, member.id, { kind: input.kind, category: input.category, description: description ? JSON.stringify(description) : null, contacts: JSON.stringify(input.contacts) });
    await reindexSearch(trx, 'member', [member.id]);
    await reindexOrganisationInitiatives(trx, member.organisation_id);
    await recordAudit(trx, { actorId, action: 'member.record', entityType: 'member', entityId: member.id, details: { slug } });
  });
  await ctx.pageCache.invalidate();
}
