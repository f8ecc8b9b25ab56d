import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { LocalFileStorage, putUpload } from './storage.ts';

/** Runs `test` with a fresh folder of its own, removed afterwards whatever happens. */
async function inTempFolder(test: (root: string) => Promise<void>): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-files-'));
  try {
    await test(root);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

describe('LocalFileStorage', () => {
  it('stores, streams, lists and deletes files by key', async () => {
    await inTempFolder(async (root) => {
      const storage = new LocalFileStorage(root);
      const a = await storage.put(Buffer.from('first'));
      const b = await storage.put(Buffer.from('second'));
      await fs.writeFile(path.join(root, a.slice(0, 2), 'not-a-key.tmp'), 'half written');
      expect(await text((await storage.getStream(a))!)).toBe('first');
      expect(await storage.getStream('../../etc/passwd')).toBeNull();
      const keys: string[] = [];
      for await (const key of storage.list()) keys.push(key);
      expect(keys.sort()).toEqual([a, b].sort());
      await storage.delete(a);
      expect(await storage.getStream(a)).toBeNull();
      expect(await storage.get(b)).toEqual(Buffer.from('second'));
    });
  });

  it('writes a file back under its key (restore), and refuses a key put() could not have made', async () => {
    await inTempFolder(async (root) => {
      const storage = new LocalFileStorage(root);
      const key = `ab/ab${'0'.repeat(30)}`;
      await storage.putAt(key, Readable.from([Buffer.from('restored')]));
      expect((await storage.get(key))?.toString()).toBe('restored');
      await expect(storage.putAt('../../etc/passwd', Readable.from([Buffer.from('x')]))).rejects.toThrow('is not a file key');
      const keys: string[] = [];
      for await (const found of storage.list()) keys.push(found);
      expect(keys).toEqual([key]);
    });
  });

  it('lists nothing when no file was ever stored', async () => {
    const storage = new LocalFileStorage(path.join(os.tmpdir(), `passerelle-none-${process.pid}`));
    const keys: string[] = [];
    for await (const key of storage.list()) keys.push(key);
    expect(keys).toEqual([]);
  });
});

describe('putUpload', () => {
  it('stores an upload from its file on disk (putFile), never asking for its bytes', async () => {
    await inTempFolder(async (root) => {
      const storage = new LocalFileStorage(path.join(root, 'files'));
      const bytes = crypto.randomBytes(3 * 1024 * 1024);
      await fs.writeFile(path.join(root, 'upload'), bytes);
      const upload = { path: path.join(root, 'upload'), size: bytes.length, get content(): Buffer { throw new Error('read into memory'); } };
      const key = await putUpload(storage, upload);
      expect((await storage.get(key))!.equals(bytes)).toBe(true);
      // Without a path (a file our own code made) the bytes are stored as they are.
      expect((await storage.get(await putUpload(storage, { content: Buffer.from('made') })))?.toString()).toBe('made');
    });
  });

  it('leaves no half-written file when the stream fails', async () => {
    await inTempFolder(async (root) => {
      const storage = new LocalFileStorage(root);
      const failing = new Readable({ read() { this.push(Buffer.from('half')); this.destroy(new Error('cut off')); } });
      await expect(storage.putAt(`ab/ab${'1'.repeat(30)}`, failing)).rejects.toThrow('cut off');
      expect(await fs.readdir(path.join(root, 'ab'))).toEqual([]);
    });
  });
});
