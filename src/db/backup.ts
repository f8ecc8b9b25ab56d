import crypto from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import tar from 'tar-stream';
import type { FileStorage } from '../storage/storage.ts';
import { copiedColumns, migrationsOf, resetIdentity, tablesInDependencyOrder } from './backup-tables.ts';
import { restoreV1 } from './backup-v1.ts';
import { CHANNEL as CONTENT_CHANGED } from '../web/page-cache.ts';

/**
 * A backup is one gzipped tar file: `header.json` (format, migrations, tables and their columns),
 * then every table of the public schema as PostgreSQL COPY text (`tables/NAME.copy`), then every
 * uploaded file (`files/KEY`), then `manifest.json` (rows, bytes and SHA-256 of each entry). It is
 * written as a stream: every table is read inside one REPEATABLE READ snapshot and spooled to a
 * temporary file (a tar entry needs its size first), so memory stays flat whatever the archive.
 * It needs no pg_dump (the embedded server ships none) and restores into any PostgreSQL migrated
 * to the same version.
 */
const FORMAT = 'passerelle-backup';
const VERSION = 2;

interface Header {
  format: typeof FORMAT;
  version: typeof VERSION;
  takenAt: string;
  migrations: number[];
  tables: { name: string; columns: string[] }[];
}
interface EntrySum { rows?: number; bytes: number; sha256: string }
interface Manifest { tables: Record<string, EntrySum>; files: Record<string, EntrySum> }
export interface BackupSummary { tables: number; rows: number; files: number; bytes: number }

export class BackupError extends Error {}

export async function backup(pool: pg.Pool, storage: FileStorage, file: string): Promise<BackupSummary> {
  const spool = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-backup-'));
  const partial = `${file}.partial`;
  const pack = tar.pack();
  const written = pipeline(pack, zlib.createGzip(), createWriteStream(partial));
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables: Header['tables'] = [];
    for (const name of await tablesInDependencyOrder(client)) tables.push({ name, columns: await copiedColumns(client, name) });
    const header: Header = { format: FORMAT, version: VERSION, takenAt: new Date().toISOString(), migrations: await migrationsOf(client), tables };
    await addBuffer(pack, 'header.json', Buffer.from(JSON.stringify(header)));
    const manifest: Manifest = { tables: {}, files: {} };
    for (const { name, columns } of tables) {
      const sql = `COPY public.${client.escapeIdentifier(name)} (${columns.map((c) => client.escapeIdentifier(c)).join(', ')}) TO STDOUT`;
      manifest.tables[name] = await addSpooled(pack, `tables/${name}.copy`, client.query(copyTo(sql)), spool);
    }
    // Listed inside the snapshot: every file a backed-up row points to was stored before it.
    for await (const key of storage.list()) {
      const content = await storage.getStream(key);
      if (content) manifest.files[key] = await addSpooled(pack, `files/${key}`, content, spool);
    }
    await client.query('COMMIT');
    await addBuffer(pack, 'manifest.json', Buffer.from(JSON.stringify(manifest)));
    pack.finalize();
    await written;
    await fs.rename(partial, file);
    return summarise(manifest);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    pack.destroy();
    await written.catch(() => {});
    await fs.rm(partial, { force: true });
    throw error;
  } finally {
    client.release();
    await fs.rm(spool, { recursive: true, force: true });
  }
}

function summarise(manifest: Manifest): BackupSummary {
  const entries = [...Object.values(manifest.tables), ...Object.values(manifest.files)];
  return {
    tables: Object.keys(manifest.tables).length,
    rows: Object.values(manifest.tables).reduce((sum, t) => sum + (t.rows ?? 0), 0),
    files: Object.keys(manifest.files).length,
    bytes: entries.reduce((sum, e) => sum + e.bytes, 0),
  };
}

function addBuffer(pack: tar.Pack, name: string, content: Buffer): Promise<void> {
  return new Promise((resolve, reject) => pack.entry({ name }, content, (error) => (error ? reject(error) : resolve())));
}

async function addSpooled(pack: tar.Pack, name: string, source: Readable, spool: string): Promise<EntrySum> {
  const temporary = path.join(spool, 'entry');
  const sum = new Summing();
  await pipeline(source, sum, createWriteStream(temporary));
  await pipeline(createReadStream(temporary), pack.entry({ name, size: sum.bytes }));
  await fs.rm(temporary);
  return sum.result(name.startsWith('tables/'));
}

