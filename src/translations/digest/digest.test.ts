import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../../../test/helpers.ts';
import { TestSmtpServer } from '../../../test/smtp.ts';
import { sendDigests } from './digest.ts';

const smtp = new TestSmtpServer();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to?.[0]?.address === address);

describe('the translators’ digest', () => {
  it('mails each translator the new work in their languages, in their interface language, and nothing when nothing is new', async () => {
    const korean = await createUser(t.app, 'digest-ko@example.org', ['translator']);
    const idle = await createUser(t.app, 'digest-idle@example.org', ['translator']);
    await sql`UPDATE users SET lang = 'fr' WHERE id = ${korean}`.execute(t.app.ctx.db);
    await sql`INSERT INTO translator_languages (user_id, lang) VALUES (${korean}, 'ko'), (${idle}, 'ko')`.execute(t.app.ctx.db);
    // Three new Korean gaps now; everything else older than the day a first digest looks back on.
    const rows = await sql<{ id: number }>`SELECT id FROM initiatives ORDER BY id LIMIT 3`.execute(t.app.ctx.db);
    await sql`UPDATE translation_units SET since = now() - interval '3 days' WHERE lang = 'ko'`.execute(t.app.ctx.db);
    for (const row of rows.rows) {
      await sql`UPDATE initiatives SET title = jsonb_build_object('fr', jsonb_build_object('text', 'Nouveau titre ' || id, 'status', 'original', 'updatedAt', now())) WHERE id = ${row.id}`.execute(t.app.ctx.db);
    }
    const until = new Date(Date.now() + 1000);
    // The idle translator's last digest came after those changes: nothing is new for them.
    await sql`INSERT INTO translation_digests (user_id, last_sent_at) VALUES (${idle}, ${until})`.execute(t.app.ctx.db);
    expect(await sendDigests(t.app.ctx, until)).toBe(1);
    await t.app.ctx.jobs.drain();
    const [mail] = mailsTo('digest-ko@example.org');
    expect(mail!.subject).toBe('Nouveau travail de traduction : 3');
    expect(mail!.text).toContain('coréen: 3 manquantes');
    expect(mail!.text).toContain('http://passerelle.test/fr/admin/translations?lang=ko');
    expect(mailsTo('digest-idle@example.org')).toHaveLength(0);
    // A second run the same day: nothing new, no mail.
    expect(await sendDigests(t.app.ctx, new Date(until.getTime() + 1000))).toBe(0);
    await t.app.ctx.jobs.drain();
    expect(mailsTo('digest-ko@example.org')).toHaveLength(1);
  });
});
