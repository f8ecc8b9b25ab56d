import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import type pg from 'pg';
import { resetIdentity, tablesInDependencyOrder } from './backup-tables.ts';

/**
 * Backups of the first format (before the tar archive of backup.ts): every table of the public
 * schema as JSON rows in one gzipped document, no files. Still restored, never written any more.
 */
interface BackupFile {
  format: 'passerelle-backup';
  version: 1;
  takenAt: string;
  migrations: number[];
  tables: Record<string, Record<string, unknown>[]>;
}

/** Replaces all data with the backup's, in one transaction: it is restored whole or not at all. */
export async function restoreV1(pool: pg.Pool, file: string): Promise<{ tables: number; rows: number }> {
  const content = parseBackup(await fs.readFile(file));
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const current = (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    if (current.join(',') !== content.migrations.join(',')) {
      throw new Error(`the backup was taken at migrations [${content.migrations}] but this database is at [${current}]`);
    }
    const order = await tablesInDependencyOrder(client);
    const unknown = Object.keys(content.tables).filter((table) => !order.includes(table));
    if (unknown.length > 0) throw new Error(`the backup has tables this database lacks: ${unknown.join(', ')}`);
    await client.query(`TRUNCATE ${order.map((t) => client.escapeIdentifier(t)).join(', ')} RESTART IDENTITY CASCADE`);
    let rows = 0;
    for (const table of order) {
      const jsonColumns = await jsonColumnsOf(client, table);
      const selfReferences = await selfReferencesOf(client, table);
      for (const row of parentsFirst(content.tables[table] ?? [], selfReferences)) {
        await insertRow(client, table, row, jsonColumns);
        rows++;
      }
      await resetIdentity(client, table);
    }
    await client.query('COMMIT');
    return { tables: order.length, rows };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

function parseBackup(buffer: Buffer): BackupFile {
  let content: BackupFile;
  try {
    content = JSON.parse(zlib.gunzipSync(buffer).toString('utf8'));
  } catch {
    throw new Error('this file is not a Passerelle backup (not gzipped JSON)');
  }
  if (content?.format !== 'passerelle-backup' || content.version !== 1) {
    throw new Error('this file is not a Passerelle backup (unknown format)');
  }
  return content;
}

async function insertRow(client: pg.PoolClient, table: string, row: Record<string, unknown>, jsonColumns = new Set<string>()): Promise<void> {
  const columns = Object.keys(row);
  const values = columns.map((column) => {
    const value = row[column];
    // jsonb and arrays come back from JSON as objects; pg needs arrays as arrays and jsonb as text
    // (a jsonb column may hold a JSON array too: its type, not its value, decides).
    if (value !== null && jsonColumns.has(column)) return JSON.stringify(value);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value;
  });
  await client.query(
    `INSERT INTO ${client.escapeIdentifier(table)} (${columns.map((c) => client.escapeIdentifier(c)).join(', ')})
     OVERRIDING SYSTEM VALUE VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    values,
  );
}

/** Columns of a table that point at the same table (a sub-event's parent), as [column, referenced column]. */
async function selfReferencesOf(client: pg.PoolClient, table: string): Promise<[string, string][]> {
  const { rows } = await client.query<{ column: string; referenced: string }>(
    `SELECT a.attname AS column, r.attname AS referenced
     FROM pg_constraint c
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND c.conrelid = c.confrelid AND c.conrelid = $1::regclass AND cardinality(c.conkey) = 1`,
    [`public.${client.escapeIdentifier(table)}`],
  );
  return rows.map((row) => [row.column, row.referenced]);
}

/** Rows ordered so that a row comes after the row it points to in its own table. */
function parentsFirst(rows: Record<string, unknown>[], references: [string, string][]): Record<string, unknown>[] {
  if (references.length === 0) return rows;
  const placed = new Set<string>();
  const ordered: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const ready = pending.filter((row) =>
      references.every(([column, referenced]) => row[column] === null || row[column] === undefined || placed.has(`${referenced}:${row[column]}`)),
    );
    // A cycle (or a dangling reference) cannot be ordered: insert the rest and let the database judge.
    const batch = ready.length > 0 ? ready : pending;
    for (const row of batch) {
      ordered.push(row);
      for (const [, referenced] of references) placed.add(`${referenced}:${row[referenced]}`);
    }
    pending = pending.filter((row) => !batch.includes(row));
  }
  return ordered;
}

async function jsonColumnsOf(client: pg.PoolClient, table: string): Promise<Set<string>> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND data_type IN ('json', 'jsonb')`,
    [table],
  );
  return new Set(rows.map((row) => row.column_name));
}
