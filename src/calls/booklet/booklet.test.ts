import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../../test/helpers.ts';
import { pdfFonts, pdfText } from '../../../test/pdf-text.ts';
import { BOOKLET_JOB, bookletEdition, generateBooklet } from './domain.ts';
import './tables.ts';

const EVENT = 'gsef2018-bilbao';
let t: TestApp;
let codes: string[];
/** Every numbered entry of three parts: the 102 initiatives and the thematic workshops numbered like them (4.4.1). */
let itemCodes: string[];

beforeAll(async () => {
  t = await createTestApp();
  codes = (await t.app.ctx.db.selectFrom('initiatives').select('code').where('event_slug', '=', EVENT).where('kind', '=', 'initiative').execute()).map((row) => row.code);
  itemCodes = (await t.app.ctx.db.selectFrom('initiatives').select('code').where('event_slug', '=', EVENT).execute()).map((row) => row.code).filter((code) => code.split('.').length === 3);
});
afterAll(async () => {
  await t?.close();
});

const text = (pdf: Buffer, page?: number) => pdfText(pdf, { layout: true, page });

/** Asks for the PDF, runs the queued booklet jobs, asks again. */
async function fetchPdf(lang: string): Promise<Buffer> {
  const url = `/${lang}/initiatives/programme/${EVENT}/booklet.pdf`;
  let response = await t.app.inject(url);
  if (response.statusCode === 202) {
    await t.app.ctx.jobs.drain([BOOKLET_JOB]);
    response = await t.app.inject(url);
  }
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  return response.rawPayload;
}

/**
 * The contents as the reader sees them: "1.1.2  Title …  7" lines on the contents pages, read from
 * the pages before the first session.
 */
function contentsPages(pdf: Buffer): Map<string, number> {
  const pages = new Map<string, number>();
  for (let page = 2; page < 12; page++) {
    for (const line of text(pdf, page).split('\n')) {
      const match = /^\s*(\d+\.\d+\.\d+)\s.*?\s(\d+)\s*$/.exec(line);
      if (match) pages.set(match[1]!, Number(match[2]));
    }
  }
  return pages;
}

