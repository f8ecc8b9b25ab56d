import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, Visitor, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
let editor: Visitor;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'texts-editor@example.org', ['editor']);
  editor = await signIn(t.app, 'texts-editor@example.org');
});
afterAll(() => t.close());

const activity = (slug: string) => t.app.ctx.db.selectFrom('activities').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
const audit = (action: string) => t.app.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', action).orderBy('id').execute();
const anonymous = (url: string) => t.app.inject({ method: 'GET', url });

/** Every text field as the edit page shows it, so a test changes only what it means to. */
async function currentTexts(slug: string): Promise<Record<string, string>> {
  const row = await activity(slug);
  const values: Record<string, string> = {};
  for (const lang of ['en', 'fr', 'es', 'ko'] as const) {
    for (const field of ['title', 'summary', 'body'] as const) values[`${field}_${lang}`] = row[field][lang]?.text ?? '';
    // As the form preselects it: an outdated field keeps the language "outdated" until reviewed.
    const statuses = (['title', 'summary', 'body'] as const).map((field) => row[field][lang]?.status);
    if (lang !== 'en') values[`status_${lang}`] = statuses.includes('outdated') ? 'outdated' : statuses.includes('machine') ? 'machine' : 'human';
  }
  return values;
}

describe('editing an activity’s texts in every language', () => {
  it('shows each language with its status, and marks translations outdated when the original changes', async () => {
    const slug = 'gsef2016-montreal';
    const page = await editor.get(`/fr/admin/activities/${slug}/texts`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Statut actuel : original');
    expect(page.body).toContain('Statut actuel : traduction humaine');
    expect(page.body).toContain('id="summary_ko"');

    // Anonymous readers get a cached page first.
    const before = await anonymous('/es/activities/gsef2016-montreal');
    expect(before.body).not.toContain('class="content-notice"');
    expect((await anonymous('/es/activities/gsef2016-montreal')).headers['x-page-cache']).toBe('hit');

    const values = await currentTexts(slug);
    const saved = await editor.post(`/fr/admin/activities/${slug}/texts`, { ...values, summary_en: 'The first forum held outside Korea, hosted by Montréal (revised).' }, { from: `/fr/admin/activities/${slug}/texts` });
    expect(saved.statusCode).toBe(303);
    const row = await activity(slug);
    expect(row.summary.en).toMatchObject({ status: 'original', text: 'The first forum held outside Korea, hosted by Montréal (revised).' });
    expect([row.summary.fr?.status, row.summary.es?.status, row.summary.ko?.status]).toEqual(['outdated', 'outdated', 'outdated']);
    // The title did not change: its translations stay as they were.
    expect(row.title.fr?.status).toBe('human');

    // The public page (cache invalidated) warns Spanish readers; the edit page shows the status.
    const after = await anonymous('/es/activities/gsef2016-montreal');
    expect(after.headers['x-page-cache']).toBeUndefined();
    expect(after.body).toContain('El original de este texto ha cambiado desde que se tradujo');
    expect((await editor.get(`/en/admin/activities/${slug}/texts`)).body).toContain('Current status: outdated translation');

    // Reviewing the Spanish translation (new text) makes it a human translation again; the others stay outdated.
    const again = await currentTexts(slug);
    expect([again.status_fr, again.status_es, again.status_ko]).toEqual(['outdated', 'outdated', 'outdated']);
    await editor.post(`/en/admin/activities/${slug}/texts`, { ...again, summary_es: 'El primer foro fuera de Corea, en Montreal (revisado).', status_es: 'human' }, { from: `/en/admin/activities/${slug}/texts` });
    const reviewed = await activity(slug);
    expect(reviewed.summary.es).toMatchObject({ status: 'human', text: 'El primer foro fuera de Corea, en Montreal (revisado).' });
    expect(reviewed.summary.ko?.status).toBe('outdated');
    expect(reviewed.summary.fr?.status).toBe('outdated');
    expect((await anonymous('/es/activities/gsef2016-montreal')).body).not.toContain('class="content-notice"');

    const entries = await audit('activity.texts');
    expect(entries.map((e) => e.details)).toEqual([
      { slug, changed: ['summary.en', 'summary.fr', 'summary.es', 'summary.ko'] },
      { slug, changed: ['summary.es'] },
    ]);
  });

  it('adds a body and a machine-drafted translation, and removes an emptied translation', async () => {
    const slug = 'gsef2014-seoul';
    const values = await currentTexts(slug);
    const response = await editor.post(
      `/en/admin/activities/${slug}/texts`,
      { ...values, body_en: 'A longer account of the 2014 forum.', body_ko: '2014년 포럼에 대한 자세한 설명.', status_ko: 'machine', summary_es: '' },
      { from: `/en/admin/activities/${slug}/texts` },
    );
    expect(response.statusCode).toBe(303);
    const row = await activity(slug);
    expect(row.body.en).toMatchObject({ status: 'original', text: 'A longer account of the 2014 forum.' });
    expect(row.body.ko).toMatchObject({ status: 'machine', text: '2014년 포럼에 대한 자세한 설명.' });
    expect(row.summary.es).toBeUndefined();
    const ko = await anonymous(`/ko/activities/${slug}`);
    expect(ko.body).toContain('2014년 포럼에 대한 자세한 설명.');
    expect(ko.body).toContain('기계 번역');
  });

  it('refuses too long, missing and orphan texts next to the fields, storing nothing', async () => {
    const slug = 'gsef2013-seoul';
    const stored = await activity(slug);
    const values = await currentTexts(slug);
    const response = await editor.post(
      `/fr/admin/activities/${slug}/texts`,
      { ...values, title_en: '', summary_fr: 'x'.repeat(2001), status_ko: 'invented' },
      { from: `/fr/admin/activities/${slug}/texts` },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/id="title_en-error">\s*Ce champ est obligatoire\./);
    expect(response.body).toMatch(/id="summary_fr-error">\s*C’est trop long\./);
    expect(response.body).toMatch(/id="status_ko-error">\s*Cette valeur n’est pas valide\./);
    // A translated body without an original one.
    const orphan = await editor.post(`/fr/admin/activities/${slug}/texts`, { ...values, body_es: 'Sin original' }, { from: `/fr/admin/activities/${slug}/texts` });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.body).toMatch(/id="body_es-error">\s*Rédigez d’abord le texte complet dans la langue originale\./);
    expect(await activity(slug)).toEqual(stored);
  });

  it('is closed to non-editors', async () => {
    expect((await new Visitor(t.app).get('/en/admin/activities/gsef2013-seoul/texts')).statusCode).toBe(303);
    await createUser(t.app, 'texts-member@example.org', ['member_contact']);
    const member = await signIn(t.app, 'texts-member@example.org');
    expect((await member.get('/en/admin/activities/gsef2013-seoul/texts')).statusCode).toBe(403);
  });
});

