import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { DB } from '../db/types.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { HttpError } from '../web/http-error.ts';
import * as q from './queries.ts';
import type { SectionKind, SectionTexts } from './tables.ts';

/**
 * Issues, their sections and their editions: the editorial rules (no HTTP, no HTML). An edition's
 * state is computed, never stored, so "outdated" cannot be forgotten: a translation saved against
 * an earlier revision of the source edition is outdated.
 */
export type Issue = NonNullable<Awaited<ReturnType<typeof q.findIssue>>>;
export type Edition = Awaited<ReturnType<typeof q.listEditions>>[number];
export type Section = Awaited<ReturnType<typeof q.listSections>>[number];
export type EditionState = 'missing' | 'draft' | 'ready' | 'outdated' | 'skipped';

/** The recurring sections a new issue starts with, in order. */
export const DEFAULT_SECTIONS: SectionKind[] = ['important', 'news', 'member', 'events'];

export function editionState(issue: Pick<Issue, 'source_lang' | 'source_revision'>, edition: Edition | undefined): EditionState {
  if (!edition) return 'missing';
  if (edition.status === 'skipped') return 'skipped';
  if (edition.lang !== issue.source_lang && edition.based_on_revision < issue.source_revision) return 'outdated';
  return edition.status;
}

export function editionStates(issue: Issue, editions: Edition[]): Record<Lang, EditionState> {
  return Object.fromEntries(LANGS.map((lang) => [lang, editionState(issue, editions.find((e) => e.issue_id === issue.id && e.lang === lang))])) as Record<Lang, EditionState>;
}

/**
 * Why the issue cannot be sent yet, as catalog keys with the language named: every language needs
 * a ready edition or an explicit skip, and the fallback edition itself must be ready.
 */
export function sendBlockers(issue: Issue, editions: Edition[]): { key: string; lang: Lang }[] {
  const states = editionStates(issue, editions);
  const blockers: { key: string; lang: Lang }[] = [];
  for (const lang of LANGS) {
    const state = states[lang];
    if (state === 'missing' || state === 'draft' || state === 'outdated') blockers.push({ key: `newsletter.blocked.${state}`, lang });
  }
  if (states[issue.fallback_lang] === 'skipped') blockers.push({ key: 'newsletter.blocked.fallback_skipped', lang: issue.fallback_lang });
  return blockers;
}

/** The language a subscriber of `lang` receives: theirs when its edition is ready, else the fallback. */
export function deliveryLang(issue: Issue, states: Record<Lang, EditionState>, lang: Lang): Lang {
  return states[lang] === 'ready' ? lang : issue.fallback_lang;
}

export async function issueOverview(db: Kysely<DB>) {
  const issues = await q.listIssues(db);
  const editions = await q.listEditions(db, issues.map((issue) => issue.id));
  return issues.map((issue) => ({ issue, states: editionStates(issue, editions) }));
}

export async function issueDetail(db: Kysely<DB> | Transaction<DB>, by: { id: number } | { slug: string }) {
  const issue = await q.findIssue(db, by);
  if (!issue) return null;
  const [editions, sections, counts] = await Promise.all([q.listEditions(db, [issue.id]), q.listSections(db, issue.id), q.deliveryCounts(db, issue.id)]);
  return { issue, editions, sections, counts, states: editionStates(issue, editions), blockers: sendBlockers(issue, editions) };
}

export type IssueDetail = NonNullable<Awaited<ReturnType<typeof issueDetail>>>;

export function pastIssues(db: Kysely<DB>) {
  return q.listIssues(db, { status: 'sent' }).then(async (issues) => ({ issues, editions: await q.listEditions(db, issues.map((i) => i.id)) }));
}

export interface NewIssue {
  slug: string;
  issue_date: string;
  source_lang: Lang;
  fallback_lang: Lang;
  events_count: number;
}

export async function createIssue(db: Kysely<DB>, input: NewIssue, actorId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (await q.findIssue(trx, { slug: input.slug })) throw new HttpError(409, 'newsletter.error.slug_taken', { slug: 'newsletter.error.slug_taken' });
    const number = await q.nextNumber(trx);
    const { id } = await q.insertIssue(trx, { ...input, number, created_by: actorId });
    for (const [position, kind] of DEFAULT_SECTIONS.entries()) await q.insertSection(trx, { issue_id: id, position, kind });
    await recordAudit(trx, { actorId, action: 'newsletter.issue.create', entityType: 'newsletter_issue', entityId: id, details: { slug: input.slug } });
    return id;
  });
}

/** Runs `change` on an issue still being prepared (locked); a sending or sent issue is not edited. */
async function editIssue<T>(db: Kysely<DB>, id: number, change: (trx: Transaction<DB>, issue: Issue) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const issue = await q.lockIssue(trx, id);
    if (!issue) throw new HttpError(404, 'error.not_found');
    if (issue.status === 'sending' || issue.status === 'sent') throw new HttpError(409, 'newsletter.error.not_editable');
    return change(trx, issue);
  });
}

