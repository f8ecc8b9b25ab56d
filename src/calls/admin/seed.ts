import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import { translated } from '../../i18n/translatable.ts';
import { GSEF2018_EVENT } from '../../initiatives/seed.ts';
import { SEEDED_AT } from '../../seed/seeded-at.ts';

export const GSEF2018_CALL = 'gsef2018-bilbao';
/** What the secretariat reports the GSEF2018 call received (about 600); only the selected are rows. */
export const GSEF2018_RECEIVED = 600;

const TITLE = {
  en: 'GSEF2018 call for initiatives',
  fr: 'Appel à initiatives du GSEF2018',
  es: 'Convocatoria de iniciativas del GSEF2018',
  ko: 'GSEF2018 이니셔티브 공모',
};
const BODY = {
  en: 'The fourth Global Social Economy Forum, in Bilbao, asked local governments and social and solidarity economy organisations to present what they do together.\n\nThe call ran before Passerelle: its results are shown here, its submissions are the initiatives the forum selected.',
  fr: 'Le quatrième Forum mondial de l’économie sociale, à Bilbao, a invité les gouvernements locaux et les organisations de l’économie sociale et solidaire à présenter ce qu’ils font ensemble.\n\nL’appel a été mené avant Passerelle : on en voit ici les résultats ; ses candidatures sont les initiatives retenues par le forum.',
  es: 'El cuarto Foro Global de Economía Social, en Bilbao, invitó a los gobiernos locales y a las organizaciones de la economía social y solidaria a presentar lo que hacen juntos.\n\nLa convocatoria se hizo antes de Passerelle: aquí se muestran sus resultados; sus candidaturas son las iniciativas que el foro seleccionó.',
  ko: '빌바오에서 열린 제4회 국제사회적경제포럼은 지방정부와 사회연대경제 조직이 함께하는 일을 발표하도록 초청했습니다.\n\n이 공모는 Passerelle 이전에 진행되었습니다. 여기에는 그 결과가 표시되며, 제출물은 포럼이 선정한 이니셔티브입니다.',
};

/**
 * The GSEF2018 call, decided and published, with one accepted submission per initiative of its
 * programme (kind 'initiative': the thematic workshops were run by partners, not selected through
 * the call). Nothing is invented: every submission copies an initiative already seeded. One
 * INSERT … SELECT keeps it fast, and rows already there are left alone, so a second run changes nothing.
 */
export async function seedCalls(trx: Transaction<DB>): Promise<void> {
  const forum = await trx.selectFrom('activities').select('id').where('slug', '=', GSEF2018_CALL).where('type', '=', 'forum').executeTakeFirst();
  const values = {
    activity_id: forum?.id ?? null,
    event_slug: GSEF2018_EVENT,
    title: JSON.stringify(translated('en', TITLE, SEEDED_AT)),
    body: JSON.stringify(translated('en', BODY, SEEDED_AT)),
    state: 'published' as const,
    time_zone: 'Europe/Madrid',
    languages: ['en', 'fr', 'es'],
    received_count_reported: GSEF2018_RECEIVED,
  };
  const { id } = await trx.insertInto('calls').values({ slug: GSEF2018_CALL, ...values, created_at: SEEDED_AT, updated_at: SEEDED_AT })
    .onConflict((oc) => oc.column('slug').doUpdateSet(values)).returning('id').executeTakeFirstOrThrow();
  // Imported rows have no submitter: the address is a reserved, undeliverable domain (RFC 2606), and
  // the resume token a random value nobody holds.
  await sql`
    INSERT INTO submissions (call_id, token_hash, state, lang, source_lang, email, title, summary, organisation_id, organisation_name,
      city, country, region, latitude, longitude, presenters, themes, links, dedup_key, imported, decision, decision_released_at,
      workshop_id, code, initiative_id, created_at, updated_at)
    SELECT ${id}, encode(sha256(convert_to(gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex'), 'submitted', 'fr',
      (SELECT l FROM unnest(ARRAY['en','fr','es','ko']) l WHERE i.title -> l ->> 'status' = 'original' LIMIT 1),
      'gsef2018-' || replace(i.code, '.', '-') || '@imported.invalid', i.title, i.summary, i.organisation_id,
      coalesce(o.name -> 'en' ->> 'text', o.name -> 'fr' ->> 'text', o.name -> 'es' ->> 'text', o.name -> 'ko' ->> 'text'),
      i.city, i.country, i.region, i.latitude, i.longitude,
      coalesce((SELECT jsonb_agg(jsonb_build_object('name', p ->> 'name', 'organisation', p ->> 'organisation', 'role', p ->> 'role') ORDER BY n)
                FROM jsonb_array_elements(i.presenters) WITH ORDINALITY AS e(p, n)), '[]'::jsonb),
      i.themes, i.links, i.dedup_key, true, 'accepted', ${SEEDED_AT}::timestamptz, i.workshop_id, i.code, i.id, ${SEEDED_AT}::timestamptz, ${SEEDED_AT}::timestamptz
    FROM initiatives i LEFT JOIN organisations o ON o.id = i.organisation_id
    WHERE i.event_slug = ${GSEF2018_EVENT} AND i.kind = 'initiative'
      AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.call_id = ${id} AND s.initiative_id = i.id)
    ORDER BY i.code`.execute(trx);
}
