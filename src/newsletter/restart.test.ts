import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../../test/helpers.ts';
import { startSending } from './delivery.ts';
import { createIssue, saveEdition } from './issues.ts';
import { addActiveSubscribers } from './testing.ts';

/**
 * The promise "never twice, even if the sender is killed mid-issue", tested with a real process:
 * a worker (child process) sends an issue to 300 subscribers through a real, slow SMTP server; the
 * server SIGKILLs the worker while holding the 120th message un-acknowledged (the ambiguous window:
 * the server has the message, the sender never heard 250); a second worker finishes the issue.
 */
const SUBSCRIBERS = 300;
const KILL_AT = 120;

class RecordingSmtp {
  readonly messages: { to: string; messageId: string }[] = [];
  onMessage: (count: number) => void = () => {};
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, session, callback) => {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '';
        for (const to of session.envelope.rcptTo) this.messages.push({ to: to.address, messageId });
        this.onMessage(this.messages.length);
        // A slow server: 5 ms before each 250.
        setTimeout(() => callback(), 5);
      });
    },
  });
  port = 0;
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return `smtp://127.0.0.1:${this.port}`;
  }
  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let t: TestApp;
let smtp: RecordingSmtp;
let smtpUrl: string;
let dataDir: string;
const children: ChildProcess[] = [];
let workerLog = '';

beforeAll(async () => {
  smtp = new RecordingSmtp();
  smtpUrl = await smtp.start();
  t = await createTestApp({ smtpUrl });
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-worker-'));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await t?.close();
  await smtp?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

// A worker starts in about 5 s on a quiet machine; the waits below are long because shared CI
// machines can be a hundred times slower to compile and import the app.
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/newsletter-worker.ts')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      DATABASE_URL: t.database.url,
      SMTP_URL: smtpUrl,
      DATA_DIR: dataDir,
      BASE_URL: 'http://passerelle.test',
      NEWSLETTER_RATE: '200',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => (workerLog += chunk.toString('utf8')));
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, seconds: number, what: string): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}; worker said:\n${workerLog.slice(-3000)}`);
}

describe('sending survives a killed sender', () => {
  it('gives every subscriber exactly one message when the worker is SIGKILLed mid-issue and restarted', { timeout: 1_200_000 }, async () => {
    const db = t.app.ctx.db;
    const actor = await createUser(t.app, 'sender@example.org', ['editor']);
    const langs = ['en', 'fr', 'es', 'ko'] as const;
    const ids = await addActiveSubscribers(db, Array.from({ length: SUBSCRIBERS }, (_, i) => ({ email: `reader${i}@example.org`, lang: langs[i % 4]! })));
    const issueId = await createIssue(db, { slug: '2020-01', issue_date: '2020-01-01', source_lang: 'en', fallback_lang: 'en', events_count: 2 }, actor);
    for (const lang of ['en', 'fr', 'es'] as const) await saveEdition(db, issueId, lang, { status: 'ready', subject: `Subject ${lang}`, intro: `Intro ${lang}`, sections: {} }, actor);
    await saveEdition(db, issueId, 'ko', { status: 'skipped', subject: '', intro: '', sections: {} }, actor);
    expect(await startSending(t.app.ctx, issueId, actor)).toBe(SUBSCRIBERS);

    const first = startWorker();
    smtp.onMessage = (count) => {
      if (count === KILL_AT) first.kill('SIGKILL');
    };
    await waitFor(async () => smtp.messages.length >= KILL_AT, 480, 'the first worker to send');
    await exited(first);
    expect(first.signalCode).toBe('SIGKILL');
    const afterKill = await db.selectFrom('newsletter_deliveries').select(['status']).where('issue_id', '=', issueId).execute();
    const count = (status: string) => afterKill.filter((row) => row.status === status).length;
    // Killed in the window: the row is `sending`, the server holds the message.
    expect(count('sending')).toBe(1);
    expect(count('sent')).toBe(KILL_AT - 1);
    expect(count('queued')).toBe(SUBSCRIBERS - KILL_AT);

    smtp.onMessage = () => {};
    const second = startWorker();
    await waitFor(async () => (await db.selectFrom('newsletter_issues').select('status').where('id', '=', issueId).executeTakeFirst())?.status === 'sent', 480, 'the issue to be sent');
    second.kill('SIGTERM');
    await exited(second);

    const perRecipient = new Map<string, number>();
    for (const message of smtp.messages) perRecipient.set(message.to, (perRecipient.get(message.to) ?? 0) + 1);
    expect(smtp.messages).toHaveLength(SUBSCRIBERS);
    expect(perRecipient.size).toBe(SUBSCRIBERS);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(SUBSCRIBERS);

    const rows = await db.selectFrom('newsletter_deliveries').select(['subscriber_id', 'status', 'note', 'message_id']).where('issue_id', '=', issueId).execute();
    expect(rows).toHaveLength(SUBSCRIBERS);
    expect(rows.every((row) => row.status === 'sent')).toBe(true);
    const unconfirmed = rows.filter((row) => row.note?.startsWith('unconfirmed'));
    expect(unconfirmed).toHaveLength(1);
    // The ambiguous one is the message the server was holding when the sender died: it arrived once.
    expect(smtp.messages[KILL_AT - 1]!.messageId).toBe(unconfirmed[0]!.message_id);
    expect(new Set(rows.map((row) => row.subscriber_id))).toEqual(new Set(ids));
  });
});
