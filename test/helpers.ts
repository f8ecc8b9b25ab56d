import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { addUser } from '../src/auth/accounts.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { connect, type Database } from '../src/db/database.ts';
import type { Role } from '../src/auth/permissions.ts';
import { withDatabase } from './global-setup.ts';

/** A fresh database cloned from the run's migrated and seeded template. */
export async function createTestDatabase(): Promise<Database & { name: string }> {
  const maintenanceUrl = inject('maintenanceUrl');
  const template = inject('templateName');
  const name = `${template}_${crypto.randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    // Two files cloning at the same instant can collide on the template; the second one retries.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await client.end();
  }
  return { ...connect(withDatabase(maintenanceUrl, name), 5), name };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** The real app over a fresh database, with its own data folder; workers off (tests drain jobs). */
export async function createTestApp(
  overrides: Partial<Config> = {},
  extend?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-app-'));
  const config = loadConfig(
    {},
    { dataDir, logLevel: 'silent', runWorkers: false, baseUrl: 'http://passerelle.test', ...overrides },
  );
  const app = await buildApp({ config, database });
  extend?.(app);
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Cookies set by a response, as a Cookie header value for the next request. */
export function cookiesFrom(response: LightMyRequestResponse, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
  for (const cookie of response.cookies) jar.set(cookie.name, cookie.value);
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** The CSRF token a rendered form carries. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token in the page');
  return match[1];
}

export function form(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(name, v);
  return params.toString();
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/**
 * A browser-like session over inject(): keeps cookies, and fetches a page before posting its form
 * so the CSRF token is real.
 */
let visitors = 0;

export class Visitor {
  cookies = '';
  /**
   * Each visitor comes from its own address, as distinct people do (rate limits count per address).
   * Counted, not drawn at random: two visitors of one test file sharing an address by chance made
   * one's attempts count against the other's limit.
   */
  readonly remoteAddress: string;
  /** `remoteAddress` given: the same person reaching another instance (shared rate limits). */
  constructor(private readonly app: FastifyInstance, private readonly headers: Record<string, string> = {}, remoteAddress?: string) {
    this.remoteAddress = remoteAddress ?? `10.${(++visitors >> 16) & 255}.${(visitors >> 8) & 255}.${visitors & 255}`;
  }

  async get(url: string) {
    const response = await this.app.inject({ method: 'GET', url, remoteAddress: this.remoteAddress, headers: { ...this.headers, cookie: this.cookies } });
    this.cookies = cookiesFrom(response, this.cookies);
    return response;
  }

  async post(url: string, fields: Record<string, string | string[]>, { from = url, csrf = true } = {}) {
    const token = csrf ? csrfTokenIn((await this.get(from)).body) : '';
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      headers: { ...this.headers, ...FORM, cookie: this.cookies },
      payload: form(csrf ? { ...fields, _csrf: token } : fields),
    });
    this.cookies = cookiesFrom(response, this.cookies);
    return response;
  }
}

export async function createUser(app: FastifyInstance, email: string, roles: Role[], password = 'correct horse battery'): Promise<number> {
  return addUser(app.ctx.db, { email, name: email.split('@')[0] ?? email, roles, lang: 'en', password }, null);
}

/** Signs a visitor in with a password through the real form. */
export async function signIn(app: FastifyInstance, email: string, password = 'correct horse battery'): Promise<Visitor> {
  const visitor = new Visitor(app);
  const response = await visitor.post('/en/sign-in', { email, password });
  if (response.statusCode !== 303) throw new Error(`sign-in failed with ${response.statusCode}`);
  return visitor;
}

/** A multipart/form-data body, for upload tests: files as { name, type, content }. */
export function multipart(
  fields: Record<string, string>,
  files: Record<string, { name: string; type: string; content: Buffer }> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----passerelle${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const [name, file] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Uploads one file to a library resource as the signed-in editor does: the resource's admin page for
 * its CSRF token, then the multipart form with the file's language (`lang`, default English).
 */
export async function uploadLibraryFile(
  app: FastifyInstance,
  editor: Visitor,
  slug: string,
  file: { name: string; type: string; content: Buffer },
  lang: 'en' | 'fr' | 'es' | 'ko' = 'en',
) {
  const token = csrfTokenIn((await editor.get(`/${lang}/admin/library/${slug}`)).body);
  const { payload, headers } = multipart({ lang, _csrf: token }, { file });
  return app.inject({ method: 'POST', url: `/${lang}/admin/library/${slug}/files`, payload, headers: { ...headers, cookie: editor.cookies } });
}

/** The smallest valid PNG and PDF, for upload tests. */
export const SAMPLE_FILES = {
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
};

/** Signs in with the last sign-in link mailed to `email` (an invitation or a link asked for), as its reader would. */
export async function signInFromMail(app: FastifyInstance, email: string): Promise<Visitor> {
  const mail = await app.ctx.db.selectFrom('outgoing_mail').select('text_body').where('to_address', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const link = /http:\/\/passerelle\.test(\/[a-z]{2}\/sign-in\/link\/[\w-]+)/.exec(mail.text_body)![1]!;
  const visitor = new Visitor(app);
  expect((await visitor.post(link, {}, { from: link })).statusCode).toBe(303);
  return visitor;
}
