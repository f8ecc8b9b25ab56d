import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { storeImage } from '../images/domain.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const home = async (lang = 'en') => (await t.app.inject(`/${lang}/`)).body;
const section = (html: string, id: string) => new RegExp(`<section[^>]*aria-labelledby="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';

describe('the home page leads somewhere', () => {
  it('invites to join and to see the members, first', async () => {
    const hero = section(await home('es'), 'home-title');
    expect(hero).toContain('<a class="button-link" href="/es/join">Unirse a la red</a>');
    expect(hero).toContain('<a class="button-link secondary" href="/es/members">Ver los miembros</a>');
  });

  it('shows the latest forum as the latest, no forum being announced after it', async () => {
    const forum = section(await home('fr'), 'home-forum-title');
    expect(forum).toContain('<h2 id="home-forum-title">Le dernier forum</h2>');
    expect(forum).toContain('href="/fr/activities/gsef2021-mexico-city"');
    expect(forum).toContain('Le prochain forum sera annoncé ici.');
  });

  it('says no event is announced yet, and shows the latest activities with the calendar', async () => {
    const events = section(await home(), 'home-events-title');
    expect(events).toContain('No event is announced yet.');
    expect(events).toContain('<a href="/en/calendar">The calendar of events</a>');
    expect([...events.matchAll(/<h4><a href="\/en\/activities\/([a-z0-9-]+)"/g)].map((m) => m[1])).toEqual([
      'gsef2021-mexico-city',
      'gsef-uclga-alga-capacity-building-2021',
      'inaes-webinar-series-2020',
    ]);
  });

  it('announces a coming forum and events as coming', async () => {
    await t.app.ctx.db.updateTable('activities').set({ start_date: '2099-10-05', end_date: '2099-10-07', date_precision: 'day' }).where('slug', '=', 'gsef2021-mexico-city').execute();
    await t.app.ctx.pageCache.invalidate();
    const html = await home();
    expect(section(html, 'home-forum-title')).toContain('<h2 id="home-forum-title">The next forum</h2>');
    expect(section(html, 'home-forum-title')).not.toContain('will be announced here');
    expect(section(html, 'home-events-title')).toContain('href="/en/activities/gsef2021-mexico-city"');
    expect(section(html, 'home-events-title')).not.toContain('No event is announced yet.');
  });

  it('lists the latest news, the members on a small inline map, and the newsletter sign-up', async () => {
    const html = await home('ko');
    expect([...section(html, 'home-news-title').matchAll(/href="\/ko\/news\/([a-z0-9-]+)"/g)].map((m) => m[1])).toEqual([
      'inaes-webinars-2020',
      'strategic-orientations-2019',
      'gsef2018-bilbao-in-figures',
    ]);
    const map = section(html, 'home-map-title');
    expect(map).toContain('<title id="home-map-summary">14개국 활동 회원 24곳의 지도.</title>');
    expect(map.match(/<circle class="mini-dot"/g)!.length).toBeGreaterThan(10);
    // Light: the whole map, land and dots, in a few kilobytes of the page.
    expect(Buffer.byteLength(/<svg[\s\S]*<\/svg>/.exec(map)![0])).toBeLessThan(9000);
    const newsletter = section(html, 'home-newsletter-title');
    expect(newsletter).toContain('<form method="get" action="/ko/newsletter/subscribe">');
    expect(newsletter).toContain('<a href="/ko/newsletter">지난 호</a>');
  });

  it('shows a news image in sizes and modern formats, with its width, height and alt text', async () => {
    const photo = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#5d7f9a' } }).jpeg().toBuffer();
    const { ctx } = t.app;
    const image = await ctx.db.transaction().execute(async (trx) => {
      const stored = await storeImage(ctx, trx, { input: photo, alt: 'Intervenants du webinaire', altLang: 'fr', actorId: null });
      await trx.updateTable('news_items').set({ image_id: stored.id }).where('slug', '=', 'inaes-webinars-2020').execute();
      return stored.id;
    });
    await ctx.pageCache.invalidate();
    const news = section(await home('en'), 'home-news-title');
    const base = `/media/images/${image}`;
    expect(news).toContain(
      `<picture class="home-news-image"><source type="image/avif" srcset="${base}/320.avif 320w, ${base}/640.avif 640w, ${base}/1000.avif 1000w" sizes="8rem"/>` +
        `<source type="image/webp" srcset="${base}/320.webp 320w, ${base}/640.webp 640w, ${base}/1000.webp 1000w" sizes="8rem"/>` +
        `<img src="${base}/640.jpg" srcset="${base}/320.jpg 320w, ${base}/640.jpg 640w, ${base}/1000.jpg 1000w" sizes="8rem" width="1000" height="600" alt="Intervenants du webinaire" lang="fr" loading="lazy" decoding="async"/></picture>`,
    );
    const jpeg = await t.app.inject(`${base}/1000.jpg`);
    expect(jpeg.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(jpeg.rawPayload).metadata()).width).toBe(1000);
  });
});
