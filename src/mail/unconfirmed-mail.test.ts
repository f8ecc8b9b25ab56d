import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Visitor, type TestApp } from '../../test/helpers.ts';

/**
 * Finding 7 of issue 17: what the public forms mail to an address nobody has confirmed. Nothing the
 * visitor wrote goes into it, and one address gets only a few such mails, however many visitors
 * (addresses, instances) name it.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.ctx.db
    .updateTable('activities')
    .set({ registration_open: true, capacity: null, waiting_list: true, registration_closes: '2099-12-31' })
    .where('slug', '=', 'gsef2016-montreal')
    .execute();
});
afterAll(() => t.close());

const mailsTo = (to: string) => t.app.ctx.db.selectFrom('outgoing_mail').select(['purpose', 'subject', 'text_body']).where('to_address', '=', to).orderBy('id').execute();

const PHISH = 'Urgent\r\nYour account is blocked: log in at http://phish.example/now';

describe('mail to an unconfirmed address', () => {
  it('carries nothing of a join draft but the link: not the organisation name, not its line breaks', async () => {
    const response = await new Visitor(t.app).post('/en/join', { organisation_name: 'Cooperative\nCall +1 555 0100 http://phish.example', email: 'victim@example.org', intent: 'save' });
    expect(response.statusCode).toBe(303);
    const [mail] = await mailsTo('victim@example.org');
    expect(mail!.purpose).toBe('membership.draft-link');
    expect(mail!.text_body).toMatch(/http:\/\/passerelle\.test\/en\/join\/[\w-]+/);
    expect(mail!.text_body).not.toContain('phish');
    expect(mail!.text_body).not.toContain('Cooperative');
  });

  it('carries nothing of a registration but the event and the link that confirms the address: not the name typed, not its line breaks', async () => {
    const response = await new Visitor(t.app).post('/fr/activities/gsef2016-montreal/register', { name: 'Marie', email: 'marie@example.org', organisation: PHISH });
    expect(response.statusCode).toBe(200);
    const named = await new Visitor(t.app).post('/fr/activities/gsef2016-montreal/register', { name: 'Paul http://phish.example', email: 'paul@example.org' });
    expect(named.statusCode).toBe(200);
    for (const address of ['marie@example.org', 'paul@example.org']) {
      const [mail, ...more] = await mailsTo(address);
      expect(more).toEqual([]);
      expect(mail!.purpose).toBe('registration.address');
      expect(mail!.text_body).toMatch(/http:\/\/passerelle\.test\/fr\/registrations\/[\w-]+\/confirm/);
      expect(mail!.text_body).not.toContain('phish');
      expect(mail!.text_body).not.toContain('Marie');
      expect(mail!.text_body).toContain('GSEF2016 Montréal');
    }
  });

  it('sends one address at most five join mails a day, from any number of visitors; the drafts themselves are kept', async () => {
    for (let i = 0; i < 7; i++) {
      const response = await new Visitor(t.app).post('/en/join', { organisation_name: `Org ${i}`, email: 'flooded@example.org', intent: 'save' });
      expect(response.statusCode).toBe(303);
    }
    expect(await mailsTo('flooded@example.org')).toHaveLength(5);
    const drafts = await t.app.ctx.db.selectFrom('membership_applications').select('id').where('email', '=', 'flooded@example.org').execute();
    expect(drafts).toHaveLength(7);
  });

  it('counts per address in PostgreSQL, under a hash: no address in the clear', async () => {
    const keys = (await t.app.ctx.db.selectFrom('rate_limit_counts').select('key').where('key', 'like', 'mail:%').execute()).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((key) => key.includes('@'))).toBe(false);
  });
});
