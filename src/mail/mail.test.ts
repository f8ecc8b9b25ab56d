import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { TestSmtpServer } from '../../test/smtp.ts';
import { outboxDir } from './mailer.ts';
import { deliverMail, queueMail } from './outbox.ts';

const smtp = new TestSmtpServer();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

async function queue(to: string, subject = 'Bonjour à tous') {
  return t.app.ctx.db.transaction().execute((trx) =>
    queueMail(trx, t.app.ctx.jobs, 'test', { to, subject, text: 'Texte brut — é', html: '<p>HTML</p>' }),
  );
}

describe('mail over SMTP', () => {
  it('delivers a queued message once, as valid multipart, and records it as sent', async () => {
    const id = await queue('one@example.org');
    await t.app.ctx.jobs.drain();
    const got = smtp.received.filter((m) => m.to?.[0]?.address === 'one@example.org');
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe('Bonjour à tous');
    expect(got[0]!.text?.trim()).toBe('Texte brut — é');
    expect(got[0]!.html?.trim()).toBe('<p>HTML</p>');
    const row = await t.app.ctx.db.selectFrom('outgoing_mail').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(row.attempts).toBe(1);
    // Delivering the same message again sends nothing more.
    await deliverMail(t.app.ctx, id);
    expect(smtp.received.filter((m) => m.to?.[0]?.address === 'one@example.org')).toHaveLength(1);
  });

  it('sends nothing when the transaction that queued it rolls back', async () => {
    await t.app.ctx.db
      .transaction()
      .execute(async (trx) => {
        await queueMail(trx, t.app.ctx.jobs, 'test', { to: 'ghost@example.org', subject: 'x', text: 'x' });
        throw new Error('the change failed');
      })
      .catch(() => {});
    await t.app.ctx.jobs.drain();
    expect(smtp.received.some((m) => m.to?.[0]?.address === 'ghost@example.org')).toBe(false);
    const rows = await t.app.ctx.db.selectFrom('outgoing_mail').select('id').where('to_address', '=', 'ghost@example.org').execute();
    expect(rows).toEqual([]);
  });

  it('records a refused delivery and leaves the job to be retried later', async () => {
    smtp.refuseWith = 451;
    const id = await queue('later@example.org');
    await t.app.ctx.jobs.drain();
    smtp.refuseWith = null;
    const row = await t.app.ctx.db.selectFrom('outgoing_mail').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('refused by the test server');
    // The retry is scheduled in the future (backoff), so an immediate drain does not resend.
    await t.app.ctx.jobs.drain();
    expect(smtp.received.some((m) => m.to?.[0]?.address === 'later@example.org')).toBe(false);
    await deliverMail(t.app.ctx, id);
    expect(smtp.received.filter((m) => m.to?.[0]?.address === 'later@example.org')).toHaveLength(1);
  });
});

describe('mail without SMTP', () => {
  it('writes each message as an .eml file in the outbox', async () => {
    const local = await createTestApp();
    try {
      const id = await local.app.ctx.db.transaction().execute((trx) =>
        queueMail(trx, local.app.ctx.jobs, 'test', { to: 'file@example.org', subject: '회의 안내', text: '안녕하세요' }),
      );
      await local.app.ctx.jobs.drain();
      const files = await fs.readdir(outboxDir(local.config));
      expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(1);
      expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
      const row = await local.app.ctx.db.selectFrom('outgoing_mail').select('sent_at').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.sent_at).not.toBeNull();
    } finally {
      await local.close();
    }
  });
});
