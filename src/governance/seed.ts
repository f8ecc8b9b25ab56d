import type { Transaction } from 'kysely';
import { mandates, meetings, people } from '../../seed/members.ts';
import type { DB } from '../db/types.ts';
import { translated } from '../i18n/translatable.ts';
import { SEEDED_AT } from '../seed/seeded-at.ts';

/** Advisors and the Secretary General, the mandates named in the seed documents, the 2019 meetings. */
export async function seedGovernance(trx: Transaction<DB>): Promise<void> {
  const bodyIds = new Map((await trx.selectFrom('bodies').select(['id', 'slug']).execute()).map((b) => [b.slug, b.id]));
  const memberIds = new Map((await trx.selectFrom('members').select(['id', 'slug']).execute()).map((m) => [m.slug, m.id]));
  const bodyId = (slug: string) => bodyIds.get(slug) ?? fail(`unknown body ${slug}`);
  for (const person of people) {
    const row = { name: person.name, title: JSON.stringify(translated('en', person.title, SEEDED_AT)), grammatical_form: person.form };
    await trx.insertInto('people').values({ slug: person.slug, ...row }).onConflict((oc) => oc.column('slug').doUpdateSet(row)).execute();
  }
  const personIds = new Map((await trx.selectFrom('people').select(['id', 'slug']).execute()).map((p) => [p.slug, p.id]));
  for (const [position, mandate] of mandates.entries()) {
    const member_id = mandate.member ? (memberIds.get(mandate.member) ?? fail(`unknown member ${mandate.member}`)) : null;
    const person_id = mandate.person ? (personIds.get(mandate.person) ?? fail(`unknown person ${mandate.person}`)) : null;
    const body_id = bodyId(mandate.body);
    let query = trx.selectFrom('mandates').select('id').where('body_id', '=', body_id).where('role', '=', mandate.role);
    query = member_id ? query.where('member_id', '=', member_id) : query.where('person_id', '=', person_id!);
    const existing = await query.executeTakeFirst();
    const row = { region: mandate.region ?? null, starts_on: mandate.startsOn ?? null, position };
    if (existing) await trx.updateTable('mandates').set(row).where('id', '=', existing.id).execute();
    else await trx.insertInto('mandates').values({ body_id, member_id, person_id, role: mandate.role, ...row }).execute();
  }
  for (const meeting of meetings) {
    const row = {
      body_id: bodyId(meeting.body),
      starts_on: meeting.startsOn,
      ends_on: meeting.endsOn,
      date_precision: meeting.precision,
      format: meeting.format,
      city: meeting.city ?? null,
      country: meeting.country ?? null,
      published: true,
    };
    const { id } = await trx
      .insertInto('meetings')
      .values({ slug: meeting.slug, ...row, created_at: SEEDED_AT })
      .onConflict((oc) => oc.column('slug').doUpdateSet(row))
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [position, title] of meeting.agenda.entries()) {
      const value = JSON.stringify(translated('en', title, SEEDED_AT));
      await trx
        .insertInto('meeting_agenda_items')
        .values({ meeting_id: id, position, title: value })
        .onConflict((oc) => oc.columns(['meeting_id', 'position']).doUpdateSet({ title: value }))
        .execute();
    }
  }
}

function fail(message: string): never {
  throw new Error(message);
}
