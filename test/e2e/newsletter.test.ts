import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSending } from '../../src/newsletter/delivery.ts';
import { createIssue, saveEdition } from '../../src/newsletter/issues.ts';
import { addActiveSubscribers } from '../../src/newsletter/testing.ts';
import { createUser } from '../helpers.ts';
import { expectNoViolations, signInWithForm, startBrowserRun, type BrowserRun } from './browser.ts';

const LANGS = ['en', 'fr', 'es', 'ko'] as const;

let run: BrowserRun;
let visitor: Page;
let editor: Page;
let issueId: number;
let newsId: number;

beforeAll(async () => {
  run = await startBrowserRun();
  const { app } = run.t;
  const actor = await createUser(app, 'nl-editor@example.org', ['editor']);
  await addActiveSubscribers(app.ctx.db, [{ email: 'reader@example.org', lang: 'fr' }]);
  issueId = await createIssue(app.ctx.db, { slug: '2019-01', issue_date: '2019-01-01', source_lang: 'en', fallback_lang: 'en', events_count: 3 }, actor);
  const texts = { en: ['Cities and the social economy', 'Welcome.'], fr: ['Les villes et l’économie sociale', 'Bienvenue.'], es: ['Las ciudades y la economía social', 'Bienvenidos.'] } as const;
  for (const [lang, [subject, intro]] of Object.entries(texts)) {
    await saveEdition(app.ctx.db, issueId, lang as 'en', { status: 'ready', subject, intro, sections: {} }, actor);
  }
  await saveEdition(app.ctx.db, issueId, 'ko', { status: 'skipped', subject: '', intro: '', sections: {} }, actor);
  newsId = (await app.ctx.db.selectFrom('news_items').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  await startSending(app.ctx, issueId, actor);
  await app.ctx.jobs.drain();
  visitor = await run.newPage();
  editor = await run.newPage();
  await signInWithForm(editor, 'nl-editor@example.org');
});
afterAll(() => run?.close());

describe.each(LANGS)('axe finds no violations in the newsletter pages (%s)', (lang) => {
  it('on the archive', () => expectNoViolations(visitor, `/${lang}/newsletter`));

  it('on an issue’s web version', async () => {
    await expectNoViolations(visitor, `/${lang}/newsletter/2019-01`);
    expect(await visitor.locator('main h1').textContent()).toBe(lang === 'fr' ? 'Les villes et l’économie sociale' : lang === 'es' ? 'Las ciudades y la economía social' : 'Cities and the social economy');
  });

  it('on the mail preview (the exact HTML sent)', async () => {
    await expectNoViolations(editor, `/${lang}/admin/newsletter/${issueId}/editions/${lang}/preview`);
    expect(await editor.getAttribute('html', 'lang')).toBe(lang);
  });

  it('on the back-office issue page', () => expectNoViolations(editor, `/${lang}/admin/newsletter/${issueId}`));

  it('on the back-office texts of a news item in every language', () => expectNoViolations(editor, `/${lang}/admin/news/${newsId}/texts`));
});