/** Passes bytes through, counting them, their lines (COPY text escapes newlines: one per row) and SHA-256. */
class Summing extends Transform {
  bytes = 0;
  lines = 0;
  private readonly hash = crypto.createHash('sha256');
  override _transform(chunk: Buffer, _encoding: string, done: (error?: Error | null, data?: Buffer) => void) {
    this.bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.lines++;
    this.hash.update(chunk);
    done(null, chunk);
  }
  result(withRows: boolean): EntrySum {
    const digest = this.hash.copy().digest('hex');
    return withRows ? { rows: this.lines, bytes: this.bytes, sha256: digest } : { bytes: this.bytes, sha256: digest };
  }
}

type EntryHandler = (name: string, content: Readable) => Promise<void>;

/**
 * Reads a backup entry by entry, checking it against its manifest: the header first, each table
 * and file summed as it passes, the manifest last. Throws a BackupError on any difference.
 */
async function readBackup(file: string, onHeader: (header: Header) => Promise<void>, onEntry: EntryHandler): Promise<{ header: Header; manifest: Manifest }> {
  const extract = tar.extract();
  // Resolves to the stream's error, if any: a file that is not gzip, or a tar cut short.
  const reading = pipeline(createReadStream(file), zlib.createGunzip(), extract).then(() => null, (error: Error) => error);
  const unreadable = (error: Error) => new BackupError(`this file is not a Passerelle backup (it cannot be read: ${error.message})`);
  let header: Header | null = null;
  let manifest: Manifest | null = null;
  const sums: Manifest = { tables: {}, files: {} };
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (header === null) {
        if (name !== 'header.json') throw new BackupError('this file is not a Passerelle backup (no header first)');
        header = parseJson<Header>(await readAll(entry as unknown as Readable), 'header');
        if (header.format !== FORMAT || header.version !== VERSION) throw new BackupError('this file is not a Passerelle backup (unknown format)');
        await onHeader(header);
      } else if (name === 'manifest.json') {
        manifest = parseJson<Manifest>(await readAll(entry as unknown as Readable), 'manifest');
      } else if (name.startsWith('tables/') || name.startsWith('files/')) {
        const sum = new Summing();
        const passed = new PassThrough();
        await Promise.all([pipeline(entry as unknown as Readable, sum, passed), onEntry(name, passed)]);
        if (name.startsWith('tables/')) sums.tables[name.slice(7, -5)] = sum.result(true);
        else sums.files[name.slice(6)] = sum.result(false);
      } else {
        throw new BackupError(`the backup holds an unexpected entry "${name}"`);
      }
    }
    const failed = await reading;
    if (failed) throw unreadable(failed);
  } catch (error) {
    extract.destroy();
    const failed = await reading;
    throw failed && error === failed ? unreadable(failed) : error;
  }
  if (header === null) throw new BackupError('this file is not a Passerelle backup (empty)');
  if (manifest === null) throw new BackupError('the backup is incomplete: it has no manifest (was it cut short?)');
  compare(manifest, sums, header);
  return { header, manifest };
}

function compare(manifest: Manifest, sums: Manifest, header: Header): void {
  for (const { name } of header.tables) {
    const expected = manifest.tables[name];
    const found = sums.tables[name];
    if (!expected || !found) throw new BackupError(`the backup lacks the table ${name}`);
    if (expected.sha256 !== found.sha256 || expected.rows !== found.rows) throw new BackupError(`the table ${name} in the backup is damaged (checksum differs)`);
  }
  for (const [key, expected] of Object.entries(manifest.files)) {
    const found = sums.files[key];
    if (!found) throw new BackupError(`the backup lacks the file ${key}`);
    if (expected.sha256 !== found.sha256) throw new BackupError(`the file ${key} in the backup is damaged (checksum differs)`);
  }
  const extra = Object.keys(sums.files).filter((key) => !manifest.files[key]);
  if (extra.length > 0) throw new BackupError(`the backup holds files its manifest does not list: ${extra.join(', ')}`);
}

/** Checks a backup without restoring it: every entry read and compared with the manifest. */
export async function verifyBackup(file: string): Promise<BackupSummary & { takenAt: string; migrations: number[] }> {
  const { header, manifest } = await readBackup(file, async () => {}, async (_name, content) => {
    content.resume();
    await new Promise((resolve, reject) => content.once('end', resolve).once('error', reject));
  });
  return { ...summarise(manifest), takenAt: header.takenAt, migrations: header.migrations };
}

