import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('the way into the network', () => {
  it('is in the main menu of every page, in every language', async () => {
    for (const [lang, label] of [['en', 'Join the network'], ['fr', 'Rejoindre le réseau'], ['es', 'Unirse a la red'], ['ko', '네트워크 가입']]) {
      const body = (await t.app.inject(`/${lang}/activities`)).body;
      const nav = /<nav class="wrap main-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(body)?.[1] ?? '';
      expect(nav).toContain(`<a href="/${lang}/join">${label}</a>`);
    }
  });

  it('is linked from the members directory and every member page', async () => {
    expect((await t.app.inject('/fr/members')).body).toContain('<a href="/fr/join">Demander l’adhésion</a>');
    expect((await t.app.inject('/en/members/bamako')).body).toContain('<a href="/en/join">Apply for membership</a>');
  });

  it('is indexable, while drafts behind their secret links are not', async () => {
    const form = await t.app.inject('/en/join');
    expect(form.statusCode).toBe(200);
    expect(form.headers['x-robots-tag']).toBeUndefined();
    expect(form.body).not.toMatch(/<meta name="robots"/);
    const draft = await t.app.inject('/en/join/0123456789abcdef0123456789abcdef');
    expect(draft.headers['x-robots-tag']).toBe('noindex');
  });
});
