import crypto from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadSource } from '../web/uploads.ts';

/**
 * Where uploaded files live. The local implementation keeps them under DATA_DIR/files, named by a
 * random key (never by the uploader's file name); an S3-compatible implementation can replace it
 * behind the same interface when several machines share the files.
 */
export interface FileStorage {
  put(content: Buffer): Promise<string>;
  get(key: string): Promise<Buffer | null>;
  /** The file as a stream, for large files and backups (null when there is no such file). */
  getStream(key: string): Promise<Readable | null>;
  /** Stores a file from disk (an upload where web/uploads.ts received it), read in chunks, never whole. */
  putFile(file: string): Promise<string>;
  /** Writes a file under the key it had (restoring a backup); refuses a key put() could not have made. */
  putAt(key: string, content: Readable): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every stored key, in no particular order: backups and the sweep of unreferenced files. */
  list(): AsyncIterable<string>;
}

const KEY = /^[a-f0-9]{2}\/[a-f0-9]{32}$/;

/** A fresh random key, as put() makes them. */
export function newFileKey(): string {
  const id = crypto.randomBytes(16).toString('hex');
  return `${id.slice(0, 2)}/${id}`;
}

/** The SHA-256 of a file on disk, read in chunks. */
export async function sha256OfFile(file: string, encoding: 'hex' | 'base64' = 'hex'): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest(encoding);
}

/**
 * Stores an uploaded file from where web/uploads.ts received it when it is on disk, so its bytes
 * never enter memory whole; a file made by our own code (no path) is stored from its bytes.
 */
export function putUpload(storage: FileStorage, file: UploadSource): Promise<string> {
  return file.path ? storage.putFile(file.path) : storage.put(file.content);
}

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(content: Buffer): Promise<string> {
    const key = newFileKey();
    await this.writeAside(key, (aside) => fs.writeFile(aside, content));
    return key;
  }

  /** Copied by the kernel (copyFile): no byte of the upload passes through the process. */
  async putFile(file: string): Promise<string> {
    const key = newFileKey();
    await this.writeAside(key, (aside) => fs.copyFile(file, aside));
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    if (!KEY.test(key)) return null;
    return fs.readFile(this.pathOf(key)).catch(() => null);
  }

  async getStream(key: string): Promise<Readable | null> {
    if (!KEY.test(key)) return null;
    const file = this.pathOf(key);
    const found = await fs.stat(file).then((stat) => stat.isFile(), () => false);
    return found ? createReadStream(file) : null;
  }

  async *list(): AsyncIterable<string> {
    const prefixes = await fs.readdir(this.root).catch(() => [] as string[]);
    for (const prefix of prefixes.sort()) {
      const names = await fs.readdir(path.join(this.root, prefix)).catch(() => [] as string[]);
      for (const name of names.sort()) {
        const key = `${prefix}/${name}`;
        if (KEY.test(key)) yield key;
      }
    }
  }

  async putAt(key: string, content: Readable): Promise<void> {
    if (!KEY.test(key)) throw new Error(`"${key}" is not a file key`);
    await this.writeAside(key, (aside) => pipeline(content, createWriteStream(aside)));
  }

  /**
   * Written aside then renamed: a reader never sees half a file, and a write refused midway (a full
   * disk, a stream cut off) leaves nothing behind. The error goes up as it is: web/unavailable.ts answers it.
   */
  private async writeAside(key: string, write: (aside: string) => Promise<void>): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    try {
      await write(`${file}.tmp`);
      await fs.rename(`${file}.tmp`, file);
    } catch (error) {
      await fs.rm(`${file}.tmp`, { force: true }).catch(() => {});
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (KEY.test(key)) await fs.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    return path.join(this.root, key);
  }
}

