import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers.ts';
import { seed } from '../seed/load.ts';
import { backup, restore } from './backup.ts';
import { LocalFileStorage } from '../storage/storage.ts';
import type { Database } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';
import { SCHEMA_FILE, schemaSnapshot } from './snapshot.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const count = async (table: string) => Number((await database.pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count);

describe('migrations', () => {
  it('apply once: a second run finds nothing to do', async () => {
    expect(await migrate(database.pool)).toEqual([]);
    const { rows } = await database.pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual((await readMigrations()).map(({ version, name }) => ({ version, name })));
  });

  it('roll back a failing migration whole and stop there', async () => {
    const broken = [
      { version: 9001, name: 'half', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' },
      { version: 9002, name: 'after', sql: 'CREATE TABLE after_broken (id int);' },
    ];
    await expect(migrate(database.pool, broken)).rejects.toThrow('migration 9001_half failed');
    const { rows } = await database.pool.query(`SELECT to_regclass('half_done') AS half, to_regclass('after_broken') AS after`);
    expect(rows[0]).toEqual({ half: null, after: null });
    expect(await count('schema_migrations WHERE version > 9000')).toBe(0);
  });

  it('keep src/db/schema.sql in step with the migrations (run `npm run schema`)', async () => {
    expect(await schemaSnapshot(database.pool)).toBe(await fs.readFile(SCHEMA_FILE, 'utf8'));
  });

  it('create the database with UTF-8 and a C.UTF-8 ctype, with unaccent and pg_trgm', async () => {
    const { rows } = await database.pool.query(
      `SELECT pg_encoding_to_char(encoding) AS encoding, datctype, unaccent('Économies') AS plain, similarity('사회적경제', '사회적 경제') > 0.3 AS hangul
       FROM pg_database WHERE datname = current_database()`,
    );
    expect(rows[0]).toEqual({ encoding: 'UTF8', datctype: 'C.UTF-8', plain: 'Economies', hangul: true });
  });

  it('refuse translatable text without exactly one original', async () => {
    await expect(
      database.pool.query(`UPDATE bodies SET name = '{"en": {"text": "x", "status": "human", "updatedAt": ""}}' WHERE slug = 'secretariat'`),
    ).rejects.toThrow(/bodies_name_check/);
  });
});

describe('seed', () => {
  it('loads the network and its five bodies, and changes nothing when run again', async () => {
    const before = (await database.pool.query('SELECT * FROM bodies ORDER BY id')).rows;
    const profileBefore = (await database.pool.query('SELECT * FROM organisation_profile')).rows;
    await seed(database.db);
    expect((await database.pool.query('SELECT * FROM bodies ORDER BY id')).rows).toEqual(before);
    expect((await database.pool.query('SELECT * FROM organisation_profile')).rows).toEqual(profileBefore);
    expect(before.map((b) => b.slug)).toEqual(['general-assembly', 'steering-committee', 'international-advisors', 'secretariat', 'communication-working-group']);
    expect(before.find((b) => b.slug === 'steering-committee')).toMatchObject({ seats: 13, meets: 'quarterly' });
    expect(profileBefore[0]).toMatchObject({ acronym: 'GSEF', launched_year: 2013, hq_country: 'KR', official_languages: ['en', 'fr', 'es'] });
  });
});

describe('backup and restore', () => {
  const storage = () => new LocalFileStorage(path.join(os.tmpdir(), `passerelle-files-${process.pid}`));
  it('restore brings back exactly what the backup held', async () => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-backup-')), 'backup.json.gz');
    await database.pool.query(`INSERT INTO users (email, roles) VALUES ('kept@gsef.test', '{editor}')`);
    const { rows } = await backup(database.pool, storage(), file);
    expect(rows).toBeGreaterThan(5);
    const snapshot = (await database.pool.query('SELECT * FROM users ORDER BY id')).rows;

    await database.pool.query(`INSERT INTO users (email) VALUES ('added-later@gsef.test')`);
    await database.pool.query(`UPDATE bodies SET seats = 99 WHERE slug = 'steering-committee'`);
    await restore(database.pool, storage(), file, { replace: true });
    expect((await database.pool.query('SELECT * FROM users ORDER BY id')).rows).toEqual(snapshot);
    expect((await database.pool.query(`SELECT seats FROM bodies WHERE slug = 'steering-committee'`)).rows).toEqual([{ seats: 13 }]);
    // Identity columns continue after the restored rows.
    const next = await database.pool.query(`INSERT INTO users (email) VALUES ('after-restore@gsef.test') RETURNING id`);
    expect(next.rows[0].id).toBeGreaterThan(Math.max(...snapshot.map((u) => u.id)));
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-backup-')), 'not-a-backup.gz');
    await fs.writeFile(file, 'hello');
    const before = await count('users');
    await expect(restore(database.pool, storage(), file, { replace: true })).rejects.toThrow('this file is not a Passerelle backup');
    expect(await count('users')).toBe(before);
  });
});
