import type net from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../../src/app.ts';
import { addUser } from '../../src/auth/accounts.ts';
import { loadConfig } from '../../src/config.ts';
import { connect } from '../../src/db/database.ts';
import { sendIssue, startSending } from '../../src/newsletter/delivery.ts';
import { createIssue, saveEdition } from '../../src/newsletter/issues.ts';
import { addActiveSubscribers } from '../../src/newsletter/testing.ts';

/**
 * Sends one issue (three editions and a skipped one) to `size` synthetic subscribers through a
 * local SMTP server on 127.0.0.1 that only counts what it accepts, with the delivery rows written
 * as in production (`sending` committed before each SMTP exchange, `sent` after). The rate limit is
 * set out of the way unless given, so the figure is what one sender does on this machine.
 */
export async function measureNewsletter(url: string, dataDir: string, size: number, rate = 100_000): Promise<string> {
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtp.server.prependListener('connection', (socket: net.Socket) => socket.setNoDelay(true));
  const database = connect(url, 6);
  const config = loadConfig({}, {
    dataDir,
    databaseUrl: url,
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as net.AddressInfo).port}`,
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
    const { n } = await db.selectFrom('newsletter_deliveries').select(sql<number>`count(*)::int`.as('n')).where('issue_id', '=', issueId).where('status', '=', 'sent').executeTakeFirstOrThrow();
    return [
      `newsletter: ${size} delivery rows written in ${materialised.toFixed(2)} s`,
      `newsletter: ${n} sent, ${received} accepted by the SMTP server, in ${seconds.toFixed(1)} s = ${(received / seconds).toFixed(0)} messages/s (one sender, limit ${rate}/s)`,
    ].join('\n');
  } finally {
    await app.close();
    await database.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
}
