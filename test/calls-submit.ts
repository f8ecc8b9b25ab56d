import fs from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { csrfTokenIn, multipart, Visitor, type TestApp } from './helpers.ts';
import type { TestSmtpServer } from './smtp.ts';
import { DELIVER_MAIL } from '../src/mail/outbox.ts';

/** Test-only helpers of the submission tests (imported by *.test.ts only). */

/** Delivers the queued mails over SMTP and returns the last one received by `to` whose subject matches. */
export async function mailTo(t: TestApp, smtp: TestSmtpServer, to: string, subject: RegExp) {
  await t.app.ctx.jobs.drain([DELIVER_MAIL]);
  const mails = smtp.received.filter((mail) => mail.to?.some((address) => address.address === to) && subject.test(mail.subject ?? ''));
  expect(mails.length, `a mail to ${to} matching ${subject}`).toBeGreaterThan(0);
  return mails.at(-1)!;
}

/** The resume link of a start mail, as a path. */
export function linkIn(text: string): string {
  const match = /http:\/\/passerelle\.test(\/[a-z]{2}\/calls\/[a-z0-9-]+\/submit\/[\w-]+)/.exec(text);
  expect(match, 'a resume link in the mail').not.toBeNull();
  return match![1]!;
}

/** Starts a submission through the start form and follows the mailed link: the draft's path. */
export async function startFromMail(t: TestApp, smtp: TestSmtpServer, input: { lang: string; slug: string; email: string; sourceLang: string; subject: RegExp }) {
  const visitor = new Visitor(t.app);
  const start = `/${input.lang}/calls/${input.slug}/submit`;
  const sent = await visitor.post(start, { email: input.email, source_lang: input.sourceLang });
  expect(sent.statusCode).toBe(200);
  const mail = await mailTo(t, smtp, input.email, input.subject);
  return { visitor, link: linkIn(mail.text ?? ''), mail };
}

export interface DraftFields {
  [name: string]: string | string[];
}

/** Posts the draft form (multipart, as the browser does) with the version and CSRF token of the page it was loaded from. */
export async function postDraft(t: TestApp, visitor: Visitor, link: string, fields: DraftFields, files: NonNullable<Parameters<typeof multipart>[1]> = {}, { csrf = true, version }: { csrf?: boolean; version?: number } = {}) {
  const page = await visitor.get(link);
  const token = csrf ? csrfTokenIn(page.body) : '';
  const pageVersion = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '0';
  // multipart() takes one value per name: lists go in as repeated parts.
  const flat: Record<string, string> = {};
  const repeated: [string, string][] = [];
  for (const [name, value] of Object.entries({ ...(csrf ? { _csrf: token } : {}), version: String(version ?? pageVersion), ...fields })) {
    if (Array.isArray(value)) for (const item of value) repeated.push([name, item]);
    else flat[name] = value;
  }
  const body = multipartWithLists(flat, repeated, files);
  return t.app.inject({ method: 'POST', url: link, payload: body.payload, headers: { ...body.headers, cookie: visitor.cookies }, remoteAddress: visitor.remoteAddress });
}

function multipartWithLists(fields: Record<string, string>, repeated: [string, string][], files: NonNullable<Parameters<typeof multipart>[1]>) {
  const built = multipart(fields, {});
  const boundary = /boundary=(.+)$/.exec(built.headers['content-type']!)![1]!;
  const head = built.payload.subarray(0, built.payload.length - `--${boundary}--\r\n`.length);
  const parts: Buffer[] = [head];
  for (const [name, value] of repeated) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const [name, file] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: built.headers };
}

/** How many files the local storage holds on disk. */
export async function filesOnDisk(t: TestApp): Promise<number> {
  const root = path.join(t.config.dataDir, 'files');
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}

export const submissionRow = (t: TestApp, id: number) => t.app.ctx.db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