export interface EditionInput {
  subject: string;
  intro: string;
  status: 'draft' | 'ready' | 'skipped';
  /** Title and body of each written section, by section id. */
  sections: Record<number, { title: string; body: string }>;
}

/**
 * Saves one language's edition and its section texts. A changed source edition raises the issue's
 * revision, which makes every translation saved before it outdated.
 */
export async function saveEdition(db: Kysely<DB>, id: number, lang: Lang, input: EditionInput, actorId: number): Promise<void> {
  await editIssue(db, id, async (trx, issue) => {
    if (input.status === 'skipped' && (lang === issue.source_lang || lang === issue.fallback_lang)) {
      throw new HttpError(400, 'newsletter.error.cannot_skip', { status: 'newsletter.error.cannot_skip' });
    }
    const [previous] = (await q.listEditions(trx, [id])).filter((e) => e.lang === lang);
    const sections = await q.listSections(trx, id);
    let changed = !previous || previous.subject !== input.subject || previous.intro !== input.intro;
    for (const section of sections) {
      const text = input.sections[section.id];
      if (!text) continue;
      const before = section.texts[lang];
      if (before?.title === text.title && before?.body === text.body) continue;
      changed = true;
      const texts: SectionTexts = { ...section.texts };
      if (text.title === '' && text.body === '') delete texts[lang];
      else texts[lang] = text;
      await q.updateSection(trx, section.id, { texts });
    }
    let revision = issue.source_revision;
    if (lang === issue.source_lang && changed && previous) {
      revision += 1;
      await q.updateIssue(trx, id, { source_revision: revision });
    }
    await q.upsertEdition(trx, { issue_id: id, lang, status: input.status, subject: input.subject, intro: input.intro, based_on_revision: revision });
    await recordAudit(trx, { actorId, action: 'newsletter.edition.save', entityType: 'newsletter_issue', entityId: id, details: { lang, status: input.status } });
  });
}

export async function addSection(db: Kysely<DB>, id: number, kind: SectionKind, actorId: number) {
  await editIssue(db, id, async (trx) => {
    const sections = await q.listSections(trx, id);
    await q.insertSection(trx, { issue_id: id, position: sections.length, kind });
    await recordAudit(trx, { actorId, action: 'newsletter.section.add', entityType: 'newsletter_issue', entityId: id, details: { kind } });
  });
}

export async function removeSection(db: Kysely<DB>, id: number, sectionId: number, actorId: number) {
  await editIssue(db, id, async (trx) => {
    if (!(await q.deleteSection(trx, id, sectionId)).numDeletedRows) throw new HttpError(404, 'error.not_found');
    const rest = await q.listSections(trx, id);
    for (const [position, section] of rest.entries()) if (section.position !== position) await q.updateSection(trx, section.id, { position });
    await recordAudit(trx, { actorId, action: 'newsletter.section.remove', entityType: 'newsletter_issue', entityId: id, details: { sectionId } });
  });
}

/** Moves a section one place up or down (the unique position is deferred, so a swap is two updates). */
export async function moveSection(db: Kysely<DB>, id: number, sectionId: number, direction: 'up' | 'down', actorId: number) {
  await editIssue(db, id, async (trx) => {
    const sections = await q.listSections(trx, id);
    const index = sections.findIndex((s) => s.id === sectionId);
    if (index < 0) throw new HttpError(404, 'error.not_found');
    const other = sections[direction === 'up' ? index - 1 : index + 1];
    if (!other) return;
    await q.updateSection(trx, sectionId, { position: other.position });
    await q.updateSection(trx, other.id, { position: sections[index]!.position });
    await recordAudit(trx, { actorId, action: 'newsletter.section.move', entityType: 'newsletter_issue', entityId: id, details: { sectionId, direction } });
  });
}

/** What a section shows: the member introduced, or the accepted news placed in it. */
export async function setSectionContent(db: Kysely<DB>, id: number, sectionId: number, content: { member_slug?: string | null; news_ids?: number[] }, actorId: number) {
  await editIssue(db, id, async (trx) => {
    const section = (await q.listSections(trx, id)).find((s) => s.id === sectionId);
    if (!section) throw new HttpError(404, 'error.not_found');
    await q.updateSection(trx, sectionId, content);
    await recordAudit(trx, { actorId, action: 'newsletter.section.content', entityType: 'newsletter_issue', entityId: id, details: { sectionId } });
  });
}

export async function updateSettings(db: Kysely<DB>, id: number, input: { events_count: number; fallback_lang: Lang; issue_date: string }, actorId: number) {
  await editIssue(db, id, async (trx) => {
    await q.updateIssue(trx, id, input);
    await recordAudit(trx, { actorId, action: 'newsletter.issue.settings', entityType: 'newsletter_issue', entityId: id, details: input });
  });
}

