import type { Kysely } from 'kysely';
import type { BodiesTable, DB } from '../../src/db/types.ts';
import { translated } from '../../src/i18n/translatable.ts';
import type { Generator } from '../targets.ts';
import { choose, paragraph, random, TOPICS } from './text.ts';

const AT = '2026-11-01T00:00:00.000Z';
const MEETS = ['quarterly', 'twice_a_year', 'four_times_a_year', 'yearly', null] as const;
// Batches keep each INSERT well under PostgreSQL's 65,535 bind parameters.
const BATCH = 500;

/** N working groups, `bench-group-<i>`, named and described in en/fr/es/ko, after the GSEF bodies. */
export const workingGroups: Generator = {
  name: 'bodies (working groups)',
  async seed(db: Kysely<DB>, size: number): Promise<number> {
    for (let start = 1; start <= size; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(start + BATCH, size + 1); i++) rows.push(workingGroup(i));
      await db.insertInto('bodies').values(rows).execute();
    }
    return size;
  },
};

function workingGroup(i: number) {
  const next = random(i);
  const topic = choose(next, TOPICS);
  const name = {
    en: `Working group on ${topic.en} ${i}`,
    fr: `Groupe de travail ${topic.fr} ${i}`,
    es: `Grupo de trabajo de ${topic.es} ${i}`,
    ko: `${topic.ko} 실무그룹 ${i}`,
  };
  return {
    slug: `bench-group-${i}`,
    kind: 'working_group' as BodiesTable['kind'],
    name: JSON.stringify(translated('en', name, AT)),
    description: JSON.stringify(translated('en', paragraph(next, topic), AT)),
    seats: next() < 0.5 ? 5 + Math.floor(next() * 20) : null,
    meets: choose(next, MEETS),
    // After the GSEF bodies (positions 0–4), in their own order.
    position: 100 + i,
  };
}
