import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, createUser, csrfTokenIn, multipart, SAMPLE_FILES, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import { TestSmtpServer } from '../../test/smtp.ts';
import { acceptedNews } from './domain.ts';

const smtp = new TestSmtpServer();
let t: TestApp;
let member: Visitor;
let editor: Visitor;
beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
  await createUser(t.app, 'contact@city.example', ['member_contact']);
  await createUser(t.app, 'editor@gsef.example', ['editor']);
  await t.app.ctx.db.updateTable('users').set({ lang: 'fr' }).where('email', '=', 'contact@city.example').execute();
  member = await signIn(t.app, 'contact@city.example');
  editor = await signIn(t.app, 'editor@gsef.example');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

/** Posts a multipart news form as the visitor, with the CSRF token of the page it comes from. */
async function postNews(visitor: Visitor, url: string, from: string, fields: Record<string, string>, files: Parameters<typeof multipart>[1] = {}) {
  const token = csrfTokenIn((await visitor.get(from)).body);
  const body = multipart({ ...fields, _csrf: token }, files);
  return t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, cookie: visitor.cookies }, remoteAddress: visitor.remoteAddress });
}

const item = (slug: string) => t.app.ctx.db.selectFrom('news_items').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();

describe('news: contribution → review → publication', () => {
  it('goes submit → ask for changes → resubmit → accept → public page, API and feed, with mails to the submitter', async () => {
    const submitted = await postNews(member, '/fr/news/submit', '/fr/news/submit', {
      title: 'Montréal ouvre une maison de l’économie sociale',
      summary: 'Un lieu pour accompagner les entreprises collectives du quartier.',
      body: 'Premier paragraphe.\n\nSecond paragraphe avec <b>balise</b> & esperluette.',
      link: 'https://example.org/maison',
      lang: 'fr',
      image_alt: 'La façade de la maison',
    }, { image: { name: 'facade.png', type: 'image/png', content: SAMPLE_FILES.png } });
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe('/fr/news/mine?notice=submitted');
    const row = await item('montreal-ouvre-une-maison-de-l-economie-sociale');
    expect(row).toMatchObject({ status: 'submitted', kind: 'news', source_lang: 'fr', image_mime: 'image/png', published_at: null });
    expect(row.title.fr).toMatchObject({ status: 'original' });

    // Not public while under review.
    expect((await new Visitor(t.app).get(`/fr/news/${row.slug}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/media/news/${row.slug}/image` })).statusCode).toBe(404);
    expect((await editor.get(`/en/admin/news/${row.id}/image`)).statusCode).toBe(200);

    // The editor asks for changes, with a comment the submitter receives in French.
    const queue = await editor.get('/en/admin/news');
    expect(queue.body).toContain('Montréal ouvre une maison');
    const missingComment = await editor.post(`/en/admin/news/${row.id}/review`, { action: 'request_changes', comment: '' }, { from: `/en/admin/news/${row.id}` });
    expect(missingComment.statusCode).toBe(400);
    expect(missingComment.body).toContain('Write a comment: the submitter receives it.');
    const changes = await editor.post(`/en/admin/news/${row.id}/review`, { action: 'request_changes', comment: 'Pouvez-vous préciser la date d’ouverture ?' }, { from: `/en/admin/news/${row.id}` });
    expect(changes.statusCode).toBe(303);
    expect((await item(row.slug)).status).toBe('changes_requested');
    await t.app.ctx.jobs.drain();
    const [changesMail] = smtp.received.filter((mail) => mail.subject?.startsWith('Modifications demandées'));
    expect(changesMail!.to![0]!.address).toBe('contact@city.example');
    expect(changesMail!.text).toContain('Pouvez-vous préciser la date d’ouverture ?');
    expect(changesMail!.text).toContain(`http://passerelle.test/fr/news/submissions/${row.id}/edit`);

    // Only the submitter edits, and only now.
    expect((await editor.get(`/fr/news/submissions/${row.id}/edit`)).statusCode).toBe(404);
    const editForm = await member.get(`/fr/news/submissions/${row.id}/edit`);
    expect(editForm.statusCode).toBe(200);
    expect(editForm.body).toContain('Pouvez-vous préciser la date d’ouverture ?');
    const resubmitted = await postNews(member, `/fr/news/submissions/${row.id}/edit`, `/fr/news/submissions/${row.id}/edit`, {
      title: 'Montréal ouvre une maison de l’économie sociale',
      summary: 'Ouverte le 2 mars, elle accompagne les entreprises collectives du quartier.',
      body: 'Premier paragraphe.\n\nSecond paragraphe avec <b>balise</b> & esperluette.',
      link: 'https://example.org/maison',
      lang: 'fr',
      image_alt: 'La façade de la maison',
    });
    expect(resubmitted.statusCode).toBe(303);
    expect(await item(row.slug)).toMatchObject({ status: 'submitted' });
    expect((await member.get(`/fr/news/submissions/${row.id}/edit`)).statusCode).toBe(409);

    // A decline after acceptance, or changes on an accepted item, is refused; acceptance publishes.
    const accepted = await editor.post(`/en/admin/news/${row.id}/review`, { action: 'accept', comment: '' }, { from: `/en/admin/news/${row.id}` });
    expect(accepted.statusCode).toBe(303);
    const published = await item(row.slug);
    expect(published.status).toBe('accepted');
    expect(published.published_at).not.toBeNull();
    const lateDecline = await editor.post(`/en/admin/news/${row.id}/review`, { action: 'decline', comment: 'non' }, { from: `/en/admin/news/${row.id}` });
    expect(lateDecline.statusCode).toBe(409);
    const reviews = await t.app.ctx.db.selectFrom('news_reviews').select('action').where('news_id', '=', row.id).orderBy('id').execute();
    expect(reviews.map((r) => r.action)).toEqual(['submitted', 'changes_requested', 'resubmitted', 'accepted']);
    await t.app.ctx.jobs.drain();
    expect(smtp.received.filter((mail) => mail.subject === 'Votre actualité est publiée : Montréal ouvre une maison de l’économie sociale')).toHaveLength(1);

    // The public page, in French and, with the fallback notice, in Korean.
    const page = await new Visitor(t.app).get(`/fr/news/${row.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ouverte le 2 mars');
    expect(page.body).toContain('<p>Second paragraphe avec &lt;b>balise&lt;/b> &amp; esperluette.</p>');
    // Converted at upload into the sizes served with srcset (a 1-pixel picture has one), alt text kept.
    const imageId = (await t.app.ctx.db.selectFrom('news_items').select('image_id').where('id', '=', row.id).executeTakeFirstOrThrow()).image_id;
    expect(page.body).toContain(`<picture class="news-image"><source type="image/avif" srcset="/media/images/${imageId}/1.avif 1w"`);
    expect(page.body).toContain(`<img src="/media/images/${imageId}/1.png" srcset="/media/images/${imageId}/1.png 1w" sizes="(min-width: 72rem) 70rem, 100vw" width="1" height="1" alt="La façade de la maison" decoding="async"/></picture>`);
    expect(page.body).toContain('type="application/atom+xml"');
    const korean = await new Visitor(t.app).get(`/ko/news/${row.slug}`);
    expect(korean.body).toContain('class="content-notice"');
    expect(korean.body).toMatch(/<h1 lang="fr">Montréal ouvre/);
    const image = await t.app.inject({ method: 'GET', url: `/media/news/${row.slug}/image` });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');

    // In the list (newest first), the API, the domain function and the feed.
    const list = await new Visitor(t.app).get('/fr/news');
    expect(list.body.indexOf('Montréal ouvre')).toBeLessThan(list.body.indexOf('Six webinaires'));
    const api = (await t.app.inject({ method: 'GET', url: '/api/v1/news?lang=en' })).json();
    expect(api.items[0]).toMatchObject({ slug: row.slug, kind: 'news', lang: 'fr', sourceLang: 'fr', image: `http://passerelle.test/media/news/${row.slug}/image`, imageAlt: 'La façade de la maison' });
    const one = (await t.app.inject({ method: 'GET', url: `/api/v1/news/${row.slug}?lang=es` })).json();
    expect(one.texts.title).toMatchObject({ lang: 'fr', fallback: true });
    expect((await acceptedNews(t.app.ctx.db, { ids: [row.id] })).map((n) => n.slug)).toEqual([row.slug]);
    const feed = await new Visitor(t.app).get('/fr/feed.xml');
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(feed.body).toContain(`<link rel="alternate" type="text/html" href="http://passerelle.test/fr/news/${row.slug}"/>`);
    expect(feed.body).toContain('<title type="text">Montréal ouvre une maison de l’économie sociale</title>');
  });

  it('lets editors add translations, with the outdated rule when the original changes', async () => {
    const slug = 'strategic-orientations-2019';
    const row = await item(slug);
    const texts = await editor.get(`/en/admin/news/${row.id}/texts`);
    expect(texts.statusCode).toBe(200);
    const values: Record<string, string> = {};
    for (const lang of ['en', 'fr', 'es', 'ko']) {
      for (const field of ['title', 'summary', 'body']) values[`${field}_${lang}`] = (row as unknown as Record<string, Record<string, { text: string }>>)[field]![lang]?.text ?? '';
    }
    values.summary_es = 'Tras el GSEF2018, el programa de 2019 quiere pasar de 49 a 100 ciudades y redes miembros.';
    values.status_es = 'human';
    values.status_fr = 'human';
    values.status_ko = 'human';
    values.title_ko = '2019년 4대 전략 방향';
    values.summary_ko = '';
    const incomplete = await editor.post(`/en/admin/news/${row.id}/texts`, values, { from: `/en/admin/news/${row.id}/texts` });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('A translation needs its summary.');
    values.summary_ko = 'GSEF2018의 교훈을 바탕으로 회원을 49곳에서 100곳으로 늘리는 것이 목표입니다.';
    const saved = await editor.post(`/en/admin/news/${row.id}/texts`, values, { from: `/en/admin/news/${row.id}/texts` });
    expect(saved.statusCode).toBe(303);
    const spanish = await new Visitor(t.app).get(`/es/news/${slug}`);
    expect(spanish.body).toContain('el programa de 2019 quiere pasar de 49 a 100');
    // Changing the original marks the French translation outdated: readers see the notice.
    values.summary_en = `${values.summary_en} (updated)`;
    delete values.status_fr;
    values.status_fr = 'outdated';
    await editor.post(`/en/admin/news/${row.id}/texts`, values, { from: `/en/admin/news/${row.id}/texts` });
    const after = await item(slug);
    expect(after.summary.fr?.status).toBe('outdated');
    expect(after.summary.en?.status).toBe('original');
    const french = await new Visitor(t.app).get(`/fr/news/${slug}`);
    expect(french.body).toContain('class="content-notice"');
  });

  it('publishes an editor’s announcement at once and refuses bad input with the field named', async () => {
    const bad = await postNews(editor, '/en/admin/news/new', '/en/admin/news/new', { title: 'Two\r\nlines', summary: '', link: 'javascript:alert(1)', lang: 'de', image_alt: '' }, { image: { name: 'x.png', type: 'image/png', content: SAMPLE_FILES.pdf } });
    expect(bad.statusCode).toBe(400);
    for (const message of ['Line breaks are not allowed in this field.', 'This field is required.', 'Enter an address starting with http:// or https://.', 'Choose English, French, Spanish or Korean.', 'This kind of file is not accepted here.']) expect(bad.body).toContain(message);
    const noAlt = await postNews(editor, '/en/admin/news/new', '/en/admin/news/new', { title: 'With a picture', summary: 'S', lang: 'en', image_alt: '' }, { image: { name: 'x.png', type: 'image/png', content: SAMPLE_FILES.png } });
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('Describe the image for people who cannot see it.');
    const before = await t.app.ctx.db.selectFrom('news_items').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(before.n)).toBe(4);

    // The cached list changes as soon as the announcement is published.
    const anonymous = new Visitor(t.app);
    await anonymous.get('/en/news');
    expect((await anonymous.get('/en/news')).headers['x-page-cache']).toBe('hit');
    const created = await postNews(editor, '/en/admin/news/new', '/en/admin/news/new', { title: 'Call for the 2021 forum', summary: 'Proposals are open.', lang: 'en', image_alt: '' });
    expect(created.statusCode).toBe(303);
    const row = await item('call-for-the-2021-forum');
    expect(row).toMatchObject({ kind: 'announcement', status: 'accepted' });
    const list = await anonymous.get('/en/news');
    expect(list.headers['x-page-cache']).toBeUndefined();
    expect(list.body).toContain('Call for the 2021 forum');
    expect((await anonymous.get('/en/feed.xml')).body).toContain('Call for the 2021 forum');
  });

  it('keeps visitors and members out of submission and review', async () => {
    const visitor = new Visitor(t.app);
    expect((await visitor.get('/en/news/submit')).statusCode).toBe(303);
    expect((await visitor.get('/en/admin/news')).statusCode).toBe(303);
    const post = await t.app.inject({ method: 'POST', url: '/en/news/submit', payload: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(post.statusCode).toBe(401);
    expect((await member.get('/en/admin/news')).statusCode).toBe(403);
    const row = await item('gsef2018-bilbao-in-figures');
    const memberReview = await t.app.inject({ method: 'POST', url: `/en/admin/news/${row.id}/review`, payload: 'action=decline', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: member.cookies } });
    expect([403]).toContain(memberReview.statusCode);
    // A submission without its CSRF token is refused even for a member.
    const noToken = multipart({ title: 'x', summary: 'y', lang: 'en' });
    const forged = await t.app.inject({ method: 'POST', url: '/en/news/submit', payload: noToken.payload, headers: { ...noToken.headers, cookie: member.cookies } });
    expect(forged.statusCode).toBe(403);
    expect((await visitor.get('/en/admin/news/abc')).statusCode).toBe(303);
    expect((await editor.get('/en/admin/news/abc')).statusCode).toBe(404);
    expect((await editor.get('/en/admin/news/999999')).statusCode).toBe(404);
  });

  it('serves a feed that libxml2 (PostgreSQL’s XML parser) reads as well-formed Atom, cached until a write', async () => {
    const visitor = new Visitor(t.app);
    for (const lang of ['en', 'fr', 'es', 'ko']) {
      const body = (await visitor.get(`/${lang}/feed.xml`)).body;
      const { rows } = await sql<{ ok: boolean; entries: number; titles: number; self: string[] }>`
        SELECT xml_is_well_formed_document(${body}) AS ok,
               cardinality(xpath('/a:feed/a:entry', ${body}::xml, ARRAY[ARRAY['a', 'http://www.w3.org/2005/Atom']])) AS entries,
               cardinality(xpath('/a:feed/a:entry/a:title', ${body}::xml, ARRAY[ARRAY['a', 'http://www.w3.org/2005/Atom']])) AS titles,
               xpath('/a:feed/a:link[@rel="self"]/@href', ${body}::xml, ARRAY[ARRAY['a', 'http://www.w3.org/2005/Atom']])::text[] AS self`.execute(t.app.ctx.db);
      expect(rows[0]).toMatchObject({ ok: true, self: [`http://passerelle.test/${lang}/feed.xml`] });
      expect(rows[0]!.entries).toBeGreaterThanOrEqual(4);
      expect(rows[0]!.titles).toBe(rows[0]!.entries);
    }
    expect((await visitor.get('/en/feed.xml')).headers['x-page-cache']).toBe('hit');
  });

  it('lists accepted news in the sitemap', async () => {
    const sitemap = (await t.app.inject({ method: 'GET', url: '/sitemap.xml' })).body;
    expect(sitemap).toContain('http://passerelle.test/en/news/inaes-webinars-2020');
    expect(sitemap).toContain('http://passerelle.test/ko/news');
  });

  it('answers the API with its conventions', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/news?kind=announcement&limit=2&lang=fr' })).json();
    expect(list.total).toBeGreaterThanOrEqual(3);
    expect(list.items).toHaveLength(2);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/news?q=INAES' })).json().items.map((i: { slug: string }) => i.slug)).toEqual(['inaes-webinars-2020']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/news?kind=rumour' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['kind']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/news/nothing' })).statusCode).toBe(404);
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/news.csv?lang=fr' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFslug,kind,title,summary,lang,sourceLang,publishedAt,updatedAt,link,image,url');
    expect(csv.body).toContain('Quatre orientations stratégiques pour 2019');
  });
});