/**
 * Restores a backup in one transaction: every row and every file, or nothing. Onto a database that
 * holds data it refuses unless `replace` is set; files it wrote are removed again if it fails, and
 * after a replacing restore the files the backup does not hold are removed.
 */
export async function restore(pool: pg.Pool, storage: FileStorage, file: string, { replace = false } = {}): Promise<BackupSummary> {
  if (await isFirstFormat(file)) {
    const client = await pool.connect();
    const empty = await isEmpty(client).finally(() => client.release());
    if (!replace && !empty) throw new BackupError('this database already holds data; restore with --replace to replace all of it');
    const { tables, rows } = await restoreV1(pool, file);
    await pool.query(`NOTIFY ${CONTENT_CHANGED}`);
    return { tables, rows, files: 0, bytes: 0 };
  }
  const client = await pool.connect();
  const added: string[] = [];
  let columnsOf = new Map<string, string[]>();
  try {
    await client.query('BEGIN');
    const { manifest } = await readBackup(file, async (header) => {
      const current = await migrationsOf(client);
      if (current.join(',') !== header.migrations.join(',')) {
        throw new BackupError(`the backup was taken at migrations [${header.migrations}] but this database is at [${current}]`);
      }
      const order = await tablesInDependencyOrder(client);
      const unknown = header.tables.map((t) => t.name).filter((table) => !order.includes(table));
      if (unknown.length > 0) throw new BackupError(`the backup has tables this database lacks: ${unknown.join(', ')}`);
      if (!(await isEmpty(client))) {
        if (!replace) throw new BackupError('this database already holds data; restore with --replace to replace all of it');
        await client.query(`TRUNCATE ${order.map((t) => client.escapeIdentifier(t)).join(', ')} RESTART IDENTITY CASCADE`);
      }
      columnsOf = new Map(header.tables.map((t) => [t.name, t.columns]));
    }, async (name, content) => {
      if (name.startsWith('tables/')) {
        const table = name.slice(7, -5);
        const columns = columnsOf.get(table);
        if (!columns) throw new BackupError(`the backup holds the table ${table} its header does not list`);
        const sql = `COPY public.${client.escapeIdentifier(table)} (${columns.map((c) => client.escapeIdentifier(c)).join(', ')}) FROM STDIN`;
        await pipeline(content, client.query(copyFrom(sql)));
      } else {
        const key = name.slice(6);
        const existing = await storage.getStream(key);
        if (existing) {
          existing.destroy();
          content.resume();
          await new Promise((resolve, reject) => content.once('end', resolve).once('error', reject));
        } else {
          await storage.putAt(key, content);
          added.push(key);
        }
      }
    });
    for (const table of columnsOf.keys()) await resetIdentity(client, table);
    // Delivered at COMMIT, and only then: running servers drop the pages they cached from the old rows.
    await client.query(`NOTIFY ${CONTENT_CHANGED}`);
    await client.query('COMMIT');
    if (replace) {
      for await (const key of storage.list()) if (!manifest.files[key]) await storage.delete(key);
    }
    return summarise(manifest);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    for (const key of added) await storage.delete(key);
    throw error;
  } finally {
    client.release();
  }
}

/** No row in any table but the migrations' bookkeeping. */
async function isEmpty(client: pg.ClientBase): Promise<boolean> {
  for (const table of await tablesInDependencyOrder(client)) {
    const found = await client.query(`SELECT 1 FROM public.${client.escapeIdentifier(table)} LIMIT 1`);
    if (found.rowCount) return false;
  }
  return true;
}

/** The first format was one gzipped JSON document: its first byte is "{", a tar's is a file name. */
async function isFirstFormat(file: string): Promise<boolean> {
  const gunzip = zlib.createGunzip();
  const source = createReadStream(file, { end: 64 * 1024 });
  return new Promise((resolve) => {
    source.pipe(gunzip);
    const done = (value: boolean) => {
      source.destroy();
      gunzip.destroy();
      resolve(value);
    };
    gunzip.once('data', (chunk: Buffer) => done(chunk[0] === 0x7b));
    gunzip.once('error', () => done(false));
    source.once('error', () => done(false));
  });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson<T>(content: Buffer, what: string): T {
  try {
    return JSON.parse(content.toString('utf8')) as T;
  } catch {
    throw new BackupError(`the backup's ${what} is damaged`);
  }
}
