import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.ts';
import { addUser } from '../../src/auth/accounts.ts';
import { loadConfig } from '../../src/config.ts';
import { connect } from '../../src/db/database.ts';
import { sendIssue, startSending } from '../../src/newsletter/delivery.ts';
import { createIssue, saveEdition } from '../../src/newsletter/issues.ts';
import { addActiveSubscribers } from '../../src/newsletter/testing.ts';

/**
 * Sends one issue (three editions and a skipped one) to `size` synthetic subscribers through a
 * local SMTP server on 127.0.0.1 that only counts what it accepts (in its own process), with the delivery rows written
 * as in production (`sending` committed before each SMTP exchange, `sent` after). The rate limit is
 * set out of the way unless given, so the figure is what one sender does on this machine.
 */
export async function measureNewsletter(url: string, dataDir: string, size: number, rate = 100_000): Promise<string> {
  const smtp = await startSink();
  const database = connect(url, 6);
  const config = loadConfig({}, {
    dataDir,
    databaseUrl: url,
    smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
    logLevel: 'silent',
    runWorkers: false,
    baseUrl: 'https://gsef.example.org',
    newsletterRate: rate,
    // The sender's parallel SMTP connections: the product's default unless NEWSLETTER_CONNECTIONS says.
    ...(Number(process.env.NEWSLETTER_CONNECTIONS) > 0 ? { newsletterConnections: Number(process.env.NEWSLETTER_CONNECTIONS) } : {}),
  });
  const app = await buildApp({ config, database });
  try {
    await app.ready();
    const db = database.db;
    const langs = ['en', 'fr', 'es', 'ko'] as const;
    await addActiveSubscribers(db, Array.from({ length: size }, (_, i) => ({ email: `reader${i}@bench.example.org`, lang: langs[i % 4]! })));
    await sql`ANALYZE subscribers`.execute(db);
    const actor = await addUser(db, { email: 'newsletter-bench@example.org', name: 'Bench', roles: ['editor'], lang: 'en', password: null } as never, null);
    const issueId = await createIssue(db, { slug: '2026-11', issue_date: '2026-11-01', source_lang: 'en', fallback_lang: 'en', events_count: 5 }, actor);
    for (const lang of ['en', 'fr', 'es'] as const) {
      await saveEdition(db, issueId, lang, { status: 'ready', subject: `GSEF newsletter (${lang})`, intro: 'News from the network, a member introduced and the events ahead.', sections: {} }, actor);
    }
    await saveEdition(db, issueId, 'ko', { status: 'skipped', subject: '', intro: '', sections: {} }, actor);

    let started = performance.now();
    await startSending(app.ctx, issueId, actor);
    const materialised = (performance.now() - started) / 1000;
    started = performance.now();
    await sendIssue(app.ctx, issueId, { budgetMs: 24 * 3600_000 });
    const seconds = (performance.now() - started) / 1000;
    const received = await smtp.received();
    const { n } = await db.selectFrom('newsletter_deliveries').select(sql<number>`count(*)::int`.as('n')).where('issue_id', '=', issueId).where('status', '=', 'sent').executeTakeFirstOrThrow();
    return [
      `newsletter: ${size} delivery rows written in ${materialised.toFixed(2)} s`,
      `newsletter: ${n} sent, ${received} accepted by the SMTP server, in ${seconds.toFixed(1)} s = ${(received / seconds).toFixed(0)} messages/s (one sender, limit ${rate}/s)`,
    ].join('\n');
  } finally {
    await app.close();
    await database.close();
    smtp.stop();
  }
}

/** The counting SMTP server (smtp-sink.ts) in a child process. */
async function startSink(): Promise<{ port: number; received(): Promise<number>; stop(): void }> {
  const child = fork(fileURLToPath(new URL('./smtp-sink.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
  });
  return {
    port,
    received: () => new Promise((resolve) => {
      child.once('message', (message: { received: number }) => resolve(message.received));
      child.send({ ask: 'count' });
    }),
    stop: () => child.disconnect(),
  };
}
