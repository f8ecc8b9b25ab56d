import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files live. The local implementation keeps them under DATA_DIR/files, named by a
 * random key (never by the uploader's file name); an S3-compatible implementation can replace it
 * behind the same interface when several machines share the files.
 */
export interface FileStorage {
  put(content: Buffer): Promise<string>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-f0-9]{2}\/[a-f0-9]{32}$/;

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(content: Buffer): Promise<string> {
    const id = crypto.randomBytes(16).toString('hex');
    const key = `${id.slice(0, 2)}/${id}`;
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Written aside then renamed: a reader never sees half a file.
    await fs.writeFile(`${file}.tmp`, content);
    await fs.rename(`${file}.tmp`, file);
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    if (!KEY.test(key)) return null;
    return fs.readFile(this.pathOf(key)).catch(() => null);
  }

  async delete(key: string): Promise<void> {
    if (KEY.test(key)) await fs.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    return path.join(this.root, key);
  }
}
