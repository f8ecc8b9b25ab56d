import type pg from 'pg';
import { TRANSLATABLE_FIELDS } from './fields.ts';

/** The registry grouped by table, as translation_units_install (migration 0640) reads it. */
export function registryByTable(): { tbl: string; module: string; key: string; cols: string[] }[] {
  const tables = new Map<string, { tbl: string; module: string; key: string; cols: string[] }>();
  for (const f of TRANSLATABLE_FIELDS) {
    const entry = tables.get(f.table) ?? { tbl: f.table, module: f.module, key: f.key, cols: [] };
    entry.cols.push(f.column);
    tables.set(f.table, entry);
  }
  return [...tables.values()];
}

/**
 * Keeps a translation_units trigger on every table of the registry. Called after the migrations,
 * since the registry names tables created by migrations numbered after 0640; does nothing for a
 * table whose trigger already has the registry's columns, so a start costs one query.
 */
export async function installUnitTriggers(client: pg.PoolClient | pg.Pool): Promise<number> {
  const { rows } = await client.query<{ ready: boolean }>(`SELECT to_regproc('translation_units_install') IS NOT NULL AS ready`);
  if (!rows[0]?.ready) return 0;
  const result = await client.query<{ n: number }>('SELECT translation_units_install($1::jsonb) AS n', [JSON.stringify(registryByTable())]);
  return result.rows[0]?.n ?? 0;
}
