import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres, type EmbeddedServer, type Owner } from './embedded.ts';
import type { DB } from './types.ts';
import { PriorityPool } from './priority-pool.ts';

export const APP_DATABASE = 'passerelle';

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  /** The connection string in use (contains the password of the embedded server only). */
  url: string;
  close(): Promise<void>;
}

// `date` columns stay 'YYYY-MM-DD' strings: a JavaScript Date would shift them by the time zone.
const DATE_OID = 1082;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function connect(url: string, max = 10): Omit<Database, 'close'> & { close(): Promise<void> } {
  // A server that is away is noticed within seconds (a 503 page) instead of requests waiting forever.
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 5000 });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new PriorityPool(pool, max, 5000) }) });
  return { db, pool, url, close: () => db.destroy() };
}

/**
 * Opens the database the configuration names: the server at DATABASE_URL, or the embedded
 * PostgreSQL under DATA_DIR: the running server's if one runs there, else started here (and stopped
 * by close()). `owner` says whether this process lends its PostgreSQL to commands (a server) or not.
 */
export async function openDatabase(config: Config, log: (m: string) => void = () => {}, owner?: Owner): Promise<Database> {
  if (config.databaseUrl) return connect(config.databaseUrl);
  const server = await startEmbeddedPostgres(config.dataDir, log, owner);
  try {
    await ensureDatabase(server.url('postgres'), APP_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const database = connect(server.url(APP_DATABASE));
  return { ...database, close: () => closeAll(database, server) };
}

async function closeAll(database: { close(): Promise<void> }, server: EmbeddedServer): Promise<void> {
  await database.close();
  await server.stop();
}

/** Creates the database if missing, UTF-8 with a C.UTF-8 ctype (pg_trgm sees no Hangul under C). */
export async function ensureDatabase(maintenanceUrl: string, name: string, template = 'template0'): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const encoding = template === 'template0' ? ` ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'` : '';
      // A command run during the server's first start may create it at the same moment: either wins.
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}${encoding}`).catch((error) => {
        if (!['42P04', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
      });
    }
  } finally {
    await client.end();
  }
}
