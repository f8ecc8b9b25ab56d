import autocannon from 'autocannon';
import { ACTIVITY_TYPES } from '../src/activities/domain.ts';
import { THEME_SLUGS } from '../src/initiatives/themes.ts';
import { REGIONS } from '../src/places/regions.ts';
import { TOPICS } from './synthetic/text.ts';
import type { LoadResult } from './load.ts';

/**
 * Issue 20, finding 5: public traffic that misses the page cache (varied searches and filters, item
 * pages, in four languages) at 50 connections, while editors save activities. Every URL carries a
 * request number, so none is ever a cache hit: this measures rendering and the database, the worst
 * case of crawlers and of a cache just cleared by a save.
 */
export const EDITOR = { email: 'bench-editor@example.org', password: 'bench editor password 1' };

export interface SaveFigures {
  saves: number;
  failures: number;
  p50Ms: number;
  p99Ms: number;
  /** One save at a time on a quiet server, before the load: what a save costs without waiting. */
  aloneMedianMs: number;
}

export interface MixedResult extends LoadResult {
  connections: number;
  duration: number;
  editors: SaveFigures;
  /** Each kind of URL alone, one request at a time before the load: where the time goes. */
  kinds: { example: string; medianMs: number; maxMs: number }[];
}

/** Every kind of URL five times in a row, cache-missing, on a quiet server: the median and the worst. */
async function timeKinds(baseUrl: string, size: number, acceptEncoding: string): Promise<MixedResult['kinds']> {
  const next = mixedRequests(size);
  const times = new Map<number, { example: string; ms: number[] }>();
  for (let i = 0; i < 50; i++) {
    const { kind, path } = next();
    const started = performance.now();
    const response = await fetch(new URL(path, baseUrl), { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
    await response.arrayBuffer();
    const entry = times.get(kind) ?? { example: path.replace(/[?&]r=\d+$/, ''), ms: [] };
    entry.ms.push(performance.now() - started);
    times.set(kind, entry);
  }
  return [...times.values()].map(({ example, ms }) => {
    ms.sort((a, b) => a - b);
    return { example, medianMs: Math.round(ms[Math.floor(ms.length / 2)]!), maxMs: Math.round(ms.at(-1)!) };
  });
}

const LANGS = ['en', 'fr', 'es', 'ko'] as const;
const COUNTRIES = ['KR', 'ES', 'SN', 'CA', 'MX', 'UG', 'FR', 'ML', 'EC', 'JP'];
const KINDS = ['local_government', 'sse_network', 'other_organisation', 'partner'];
const STATUSES = ['active', 'applicant'];

/** A deterministic stream of public URLs, as varied as visitors and crawlers make them. */
export function mixedPaths(size: number): () => string {
  const next = mixedRequests(size);
  return () => next().path;
}

/** The same stream, each URL with its kind (the path without its values), to time each kind. */
export function mixedRequests(size: number): () => { kind: number; path: string } {
  let n = 0;
  const pick = <T,>(list: readonly T[], k: number): T => list[k % list.length]!;
  return () => {
    n++;
    const lang = pick(LANGS, n);
    const k = Math.floor(n / 7) * 2654435761 >>> 0;
    const word = encodeURIComponent(pick(TOPICS, k)[lang].split(' ').at(-1)!);
    const item = 1 + (k % Math.max(size, 1));
    const paths = [
      `/${lang}/search?q=${word}`,
      `/${lang}/search?q=${word}&region=${pick(REGIONS, k >>> 3)}`,
      `/${lang}/initiatives?q=${word}`,
      `/${lang}/initiatives?country=${pick(COUNTRIES, k >>> 2)}&theme=${pick(THEME_SLUGS, k >>> 5)}&page=${1 + (k % 3)}`,
      `/${lang}/initiatives/bench-initiative-${item}`,
      `/${lang}/activities?type=${pick(ACTIVITY_TYPES, k >>> 2)}&region=${pick(REGIONS, k >>> 4)}&year=${2014 + (k % 12)}`,
      `/${lang}/activities/bench-event-${item}`,
      `/${lang}/members?region=${pick(REGIONS, k >>> 2)}&kind=${pick(KINDS, k >>> 4)}&status=${pick(STATUSES, k >>> 6)}&page=${1 + (k % 2)}`,
      `/${lang}/calendar?year=${2014 + (k % 12)}`,
      `/${lang}/map?region=${pick(REGIONS, k >>> 2)}`,
    ];
    const path = pick(paths, n);
    return { kind: n % paths.length, path: `${path}${path.includes('?') ? '&' : '?'}r=${n}` };
  };
}

export interface MixedOptions {
  connections: number;
  duration: number;
  acceptEncoding: string;
  size: number;
  /** Editors saving at once, each one save after another. */
  editors: number;
}

export async function measureMixed(baseUrl: string, options: MixedOptions): Promise<MixedResult> {
  const kinds = await timeKinds(baseUrl, options.size, options.acceptEncoding);
  const next = mixedPaths(options.size);
  const editors = await Promise.all(Array.from({ length: options.editors }, () => signIn(baseUrl)));
  const alone: number[] = [];
  for (let i = 0; i < 5; i++) alone.push((await saveActivity(baseUrl, editors[0]!, `bench-event-${1 + i}`, -1)) ?? Number.NaN);
  alone.sort((a, b) => a - b);
  let stop = false;
  const timings: number[] = [];
  let failures = 0;
  const saving = editors.map(async (cookie, e) => {
    for (let i = 0; !stop; i++) {
      const outcome = await saveActivity(baseUrl, cookie, `bench-event-${1 + ((e * 97 + i) % Math.max(options.size, 1))}`, i);
      if (outcome === null) failures++;
      else timings.push(outcome);
    }
  });
  const headers: Record<string, string> = options.acceptEncoding ? { 'accept-encoding': options.acceptEncoding } : {};
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.duration,
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }],
  });
  stop = true;
  await Promise.all(saving);
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0;
  return {
    connections: options.connections,
    duration: options.duration,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    editors: { saves: timings.length, failures, p50Ms: Math.round(at(0.5)), p99Ms: Math.round(at(0.99)), aloneMedianMs: Math.round(alone[2]!) },
    kinds,
  };
}

