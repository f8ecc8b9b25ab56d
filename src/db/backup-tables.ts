import type pg from 'pg';

/**
 * Tables rebuilt or moved by triggers as the others are restored (migrations 0640, 0952): never
 * backed up, since copying them back would collide with what the triggers wrote.
 */
const DERIVED_TABLES = ['translation_units', 'translation_unit_counts', 'initiative_archive_version'];

/** Tables of the public schema, each after the tables its foreign keys point to. */
export async function tablesInDependencyOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename`,
  )).rows.map((r) => r.name).filter((name) => !DERIVED_TABLES.includes(name));
  const edges = (await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  )).rows;
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const edge of edges) if (edge.child === table && edge.parent !== table) visit(edge.parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}


/** The columns COPY reads and writes, in order (generated columns are computed, never copied). */
export async function copiedColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [`public.${client.escapeIdentifier(table)}`],
  );
  return rows.map((row) => row.name);
}

/** Identity columns continue after the restored rows. */
export async function resetIdentity(client: pg.ClientBase, table: string): Promise<void> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND is_identity = 'YES'`,
    [table],
  );
  for (const { column_name } of rows) {
    const qualified = `public.${client.escapeIdentifier(table)}`;
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${client.escapeIdentifier(column_name)}) FROM ${qualified}), 0) + 1, false)`,
      [qualified, column_name],
    );
  }
}

export async function migrationsOf(client: pg.ClientBase): Promise<number[]> {
  return (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
}
