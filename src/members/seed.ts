import type { Transaction } from 'kysely';
import { members, target } from '../../seed/members.ts';
import type { DB } from '../db/types.ts';
import { translated } from '../i18n/translatable.ts';
import { findOrCreateOrganisation, type OrganisationKind } from '../organisations/domain.ts';
import { Gazetteer } from '../places/gazetteer.ts';
import { SEEDED_AT } from '../seed/seeded-at.ts';

// The 2019 programme set the target at the start of the year it runs to.
const TARGET_SET_AT = '2019-01-01T00:00:00.000Z';
const ORGANISATION_KIND: Record<string, OrganisationKind> = { local_government: 'local_government', sse_network: 'sse_network' };

/** Members named in the seed documents, each linked to its shared organisation, and the 2019 target. */
export async function seedMembers(trx: Transaction<DB>): Promise<void> {
  const gazetteer = new Gazetteer();
  for (const member of members) {
    const organisation = await findOrCreateOrganisation(
      trx,
      { name: member.name[member.source]!, lang: member.source, kind: ORGANISATION_KIND[member.kind] ?? 'other', city: member.city ?? null, country: member.country ?? null },
      gazetteer,
    );
    await trx
      .updateTable('organisations')
      .set({ name: JSON.stringify(translated(member.source, member.name, SEEDED_AT)) })
      .where('id', '=', organisation.id)
      .execute();
    const row = { organisation_id: organisation.id, kind: member.kind, category: member.category, status: member.status };
    const { id } = await trx
      .insertInto('members')
      .values({ slug: member.slug, ...row, created_at: SEEDED_AT, updated_at: SEEDED_AT })
      .onConflict((oc) => oc.column('slug').doUpdateSet(row))
      .returning('id')
      .executeTakeFirstOrThrow();
    const recorded = await trx.selectFrom('membership_events').select('id').where('member_id', '=', id).where('action', '=', 'recorded').executeTakeFirst();
    if (!recorded) {
      await trx
        .insertInto('membership_events')
        .values({ member_id: id, action: 'recorded', status: member.status, effective_on: member.evidenceOn, reason: member.evidence, at: SEEDED_AT })
        .execute();
    }
  }
  await trx
    .insertInto('membership_targets')
    .values({ ...target, created_at: TARGET_SET_AT })
    .onConflict((oc) => oc.column('deadline').doUpdateSet({ baseline: target.baseline, target: target.target }))
    .execute();
}
