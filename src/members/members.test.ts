import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, multipart, SAMPLE_FILES, signIn, type TestApp } from '../../test/helpers.ts';
import { members as seededMembers } from '../../seed/members.ts';
import { seed } from '../seed/load.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.app, 'editor@example.org', ['editor']);
  await createUser(t.app, 'contact@example.org', ['member_contact']);
  await t.app.ctx.db
    .updateTable('members')
    .set({ contacts: JSON.stringify({ focal: { name: 'Focal Person', email: 'focal-bamako@example.org' } }) })
    .where('slug', '=', 'bamako')
    .execute();
});
afterAll(() => t?.close());

const get = (url: string) => t.app.inject(url);
/** Member slugs linked from a directory page, in order. */
const slugsOn = (html: string, lang = 'en') => [...html.matchAll(new RegExp(`href="/${lang}/members/([a-z0-9-]+)"`, 'g'))].map((m) => m[1]);
const captionOf = (html: string) => /<caption id="members-caption">([^<]+)<\/caption>/.exec(html)?.[1];

describe('the seed', () => {
  it('loads every member of the seed documents, linked to a shared organisation', async () => {
    const rows = await t.app.ctx.db.selectFrom('members').innerJoin('organisations as o', 'o.id', 'members.organisation_id').select(['members.slug', 'members.kind', 'members.status', 'o.country', 'o.latitude']).execute();
    expect(rows).toHaveLength(seededMembers.length);
    expect(rows.filter((row) => row.status === 'active' && row.kind !== 'partner')).toHaveLength(24);
    expect(rows.find((row) => row.slug === 'dakar')).toMatchObject({ kind: 'partner', country: 'SN' });
    // Cities the offline gazetteer does not know stay without coordinates: reported, never guessed.
    expect(rows.filter((row) => row.country && row.latitude === null).map((row) => row.slug).sort()).toEqual(['bagmati-rural-municipality', 'new-taipei', 'tokha']);
  });

  it('changes nothing when loaded again', async () => {
    const count = async () => ({
      members: (await t.app.ctx.db.selectFrom('members').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
      events: (await t.app.ctx.db.selectFrom('membership_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
      mandates: (await t.app.ctx.db.selectFrom('mandates').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
      agenda: (await t.app.ctx.db.selectFrom('meeting_agenda_items').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
    });
    const before = await count();
    await seed(t.app.ctx.db);
    expect(await count()).toEqual(before);
    expect(before).toEqual({ members: String(seededMembers.length), events: String(seededMembers.length), mandates: '18', agenda: '16' });
  });
});

describe('the members directory', () => {
  it.each(['en', 'fr', 'es', 'ko'] as const)('lists the seeded members in %s with facet counts', async (lang) => {
    const response = await get(`/${lang}/members`);
    expect(response.statusCode).toBe(200);
    expect(slugsOn(response.body, lang)).toHaveLength(20);
    // 25 listed: the 24 the home page counts as members, and a partner (issue 18: the numbers agree).
    const expected = {
      en: '24 members and 1 partner or honorary member',
      fr: '24 membres et 1 partenaire ou membre d’honneur',
      es: '24 miembros y 1 socio o miembro honorario',
      ko: '회원 24곳, 파트너·명예 회원 1곳',
    }[lang];
    expect(captionOf(response.body)).toBe(expected);
    const africa = { en: 'Africa', fr: 'Afrique', es: 'África', ko: '아프리카' }[lang];
    expect(response.body).toContain(`value="africa"/> ${africa} <span class="count">(6)</span>`);
  });

  it('filters by region, country, kind and status, and counts each facet under the other filters', async () => {
    const response = await get('/en/members?region=africa&kind=local_government');
    expect(captionOf(response.body)).toBe('5 members');
    expect(slugsOn(response.body)).toEqual(['bamako', 'durban', 'kisumu', 'musoma', 'kampala-capital-city-authority']);
    // The region facet still shows the other regions, counted with the kind filter.
    expect(response.body).toContain('value="europe"/> Europe <span class="count">(1)</span>');
    expect(response.body).toContain('value="africa" checked/> Africa <span class="count">(5)</span>');
    const byCountry = await get('/en/members?country=KR');
    expect(slugsOn(byCountry.body)).toEqual(['seoul', 'seoul-social-economy-network']);
    const partners = await get('/en/members?kind=partner');
    expect(slugsOn(partners.body)).toEqual(['dakar']);
    const withdrawn = await get('/en/members?status=withdrawn');
    expect(captionOf(withdrawn.body)).toBe('0 members');
  });

  it('searches names in every language and cities, accents and case ignored', async () => {
    expect(slugsOn((await get('/en/members?q=montreal')).body)).toEqual(['chantier-de-leconomie-sociale', 'montreal']);
    expect(slugsOn((await get('/en/members?q=S%C3%A9oul')).body)).toEqual(['seoul', 'seoul-social-economy-network']);
    const api = (await get('/api/v1/members?q=ymca&lang=ko')).json();
    expect(api.items.map((i: { slug: string; name: string }) => [i.slug, i.name])).toEqual([['apay', '아시아태평양YMCA연맹(APAY)']]);
    expect(slugsOn((await get('/en/members?q=%25')).body)).toEqual([]);
  });

  it('ignores unknown filter values rather than failing', async () => {
    const response = await get('/en/members?region=mars&country=ZZ&kind=%3Cscript%3E&status=&sort=nope&page=abc');
    expect(response.statusCode).toBe(200);
    expect(captionOf(response.body)).toBe('24 members and 1 partner or honorary member');
    expect(response.body).not.toContain('<script>');
  });

  it('sorts by name in the reader’s language and pages through the list', async () => {
    const first = slugsOn((await get('/en/members')).body);
    const second = slugsOn((await get('/en/members?page=2')).body);
    expect(second).toHaveLength(5);
    expect(new Set([...first, ...second]).size).toBe(25);
    expect(first[0]).toBe('apay');
    const byCountry = slugsOn((await get('/en/members?sort=country')).body);
    expect(byCountry.slice(0, 2)).toEqual(['chantier-de-leconomie-sociale', 'montreal']);
  });

  it('runs the same number of queries for one member as for a full page', async () => {
    const original = pg.Client.prototype.query;
    let queries = 0;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      queries++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      queries = 0;
      await get('/en/members?country=ML&nocache=1');
      const one = queries;
      queries = 0;
      await get('/en/members?nocache=2');
      expect(queries).toBe(one);
      expect(one).toBeGreaterThan(0);
    } finally {
      pg.Client.prototype.query = original;
    }
  });
});

describe('a member page', () => {
  it('shows the profile and the governance roles, in the reader’s language', async () => {
    const response = await get('/fr/members/bamako');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1>Ville de Bamako</h1>');
    expect(response.body).toContain('Comité directeur: Vice-président continental (Afrique) · depuis 2019');
    expect(response.body).toContain('Mali');
  });

  it('hides the private contacts from the public and from member contacts, and shows them to editors', async () => {
    expect((await get('/en/members/bamako')).body).not.toContain('focal-bamako@example.org');
    const contact = await signIn(t.app, 'contact@example.org');
    expect((await contact.get('/en/members/bamako')).body).not.toContain('focal-bamako@example.org');
    const editor = await signIn(t.app, 'editor@example.org');
    const page = await editor.get('/en/members/bamako');
    expect(page.body).toContain('Focal Person · focal-bamako@example.org');
    expect(page.body).toContain('Status recorded from the archives');
  });

  it('answers 404 for an unknown member', async () => {
    expect((await get('/en/members/nowhere')).statusCode).toBe(404);
    expect((await get('/api/v1/members/nowhere')).statusCode).toBe(404);
  });
});

describe('editing a member profile', () => {
  it('sets the description in one language, the private contacts and a logo checked by content', async () => {
    const editor = await signIn(t.app, 'editor@example.org');
    const post = async (fields: Record<string, string>, files = {}) => {
      const token = csrfTokenIn((await editor.get('/en/admin/members/bilbao')).body);
      const { payload, headers } = multipart({ ...fields, _csrf: token }, files);
      return t.app.inject({ method: 'POST', url: '/fr/admin/members/bilbao/profile', payload, headers: { ...headers, cookie: editor.cookies } });
    };
    const contacts = { focal_name: 'Ane', focal_email: 'ane@bilbao.example.org', focal_phone: '', head_name: '', head_title: '', general_email: '' };
    const bad = await post({ description: 'x', description_lang: 'es', ...contacts, general_email: 'nope' }, { logo: { name: 'logo.png', type: 'image/png', content: SAMPLE_FILES.pdf } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<p class="field-error" id="logo-error">Ce type de fichier n’est pas accepté ici.</p>');
    expect(bad.body).toMatch(/<p class="field-error" id="general_email-error">[^<]+<\/p>/);
    const noAlt = await post({ description: '', description_lang: 'es', ...contacts }, { logo: { name: 'logo.png', type: 'image/png', content: SAMPLE_FILES.png } });
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('<p class="field-error" id="logo_alt-error">Décrivez l’image en quelques mots pour qui ne peut pas la voir.</p>');
    const ok = await post({ description: 'Ciudad vasca con una larga tradición cooperativa.', description_lang: 'es', ...contacts, logo_alt: 'Logo de la ville de Bilbao' }, { logo: { name: 'logo.png', type: 'image/png', content: SAMPLE_FILES.png } });
    expect(ok.statusCode).toBe(303);
    const page = (await get('/es/members/bilbao')).body;
    expect(page).toContain('<p>Ciudad vasca con una larga tradición cooperativa.</p>');
    // Converted for srcset (a 1-pixel logo has one size), its alt text in the editor's language, marked as such.
    expect(page).toMatch(/<picture class="member-logo"><source type="image\/avif" srcset="\/media\/images\/\d+\/1\.avif 1w" sizes="10rem"\/>/);
    expect(page).toMatch(/<img src="\/media\/images\/\d+\/1\.png" srcset="\/media\/images\/\d+\/1\.png 1w" sizes="10rem" width="1" height="1" alt="Logo de la ville de Bilbao" lang="fr" decoding="async"\/><\/picture>/);
    expect(page).not.toContain('ane@bilbao.example.org');
    const english = (await get('/en/members/bilbao')).body;
    expect(english).toContain('<p lang="es">Ciudad vasca con una larga tradición cooperativa.</p>');
    const logo = await get('/media/members/bilbao/logo');
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.rawPayload.equals(SAMPLE_FILES.png)).toBe(true);
    expect((await get('/media/members/seoul/logo')).statusCode).toBe(404);
    expect((await editor.get('/en/members/bilbao')).body).toContain('Ane · ane@bilbao.example.org');
  });
});

describe('the API and the CSV', () => {
  it('agree with the directory page, filter for filter and in the same order', async () => {
    for (const query of ['', 'region=africa', 'country=KR&kind=sse_network', 'kind=local_government&region=asia-pacific']) {
      const page = slugsOn((await get(`/en/members?${query}`)).body);
      const api = (await get(`/api/v1/members?${query}&limit=20&lang=en`)).json();
      expect(api.items.map((item: { slug: string }) => item.slug)).toEqual(page);
      const csv = (await get(`/api/v1/members.csv?${query}&lang=en`)).body.trim().split('\r\n');
      expect(csv.slice(1, page.length + 1).map((line) => line.split(',')[0])).toEqual(page);
      const counts = (captionOf((await get(`/en/members?${query}`)).body) ?? '').match(/\d+/g)!.map(Number);
      expect(counts.reduce((sum, n) => sum + n, 0)).toBe(api.total);
      expect(csv).toHaveLength(api.total + 1);
    }
  });

  it('gives each item its slug, name in the chosen language, kind, status, region, ISO country and city', async () => {
    const body = (await get('/api/v1/members?country=ML&lang=fr')).json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ slug: 'bamako', name: 'Ville de Bamako', kind: 'local_government', status: 'active', region: 'africa', country: 'ML', city: 'Bamako' });
    expect(body.items[0]).not.toHaveProperty('contacts');
    const csv = await get('/api/v1/members.csv?country=ML');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFslug,name,kind,category,status,region,country,city,latitude,longitude,website,joinedOn,url');
    expect(csv.body).not.toContain('focal-bamako');
  });

  it('writes negative coordinates as numbers and Korean names readable by Excel (byte-order mark)', async () => {
    const csv = await get('/api/v1/members.csv?country=CA');
    const montreal = csv.body.split('\r\n').find((line) => line.startsWith('montreal,'))!;
    expect(montreal).toMatch(/,-73\.\d+,/);
    expect(csv.body).not.toContain("'-");
    const korean = await get('/api/v1/members.csv?country=KR&lang=ko');
    expect([...korean.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(korean.rawPayload.toString('utf8')).toContain('서울');
  });

  it('gives one member with its roles, and pages with limit and offset', async () => {
    const one = (await get('/api/v1/members/seoul?lang=ko')).json();
    expect(one).toMatchObject({ slug: 'seoul', name: '서울특별시', country: 'KR', roles: [{ body: 'steering-committee', role: 'chair', region: null, startsOn: '2019-01-01', endsOn: null }] });
    const all = (await get('/api/v1/members?limit=100')).json();
    const page = (await get('/api/v1/members?limit=5&offset=5')).json();
    expect(page.items.map((i: { slug: string }) => i.slug)).toEqual(all.items.slice(5, 10).map((i: { slug: string }) => i.slug));
    expect(page.total).toBe(25);
  });

  it('answers 400 with the field named for a bad limit', async () => {
    const response = await get('/api/v1/members?limit=1000');
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual(['limit']);
  });
});

describe('the home page', () => {
  it('shows the number of active members and their countries, computed from the data', async () => {
    const response = await get('/en/');
    expect(response.body).toContain('<span class="figure-value">24</span> <span class="figure-label">active members</span>');
    expect(response.body).toContain('<span class="figure-value">14</span> <span class="figure-label">countries with members</span>');
  });

  it('has Members and Governance in the main menu', async () => {
    const response = await get('/es/');
    expect(response.body).toContain('href="/es/members"');
    expect(response.body).toContain('>Miembros<');
    expect(response.body).toContain('>Gobernanza<');
  });
});