/** The session cookies of the bench's editor, signed in through the real form. */
async function signIn(baseUrl: string): Promise<string> {
  const form = await fetch(`${baseUrl}/en/sign-in`);
  let cookie = cookiesOf(form, '');
  const token = csrfOf(await form.text());
  const body = new URLSearchParams({ email: EDITOR.email, password: EDITOR.password, _csrf: token });
  const response = await fetch(`${baseUrl}/en/sign-in`, { method: 'POST', body, headers: { cookie }, redirect: 'manual' });
  if (response.status !== 303) throw new Error(`the bench editor could not sign in (${response.status})`);
  cookie = cookiesOf(response, cookie);
  return cookie;
}

/**
 * One editor's save: the edit form is read (not timed), its fields posted back with a changed
 * summary; the POST's time until its 303 is the figure. Null when the save was refused.
 */
async function saveActivity(baseUrl: string, cookie: string, slug: string, round: number): Promise<number | null> {
  const url = `${baseUrl}/en/admin/activities/${slug}/edit`;
  const form = await fetch(url, { headers: { cookie } });
  const html = await form.text();
  if (form.status !== 200) return null;
  const fields = formFields(html, `/en/admin/activities/${slug}/edit`);
  fields.set('summary', `Edited during the bench, round ${round}.`);
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', body: fields, headers: { cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  return response.status === 303 ? elapsed : null;
}

function cookiesOf(response: Response, previous: string): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [name, value] = pair!.split('=', 2);
    if (name) jar.set(name.trim(), value ?? '');
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The values a browser would submit from the page's edit form (inputs, checked boxes, selections, text areas). */
function formFields(html: string, action: string): URLSearchParams {
  // The page has other forms (signing out, in the header): the one posting to the edit URL.
  const form = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find(([, tag]) => tag!.includes(`action="${action}"`))?.[2] ?? '';
  const fields = new URLSearchParams();
  const attribute = (tag: string, name: string) => {
    const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
    return match ? unescape(match[1]!) : null;
  };
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const type = attribute(tag, 'type') ?? 'text';
    if (!name || ['submit', 'file', 'button'].includes(type)) continue;
    if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag)) continue;
    fields.append(name, attribute(tag, 'value') ?? (type === 'checkbox' ? 'on' : ''));
  }
  for (const [, tag, options] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attribute(tag!, 'name');
    if (!name) continue;
    const selected = /<option\b[^>]*\sselected\b[^>]*>/.exec(options!)?.[0] ?? /<option\b[^>]*>/.exec(options!)?.[0];
    fields.append(name, selected ? (attribute(selected, 'value') ?? '') : '');
  }
  for (const [, tag, text] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attribute(tag!, 'name');
    if (name) fields.append(name, unescape(text!));
  }
  return fields;
}
