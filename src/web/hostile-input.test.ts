import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, csrfTokenIn, signIn, Visitor, type TestApp } from '../../test/helpers.ts';
import type { Route } from './routes.ts';

/**
 * Walks every line of every route table with hostile values — anonymously and signed in as an
 * admin, so the handlers behind permissions are reached too — and asserts that no answer is a 5xx.
 * Bounded: each route gets a fixed number of requests drawn by fast-check from a fixed seed.
 */

const BOUNCE_TOKEN = 'a-bounce-token-long-enough-for-the-rule-0123456789';
const HUGE = 'x'.repeat(100_000);

/** Values that broke handlers before: NUL, invalid UTF-8, numbers out of every range, huge strings. */
const hostileText = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '99999999999',
  '-1',
  '-99999999999',
  '1e309',
  '0x10',
  '2147483648',
  'NaN',
  '../../etc/passwd',
  '\uFFFD\uD800',
  '\r\nSet-Cookie: x=1',
  '/\t/evil.example',
  '',
  ' ',
  HUGE,
);
/** The same, percent-encoded for a URL, plus raw bytes that are not UTF-8. */
const hostileUrlPart = fc.oneof(
  hostileText.filter((value) => value.length < 1000).map(encode),
  fc.constantFrom('%00', '%FF%FE', '%C0%AF', '%E2%82', '%', 'a%00', '99999999999', '-5'),
);

/** Percent-encoding; a lone surrogate becomes the bytes of one (%ED%A0%80), which are not UTF-8. */
function encode(value: string): string {
  return value.split(/([\uD800-\uDFFF])/).map((piece) => (/^[\uD800-\uDFFF]$/.test(piece) ? '%ED%A0%80' : encodeURIComponent(piece))).join('');
}

const QUERY_NAMES = ['q', 'page', 'limit', 'offset', 'year', 'month', 'type', 'region', 'kind', 'status', 'lang', 'next', 'meeting_id', 'id', 'theme', 'country', 'prefix', 'topic'];

interface Identity {
  name: string;
  cookies: string;
  csrf: string;
  address: string;
}

let testApp: TestApp;
let app: FastifyInstance;
const identities: Identity[] = [];
/** Field names of every form the walk met on its way (scraped from GET pages), for POST bodies. */
const fieldNames = new Set(['email', 'name', 'password', 'title', 'slug', 'next', 'meeting_id', 'member_id', 'id', 'status', 'lang', 'messageId', 'type']);

async function identityOf(visitor: Visitor, name: string): Promise<Identity> {
  const page = await visitor.get('/en/join');
  return { name, cookies: visitor.cookies, csrf: csrfTokenIn(page.body), address: visitor.remoteAddress };
}

beforeAll(async () => {
  testApp = await createTestApp({ bounceToken: BOUNCE_TOKEN });
  app = testApp.app;
  await createUser(app, 'walker-admin@example.org', ['admin']);
  identities.push(await identityOf(new Visitor(app), 'anonymous'));
  identities.push(await identityOf(await signIn(app, 'walker-admin@example.org'), 'admin'));
});
afterAll(() => testApp?.close());

function urlFor(route: Route, parts: string[]): string {
  let index = 0;
  return route.url
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      if (segment === ':lang') return 'en';
      return parts[index++ % parts.length] ?? 'x';
    })
    .join('/');
}

function queryOf(pairs: [string, string][]): string {
  return pairs.length ? `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}` : '';
}

type Body = { kind: 'form' | 'json' | 'text' | 'multipart' | 'none'; fields: [string, string][] };

function payloadOf(body: Body, csrf: string): Pick<InjectOptions, 'payload' | 'headers'> {
  const fields: [string, string][] = [...body.fields, ['_csrf', csrf]];
  switch (body.kind) {
    case 'form':
      return {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: fields.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&'),
      };
    case 'json':
      return { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(Object.fromEntries(fields)) };
    case 'text':
      return { headers: { 'content-type': 'text/plain' }, payload: fields.map(([, value]) => value).join('\n') };
    case 'multipart':
      // Malformed on purpose: no closing boundary, a part without a name, a stray header.
      return {
        headers: { 'content-type': 'multipart/form-data; boundary=walk' },
        payload: `--walk\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--walk\r\nContent-Disposition: form-data\r\n\r\n${fields[0]?.[1] ?? ''}\r\n--walk\r\nX: y`,
      };
    case 'none':
      return {};
  }
}