describe('the GSEF2018 booklet', () => {
  it('answers "being prepared" with its progress before the PDF exists, then serves it', async () => {
    const first = await t.app.inject(`/en/initiatives/programme/${EVENT}/booklet.pdf`);
    expect(first.statusCode).toBe(202);
    expect(first.headers['retry-after']).toBe('5');
    expect(first.body).toContain('The PDF is being prepared (0');
    const page = await t.app.inject(`/en/initiatives/programme/${EVENT}/booklet`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('The PDF is being prepared');
    expect(await t.app.ctx.jobs.drain([BOOKLET_JOB])).toBe(1);
    const ready = await t.app.inject(`/en/initiatives/programme/${EVENT}/booklet`);
    expect(ready.body).toMatch(/Download the booklet as PDF \(\d+ pages/);
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`prints all ${102} entries in ${lang}, each on the page its contents line gives`, async () => {
      expect(codes).toHaveLength(102);
      const pdf = (await fetchPdf(lang));
      const all = text(pdf);
      for (const code of codes) expect(all).toMatch(new RegExp(`(^|\\s)${code.replace(/\./g, '\\.')}\\s`));
      const contents = contentsPages(pdf);
      expect([...contents.keys()].sort()).toEqual([...itemCodes].sort());
      for (const [code, page] of contents) {
        // The entry's heading is on that page: its code at the start of a line.
        expect(text(pdf, page), `${code} on page ${page}`).toMatch(new RegExp(`^\\s*${code.replace(/\./g, '\\.')}\\s+\\S`, 'm'));
      }
      const fonts = pdfFonts(pdf);
      for (const line of fonts) expect(line).toMatch(/NotoSansKR-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/);
      expect(all).toContain(lang === 'fr' ? 'Index des pays' : 'Index of countries');
    });
  }

  it('marks the titles printed in their source language, in the booklet\'s language', async () => {
    const edition = (await bookletEdition(t.app.ctx.db, EVENT, 'en'))!;
    const entry = edition.booklet.days[0]!.sessions[0]!.workshops[0]!.entries[0]!;
    expect(entry.title.lang).toBe('fr');
    expect(entry.title.mark).toBe('(original in French)');
    expect(entry.summary?.lang).toBe('en');
    expect(entry.summary?.mark).toBeNull();
    expect(entry.place).toBe('Washington, United States');
    const fr = (await bookletEdition(t.app.ctx.db, EVENT, 'fr'))!.booklet.days[0]!.sessions[0]!.workshops[0]!.entries[0]!;
    expect(fr.title.mark).toBeNull();
    expect(fr.place).toBe('Washington, États-Unis');
  });

  it('is reproducible: the same programme gives the same bytes', async () => {
    const first = await fetchPdf('fr');
    // Forget the stored edition: the job makes it again from the same programme.
    await t.app.ctx.db.deleteFrom('booklet_files').where('lang', '=', 'fr').execute();
    expect(await generateBooklet(t.app.ctx, EVENT, 'fr')).toBe('made');
    const second = await fetchPdf('fr');
    expect(second.equals(first)).toBe(true);
    expect(await generateBooklet(t.app.ctx, EVENT, 'fr')).toBe('cached');
  });

  it('is made again when the programme changes, and the old file goes', async () => {
    await fetchPdf('en');
    const before = await t.app.ctx.db.selectFrom('booklet_files').selectAll().where('lang', '=', 'en').where('state', '=', 'ready').executeTakeFirstOrThrow();
    await t.app.ctx.db.updateTable('initiatives').where('event_slug', '=', EVENT).where('code', '=', '1.1.2')
      .set({ title: sql`jsonb_set(title, '{en}', '{"text": "Koopera renamed for the test", "status": "human", "updatedAt": "2026-12-01T00:00:00Z"}')` }).execute();
    expect((await t.app.inject(`/en/initiatives/programme/${EVENT}/booklet.pdf`)).statusCode).toBe(202);
    const pdf = (await fetchPdf('en'));
    expect(text(pdf)).toContain('Koopera renamed for the test');
    const rows = await t.app.ctx.db.selectFrom('booklet_files').selectAll().where('lang', '=', 'en').execute();
    expect(rows.map((row) => row.content_hash)).not.toContain(before.content_hash);
    expect(await t.app.ctx.files.get(before.file_key!)).toBeNull();
  });

  it('asks again for a PDF whose job failed for good, once a while has passed', async () => {
    const edition = (await bookletEdition(t.app.ctx.db, EVENT, 'es'))!;
    await t.app.ctx.db.insertInto('booklet_files').values({ event_slug: EVENT, lang: 'es', content_hash: edition.hash, state: 'failed', error: 'lost' }).execute();
    const failed = await t.app.inject(`/es/initiatives/programme/${EVENT}/booklet`);
    expect(failed.body).toContain('No se pudo producir el PDF');
    expect(await t.app.ctx.jobs.drain([BOOKLET_JOB])).toBe(0);
    await t.app.ctx.db.updateTable('booklet_files').set({ updated_at: new Date(Date.now() - 3600_000) }).where('lang', '=', 'es').execute();
    await t.app.inject(`/es/initiatives/programme/${EVENT}/booklet`);
    expect(await t.app.ctx.jobs.drain([BOOKLET_JOB])).toBe(1);
    const pdf = (await fetchPdf('es'));
    // A thematic workshop says who ran it, in the booklet's language.
    expect(text(pdf)).toMatch(/Taller organizado por \S/);
  });

  it('answers 404 for an event without a programme', async () => {
    expect((await t.app.inject('/en/initiatives/programme/no-such-forum/booklet')).statusCode).toBe(404);
    expect((await t.app.inject('/en/initiatives/programme/no-such-forum/booklet.pdf')).statusCode).toBe(404);
    expect((await t.app.inject('/en/initiatives/programme/Bad%20Slug/booklet')).statusCode).toBe(404);
  });

  it('shows the booklet page in four languages, linked from the programme', async () => {
    for (const lang of ['en', 'fr', 'es', 'ko']) {
      const response = await t.app.inject(`/${lang}/initiatives/programme/${EVENT}/booklet`);
      expect(response.statusCode).toBe(200);
      for (const code of codes) expect(response.body).toContain(`id="e-${code.replace(/\./g, '-')}"`);
      expect((await t.app.inject(`/${lang}/initiatives/programme/${EVENT}`)).body).toContain(`/${lang}/initiatives/programme/${EVENT}/booklet"`);
    }
  });
});

describe('the secretariat\'s part of the booklet', () => {
  let editor: Visitor;
  beforeAll(async () => {
    await createUser(t.app, 'booklet-editor@example.org', ['editor']);
    editor = await signIn(t.app, 'booklet-editor@example.org');
  });

  it('is for staff only', async () => {
    const anonymous = await new Visitor(t.app).get(`/en/admin/booklets/${EVENT}`);
    expect([302, 303, 401, 403]).toContain(anonymous.statusCode);
  });

  it('refuses a front matter without its original, naming the field', async () => {
    const response = await editor.post(`/en/admin/booklets/${EVENT}`, { source: 'ko', front_matter_en: 'Only English', partners: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Write the front matter in the language marked as its original');
  });

  it('prints the Korean front matter and partners, with Korean lines broken between words', async () => {
    const words = '사회연대경제 국제포럼 2018년 빌바오 대회에는 세계 각지의 지방정부와 시민사회 조직이 함께 모여 지역 발전의 경험을 나누었습니다'.split(' ');
    const korean = Array.from({ length: 8 }, () => words.join(' ')).join(' ');
    const response = await editor.post(`/en/admin/booklets/${EVENT}`, {
      source: 'ko', front_matter_ko: korean, front_matter_en: 'The forum gathered local governments.', partners: 'Ayuntamiento de Bilbao\nEUDEL',
    });
    expect(response.statusCode).toBe(303);
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'calls.booklet.update').execute();
    expect(audit).toHaveLength(1);
    await t.app.ctx.jobs.drain([BOOKLET_JOB]);
    const pdf = (await fetchPdf('ko'));
    const lines = text(pdf, 2).split('\n').map((line) => line.trim()).filter((line) => /\p{Script=Hangul}/u.test(line) && line.length > 20);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) for (const word of line.split(/\s+/)) expect(words).toContain(word);
    expect(lines.join(' ')).toContain(words.join(' '));
    expect(text(pdf)).toContain('EUDEL');
    expect(pdfFonts(pdf).join('\n')).toMatch(/NotoSansKR-Regular/);
    const page = await t.app.inject(`/en/initiatives/programme/${EVENT}/booklet`);
    expect(page.body).toContain('The forum gathered local governments.');
    expect(page.body).toContain('<li>EUDEL</li>');
  });

  it('prints each workshop’s room, moderators and partner under its title, in the booklet’s language', async () => {
    const [workshop] = await t.app.ctx.db.selectFrom('programme_workshops').select(['id', 'code']).where('event_slug', '=', EVENT).orderBy('position').limit(1).execute();
    await t.app.ctx.db.updateTable('programme_workshops').set({ room: 'Sala Bizkaia', moderators: ['Ana Ruiz', 'Lee Min'], partner: 'EUDEL' }).where('id', '=', workshop!.id).execute();
    const page = await t.app.inject(`/fr/initiatives/programme/${EVENT}/booklet`);
    expect(page.body).toContain('<p class="booklet-workshop-details">Salle : Sala Bizkaia · Animé par Ana Ruiz et Lee Min · Avec EUDEL</p>');
    await t.app.ctx.db.updateTable('booklet_files').set({ updated_at: new Date(Date.now() - 3600_000) }).where('lang', '=', 'ko').execute();
    await t.app.inject(`/ko/initiatives/programme/${EVENT}/booklet`);
    await t.app.ctx.jobs.drain([BOOKLET_JOB]);
    const korean = text(await fetchPdf('ko')).replace(/\s+/g, ' ');
    expect(korean).toContain('장소: Sala Bizkaia · 진행: Ana Ruiz 및 Lee Min · 협력: EUDEL');
  });
});
