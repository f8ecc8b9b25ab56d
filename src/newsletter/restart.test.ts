import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../../test/helpers.ts';
import { startSending } from './delivery.ts';
import { createIssue, saveEdition } from './issues.ts';
import { addActiveSubscribers } from './testing.ts';

/**
 * "Exactly once, even if the sender is killed", tested with real processes: a worker (child
 * process) sends an issue to 400 subscribers through a real SMTP server, which SIGKILLs it at a
 * chosen point of one exchange; a fresh worker continues; four kills, then a worker finishes.
 *  - before DATA: at a RCPT TO, never answered;
 *  - mid-DATA: the message's row is locked by the test, so the sender's `data_ended` commit waits
 *    and the final dot cannot go out; the server kills on the first chunk of data;
 *  - after the dot, before 250: the server has the whole message and never answers;
 *  - after 250, before the sender records it: the server answers and kills at once.
 * One SMTP connection per worker, so the exchange the server kills on is the only one in flight
 * (with several, another one could be between its data_ended commit and its dot: the window
 * docs/decisions/0520-newsletter-exactly-once.md describes). Claims still come in batches.
 */
const SUBSCRIBERS = 400;
type KillPoint = 'before-data' | 'mid-data' | 'after-dot' | 'after-250';

class RecordingSmtp {
  readonly messages: { to: string; messageId: string }[] = [];
  rcpts = 0;
  /** Called at each RCPT TO with its running count; false: never answer it. */
  onRcpt: (count: number, to: string, sessionId: string) => Promise<boolean> | boolean = () => true;
  onFirstChunk: (sessionId: string) => void = () => {};
  /** Called when a whole message is in: 'hold' (never answer), 'answer', or a function run right after answering. */
  onMessage: (count: number) => 'hold' | 'answer' | (() => void) = () => 'answer';
  /** Sessions whose data never reached the final dot (the sender was killed mid-data). */
  readonly cut = new Set<string>();
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo: (address, session, callback) => {
      void Promise.resolve(this.onRcpt(++this.rcpts, address.address, session.id)).then((answer) => answer && callback());
    },
    onData: (stream, session, callback) => {
      let raw = '';
      let first = true;
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
        if (first) this.onFirstChunk(session.id);
        first = false;
      });
      stream.on('end', () => {
        if (this.cut.has(session.id)) return;
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '';
        for (const to of session.envelope.rcptTo) this.messages.push({ to: to.address, messageId });
        const next = this.onMessage(this.messages.length);
        if (next === 'hold') return;
        callback();
        if (typeof next === 'function') next();
      });
    },
  });
  port = 0;
  async start() {
    // A killed worker resets its connections; that is expected here, not an error of the test.
    this.server.on('error', () => {});
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
      NEWSLETTER_CONNECTIONS: '1',
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
  it('gives every subscriber exactly one message when workers are SIGKILLed at four points of an exchange', { timeout: 1_200_000 }, async () => {
    const db = t.app.ctx.db;
    const actor = await createUser(t.app, 'sender@example.org', ['editor']);
    const langs = ['en', 'fr', 'es', 'ko'] as const;
    const ids = await addActiveSubscribers(db, Array.from({ length: SUBSCRIBERS }, (_, i) => ({ email: `reader${i}@example.org`, lang: langs[i % 4]! })));
    const issueId = await createIssue(db, { slug: '2020-01', issue_date: '2020-01-01', source_lang: 'en', fallback_lang: 'en', events_count: 2 }, actor);
    for (const lang of ['en', 'fr', 'es'] as const) await saveEdition(db, issueId, lang, { status: 'ready', subject: `Subject ${lang}`, intro: `Intro ${lang}`, sections: {} }, actor);
    await saveEdition(db, issueId, 'ko', { status: 'skipped', subject: '', intro: '', sections: {} }, actor);
    expect(await startSending(t.app.ctx, issueId, actor)).toBe(SUBSCRIBERS);
    const row = (email: string) => db.selectFrom('newsletter_deliveries').select(['status', 'stage', 'note', 'message_id']).where('issue_id', '=', issueId).where('email', '=', email).executeTakeFirstOrThrow();

    /** Starts a worker, lets `at` exchanges go by, kills it at `point` of the next one; returns that exchange's address. */
    async function killAt(point: KillPoint, at: number): Promise<string> {
      const worker = startWorker();
      const rcptBase = smtp.rcpts;
      const messageBase = smtp.messages.length;
      let target = '';
      let lock: pg.Client | null = null;
      const kill = () => worker.kill('SIGKILL');
      if (point === 'before-data') {
        smtp.onRcpt = (count, to) => {
          if (count - rcptBase !== at) return true;
          target = to;
          kill();
          return false;
        };
      } else if (point === 'mid-data') {
        let session = '';
        smtp.onRcpt = async (count, to, sessionId) => {
          if (count - rcptBase !== at) return true;
          target = to;
          session = sessionId;
          lock = new pg.Client({ connectionString: t.database.url });
          await lock.connect();
          await lock.query('BEGIN');
          await lock.query('SELECT id FROM newsletter_deliveries WHERE issue_id = $1 AND email = $2 FOR UPDATE', [issueId, to]);
          return true;
        };
        smtp.onFirstChunk = (sessionId) => {
          if (sessionId !== session) return;
          smtp.cut.add(sessionId);
          kill();
        };
      } else {
        smtp.onMessage = (count) => {
          if (count - messageBase !== at) return 'answer';
          target = smtp.messages[count - 1]!.to;
          if (point === 'after-dot') {
            kill();
            return 'hold';
          }
          return kill;
        };
      }
      await waitFor(async () => worker.exitCode !== null || worker.signalCode !== null, 480, `the worker to be killed ${point}`);
      expect(worker.signalCode, `the worker exited by itself (code ${worker.exitCode}); it said:\n${workerLog.slice(-3000)}`).toBe('SIGKILL');
      if (lock) {
        // PostgreSQL does not notice a dead client while its statement waits for a lock: the killed
        // worker's data_ended UPDATE would still commit once the lock goes. End it as the worker's
        // death would have ended it had it not been waiting (let any statement still in flight arrive).
        await new Promise((resolve) => setTimeout(resolve, 500));
        await (lock as pg.Client).query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                                         WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`);
        await (lock as pg.Client).query('ROLLBACK');
        await (lock as pg.Client).end();
      }
      smtp.onRcpt = () => true;
      smtp.onFirstChunk = () => {};
      smtp.onMessage = () => 'answer';
      return target;
    }

    const beforeData = await killAt('before-data', 30);
    // Claimed, and nothing of the message was sent.
    expect(await row(beforeData)).toMatchObject({ status: 'sending', stage: 'claimed' });
    const midData = await killAt('mid-data', 30);
    // Killed while its data_ended commit waited: the dot never went out.
    expect(await row(midData)).toMatchObject({ status: 'sending', stage: 'claimed' });
    const afterDot = await killAt('after-dot', 30);
    expect(await row(afterDot)).toMatchObject({ status: 'sending', stage: 'data_ended' });
    const after250 = await killAt('after-250', 30);
    expect(['sending', 'sent']).toContain((await row(after250)).status);

    const last = startWorker();
    await waitFor(async () => (await db.selectFrom('newsletter_issues').select('status').where('id', '=', issueId).executeTakeFirst())?.status === 'sent', 480, 'the issue to be sent');
    last.kill('SIGTERM');
    await exited(last);

    const perRecipient = new Map<string, number>();
    for (const message of smtp.messages) perRecipient.set(message.to, (perRecipient.get(message.to) ?? 0) + 1);
    expect(smtp.messages).toHaveLength(SUBSCRIBERS);
    expect(perRecipient.size).toBe(SUBSCRIBERS);
    expect([...perRecipient.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(SUBSCRIBERS);

    const rows = await db.selectFrom('newsletter_deliveries').select(['subscriber_id', 'status', 'stage', 'note', 'message_id']).where('issue_id', '=', issueId).execute();
    expect(rows).toHaveLength(SUBSCRIBERS);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(new Set(rows.map((r) => r.subscriber_id))).toEqual(new Set(ids));
    // The two cut before their dot were sent again, with the same Message-ID, and arrived once.
    for (const email of [beforeData, midData]) {
      const settled = await row(email);
      expect(settled.note).toMatch(/^resent/);
      expect(smtp.messages.filter((m) => m.to === email).map((m) => m.messageId)).toEqual([settled.message_id]);
    }
    // The one killed after its dot is counted sent, not resent: the server holds it once.
    expect((await row(afterDot)).note).toMatch(/^unconfirmed/);
    // Every "unconfirmed" row is a message the server did receive.
    const received = new Set(smtp.messages.map((m) => m.messageId));
    expect(rows.filter((r) => r.note?.startsWith('unconfirmed') && !received.has(r.message_id))).toEqual([]);
  });
});