describe('editing organisers and partners', () => {
  it('adds one by name, city and country (found or created), and removes one', async () => {
    const slug = 'asia-policy-dialogue-6';
    const url = `/en/admin/activities/${slug}/organisations`;
    const added = await editor.post(url, { name: 'Seoul Social Economy Center', city: 'Seoul', country: 'Corée du Sud', role: 'partner' }, { from: url });
    expect(added.statusCode).toBe(303);
    const org = await t.app.ctx.db.selectFrom('organisations').select(['id', 'country', 'city']).where('dedup_key', 'like', '%seoul social economy center%').executeTakeFirstOrThrow();
    expect(org).toMatchObject({ country: 'KR', city: 'Seoul' });
    // The same organisation spelled the same way is found again, not duplicated.
    await editor.post(`/en/admin/activities/asia-policy-dialogue-5/organisations`, { name: 'Seoul Social Economy Center', city: 'Seoul', country: 'KR', role: 'organiser' }, { from: url });
    const links = await t.app.ctx.db.selectFrom('activity_organisations').select(['activity_id', 'role']).where('organisation_id', '=', org.id).execute();
    expect(links).toHaveLength(2);
    const publicPage = await anonymous(`/en/activities/${slug}`);
    expect(publicPage.body).toContain('Seoul Social Economy Center');

    const twice = await editor.post(url, { name: 'Seoul Social Economy Center', city: 'Seoul', country: 'KR', role: 'partner' }, { from: url });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('This organisation already has this role here.');

    const removed = await editor.post(`${url}/remove`, { organisation: String(org.id), role: 'partner' }, { from: url });
    expect(removed.statusCode).toBe(303);
    expect(await t.app.ctx.db.selectFrom('activity_organisations').select('role').where('organisation_id', '=', org.id).execute()).toEqual([{ role: 'organiser' }]);
    expect((await anonymous(`/en/activities/${slug}`)).body).not.toContain('Seoul Social Economy Center');
    expect((await audit('activity.organisation.add')).length).toBe(2);
    expect((await audit('activity.organisation.remove')).map((e) => e.details)).toEqual([{ slug, organisationId: org.id, role: 'partner' }]);
  });

  it('refuses an unknown country or a missing name next to the field, creating nothing', async () => {
    const url = '/es/admin/activities/asia-policy-dialogue-6/organisations';
    const count = async () => Number((await t.app.ctx.db.selectFrom('organisations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const response = await editor.post(url, { name: '', city: 'Nowhere', country: 'Atlantis', role: 'partner' }, { from: url });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="name-error"');
    expect(response.body).toContain('Escriba un nombre de país o un código de dos letras');
    expect(await count()).toBe(before);
  });
});

describe('editing the series and edition', () => {
  const fields = (slug: string) => editor.get(`/en/admin/activities/${slug}/edit`);
  const base = { type: 'policy_dialogue', title: 'Europe Policy Dialogue, 3rd edition', summary: 'Planned.', start: '2019-11-25', end: '2019-11-29', precision: 'day', format: 'in-person', city: 'Liverpool', country: 'GB', tentative: 'on' };

  it('moves an activity into a series with an edition, shown on the series page', async () => {
    const form = await fields('europe-policy-dialogue-3');
    expect(form.body).toMatch(/<option value="europe-policy-dialogue" selected/);
    const url = '/en/admin/activities/europe-policy-dialogue-3/edit';
    const response = await editor.post(url, { ...base, series: 'europe-policy-dialogue', edition: '4' }, { from: url });
    expect(response.statusCode).toBe(303);
    expect(await activity('europe-policy-dialogue-3')).toMatchObject({ edition: 4 });
    const [entry] = await audit('activity.update');
    expect(entry!.details).toMatchObject({ slug: 'europe-policy-dialogue-3', from: { edition: 3 }, to: { edition: 4 } });
    const series = await anonymous('/en/activities/series/europe-policy-dialogue');
    expect(series.body).toContain('href="/en/activities/europe-policy-dialogue-3">4</a>');
  });

  it('refuses an unknown series, an edition without series and reversed dates, storing nothing', async () => {
    const url = '/fr/admin/activities/europe-policy-dialogue-3/edit';
    const stored = await activity('europe-policy-dialogue-3');
    const unknown = await editor.post(url, { ...base, series: 'no-such-series', edition: '2' }, { from: url });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('id="series-error"');
    expect(unknown.body).toContain('Choisissez une série dans la liste.');
    const orphan = await editor.post(url, { ...base, series: '', edition: '2' }, { from: url });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.body).toContain('Un numéro d’édition demande une série.');
    const reversed = await editor.post(url, { ...base, series: 'europe-policy-dialogue', start: '2019-11-29', end: '2019-11-25' }, { from: url });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('id="end-error"');
    const long = await editor.post(url, { ...base, series: 'europe-policy-dialogue', title: 'x'.repeat(301) }, { from: url });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('id="title-error"');
    expect(await activity('europe-policy-dialogue-3')).toEqual(stored);
  });
});