function requestArbitrary() {
  const names = [...fieldNames];
  return fc.record({
    parts: fc.array(hostileUrlPart, { minLength: 1, maxLength: 3 }),
    query: fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), hostileUrlPart), { maxLength: 4 }),
    duplicated: fc.boolean(),
    body: fc.record({
      kind: fc.constantFrom<Body['kind']>('form', 'form', 'json', 'text', 'multipart', 'none'),
      fields: fc.array(fc.tuple(fc.constantFrom(...names), hostileText), { minLength: 1, maxLength: 8 }),
    }),
  });
}

async function walk(identity: Identity, routes: Route[], runsPerRoute: number, seed: number): Promise<string[]> {
  const failures: string[] = [];
  for (const route of routes) {
    const samples = fc.sample(requestArbitrary(), { numRuns: runsPerRoute, seed: seed + routes.indexOf(route) });
    for (const sample of samples) {
      const query = sample.duplicated ? [...sample.query, ...sample.query] : sample.query;
      const url = urlFor(route, sample.parts) + queryOf(query);
      const response = await app.inject({
        method: route.method,
        url,
        remoteAddress: identity.address,
        ...(route.method === 'GET' ? {} : payloadOf(sample.body, identity.csrf)),
        headers: {
          cookie: identity.cookies,
          authorization: `Bearer ${BOUNCE_TOKEN}`,
          ...(route.method === 'GET' ? {} : payloadOf(sample.body, identity.csrf).headers),
        },
      });
      if (route.method === 'GET' && response.headers['content-type']?.toString().startsWith('text/html')) {
        for (const match of response.body.matchAll(/name="([a-z_A-Z]+)"/g)) if (match[1]) fieldNames.add(match[1]);
      }
      if (response.statusCode >= 500) {
        failures.push(`${identity.name} ${route.method} ${route.url} → ${response.statusCode}: ${url.slice(0, 120)} ${route.method === 'GET' ? '' : JSON.stringify(sample.body).slice(0, 200)}`);
      }
    }
  }
  return failures;
}

/** GETs first (they teach the walk the forms' field names), sign-out last (it ends the session). */
function ordered(routes: Route[]): Route[] {
  const rank = (route: Route) => (route.url.includes('sign-out') ? 2 : route.method === 'GET' ? 0 : 1);
  return [...routes].sort((a, b) => rank(a) - rank(b));
}

describe('the hostile-input walk over every route table', () => {
  it('covers every route of the tables', () => {
    expect(app.routeTable.length).toBeGreaterThan(100);
  });

  for (const [index, name] of ['anonymous', 'admin'].entries()) {
    it(`answers no 5xx to hostile values, ${name}`, async () => {
      const identity = identities.find((candidate) => candidate.name === name)!;
      const failures = await walk(identity, ordered(app.routeTable), 3, 1000 * (index + 1));
      expect(failures).toEqual([]);
    }, 120_000);
  }
});

describe('the cases of the report, refused with a 400 in the reader\'s language', () => {
  it('a NUL in a slug is a French page in /fr/', async () => {
    const response = await app.inject({ url: '/fr/members/%00' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Caractères illisibles');
  });

  it('a NUL in the API query is JSON', async () => {
    const response = await app.inject({ url: '/api/v1/news?q=%00', headers: { 'accept-language': 'es' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad_characters');
    expect(response.json().error.message).toContain('carácter nulo');
  });

  it('an id beyond PostgreSQL integers, in the path or a form', async () => {
    const admin = identities.find((identity) => identity.name === 'admin')!;
    const page = await app.inject({ url: '/ko/news/submissions/99999999999/edit', headers: { cookie: admin.cookies } });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('알 수 없는 번호');
    const form = await app.inject({
      method: 'POST',
      url: '/en/admin/members/any/disqualify',
      headers: { cookie: admin.cookies, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(admin.csrf)}&meeting_id=99999999999&reason=x&effective_on=2026-01-01`,
    });
    expect(form.statusCode).toBe(400);
  });

  it('a malformed multipart /join', async () => {
    const anonymous = identities.find((identity) => identity.name === 'anonymous')!;
    const response = await app.inject({
      method: 'POST',
      url: '/fr/join',
      headers: { cookie: anonymous.cookies, 'content-type': 'multipart/form-data; boundary=x' },
      payload: `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${anonymous.csrf}\r\n--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nabc`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Formulaire non reçu');
  });

  it('a NUL in the bounce endpoint\'s messageId', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/newsletter/bounces',
      headers: { authorization: `Bearer ${BOUNCE_TOKEN}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'someone@example.org', type: 'permanent', messageId: '<a\u0000b@x>' }),
    });
    expect(response.statusCode).toBe(400);
  });
});
