import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/types.ts';
import { original } from '../../i18n/translatable.ts';

/**
 * A call with `count` submitted submissions spread over regions, countries, languages, themes and
 * organisation kinds, each reviewed by the given reviewers (totals spread so the ranking is known),
 * written in a few statements so the bench can make 600 × 3 quickly. For tests and bench only.
 */
export const SPREAD = [
  { region: 'europe', country: 'ES', lang: 'es', kind: 'enterprise' },
  { region: 'europe', country: 'FR', lang: 'fr', kind: 'local_government' },
  { region: 'asia-pacific', country: 'KR', lang: 'ko', kind: 'sse_network' },
  { region: 'north-america', country: 'CA', lang: 'en', kind: 'research' },
  { region: 'africa', country: 'SN', lang: 'fr', kind: 'other' },
] as const;
export const THEMES = ['local-development', 'public-policy'] as const;

export async function seedSelectionCall(db: Kysely<DB>, slug: string, count: number, reviewerIds: number[]): Promise<number> {
  const { id: callId } = await db.insertInto('calls').values({ slug, event_slug: slug, state: 'in_review', themes: [...THEMES], title: JSON.stringify(original('en', `Forum call ${slug}`)) })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('call_score_categories').values({ call_id: callId, position: 1, label: JSON.stringify(original('en', 'Relevance')), min_score: 0, max_score: 5 }).execute();
  const organisations = await db.insertInto('organisations').values(SPREAD.map((s, i) => ({
    slug: `${slug}-org-${i}`, name: JSON.stringify(original('en', `${slug} organisation ${i}`)), dedup_key: `${slug}|org|${i}`, kind: s.kind, country: s.country,
  }))).returning('id').execute();
  await sql`
    INSERT INTO submissions (call_id, token_hash, state, lang, source_lang, email, title, summary, organisation_id, organisation_name,
      city, country, region, presenters, themes, links, submitted_at)
    SELECT ${callId}, md5(${slug} || g), 'submitted', spread.lang, spread.lang, ${slug} || '-' || g || '@example.org',
      jsonb_build_object(spread.lang, jsonb_build_object('text', 'Initiative ' || ${slug} || ' ' || g, 'status', 'original')),
      jsonb_build_object(spread.lang, jsonb_build_object('text', 'Summary of initiative ' || g, 'status', 'original')),
      (${sql.val(organisations.map((o) => o.id))}::int[])[1 + g % 5], ${slug} || ' organisation ' || (g % 5), 'City ' || (g % 5), spread.country, spread.region,
      jsonb_build_array(jsonb_build_object('name', 'Presenter ' || g, 'role', 'Director', 'organisation', 'Org')),
      ARRAY[(${sql.val([...THEMES])}::text[])[1 + g % 2]], ARRAY['https://example.org/' || g], now()
    FROM generate_series(1, ${count}) AS g
    CROSS JOIN LATERAL (SELECT * FROM jsonb_to_record((${JSON.stringify(SPREAD)}::jsonb) -> (g % 5)) AS x(region text, country text, lang text)) AS spread`.execute(db);
  // Totals: a distinct mean per submission (its id's position), reviewers a little apart.
  await sql`
    INSERT INTO reviews (submission_id, reviewer_id, scores, total, submitted_at)
    SELECT s.id, r.reviewer, '{}'::jsonb, round(((s.rn % 50) / 10.0 + r.offset_)::numeric, 2), now()
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM submissions WHERE call_id = ${callId}) AS s
    CROSS JOIN LATERAL unnest(${sql.val(reviewerIds)}::int[], ${sql.val(reviewerIds.map((_, i) => i * 0.1))}::numeric[]) AS r(reviewer, offset_)`.execute(db);
  return callId;
}
