import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, type TestApp } from '../../test/helpers.ts';
import { escapeText } from '../activities/ics.ts';
import { loadConfig } from '../config.ts';
import { safeNext } from './routes.tsx';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
  await createUser(testApp.app, 'next-admin@example.org', ['admin']);
});
afterAll(() => testApp?.close());

describe('the return address after sign-in', () => {
  it('never leaves the site: a tab or line break in next is a 400 page in the reader\'s language', async () => {
    const visitor = await signIn(testApp.app, 'next-admin@example.org');
    const tab = await visitor.get('/fr/sign-in?next=/%09/evil.example');
    expect(tab.statusCode).toBe(400);
    expect(tab.headers.location).toBeUndefined();
    expect(tab.body).toContain('Adresse de retour invalide');
    const crlf = await visitor.get('/en/sign-in?next=/%0D%0ALocation:%20http://evil.example');
    expect(crlf.statusCode).toBe(400);
    const accent = await visitor.get('/en/sign-in?next=/%C3%A9');
    expect(accent.statusCode).toBe(400);
    const fine = await visitor.get('/en/sign-in?next=/en/members');
    expect(fine.statusCode).toBe(303);
    expect(fine.headers.location).toBe('/en/members');
  });

  it('ignores other sites and protocol-relative paths', () => {
    expect(safeNext('//evil.example', '/en/')).toBe('/en/');
    expect(safeNext('/\\evil.example', '/en/')).toBe('/en/');
    expect(safeNext('https://evil.example/', '/en/')).toBe('/en/');
    expect(() => safeNext('/\t/evil.example', '/en/')).toThrow();
  });
});

describe('iCalendar text', () => {
  it('escapes a bare CR, which would otherwise start a new property', () => {
    expect(escapeText('a\rATTENDEE:x')).toBe('a\\nATTENDEE:x');
    expect(escapeText('a\r\nb\nc')).toBe('a\\nb\\nc');
  });
});

describe('BOUNCE_TOKEN', () => {
  it('refuses to start with a token shorter than 32 characters', () => {
    expect(() => loadConfig({ BOUNCE_TOKEN: 'short' })).toThrow(/32/);
    expect(loadConfig({ BOUNCE_TOKEN: 'x'.repeat(32) }).bounceToken).toBe('x'.repeat(32));
  });
});

describe('headers and the API description', () => {
  it('allows fonts from this site only', async () => {
    const response = await testApp.app.inject({ url: '/en/' });
    expect(String(response.headers['content-security-policy'])).toContain("font-src 'self';");
  });

  it('lists no 405 stubs as operations in the OpenAPI file', async () => {
    const spec = (await testApp.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const members = spec.paths['/api/v1/members'];
    expect(members).toBeDefined();
    expect(Object.keys(members!).sort()).toEqual(['get']);
  });
});

describe('log redaction', () => {
  it('cuts out every secret segment of a URL, not only the first', async () => {
    const { redactSecrets } = await import('../app.ts');
    expect(redactSecrets('/en/join/AAA?next=/en/newsletter/preferences/BBB')).toBe('/en/join/[redacted]?next=/en/newsletter/preferences/[redacted]');
  });
});

describe('Origin check behind the CSRF token', () => {
  it('refuses a form posted from another site even with a valid token', async () => {
    const { Visitor } = await import('../../test/helpers.ts');
    const visitor = new Visitor(testApp.app, { origin: 'http://evil.example' });
    const response = await visitor.post('/fr/sign-in', { email: 'next-admin@example.org', password: 'correct horse battery' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Formulaire envoyé depuis un autre site');
    const fetchedCrossSite = new Visitor(testApp.app, { 'sec-fetch-site': 'cross-site', origin: 'null' });
    expect((await fetchedCrossSite.post('/en/sign-in', { email: 'next-admin@example.org', password: 'correct horse battery' })).statusCode).toBe(403);
    const same = new Visitor(testApp.app, { origin: 'http://passerelle.test' });
    expect((await same.post('/en/sign-in', { email: 'next-admin@example.org', password: 'correct horse battery' })).statusCode).toBe(303);
    // What Chromium sends for our own forms (no-referrer policy): Origin null, Sec-Fetch-Site same-origin.
    const ownPage = new Visitor(testApp.app, { 'sec-fetch-site': 'same-origin', origin: 'null' });
    expect((await ownPage.post('/en/sign-in', { email: 'next-admin@example.org', password: 'correct horse battery' })).statusCode).toBe(303);
  });
});
