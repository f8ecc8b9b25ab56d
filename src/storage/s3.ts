import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { newFileKey, sha256OfFile, type FileStorage } from './storage.ts';

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Garage, Ceph, Scaleway, OVH…), for several
 * machines sharing one set of uploads. Keys have the same shape as on disk (`ab/<32 hex>`), under
 * an optional prefix. An object is written in one PUT: a reader never sees half of it.
 *
 * FILE_STORAGE_URL = s3://ACCESS_KEY:SECRET@BUCKET/PREFIX?endpoint=https://host:port&region=R&path_style=true
 * Without credentials in the URL the SDK's usual chain is used (AWS_ACCESS_KEY_ID…, instance roles).
 */
export interface S3Location {
  bucket: string;
  prefix: string;
  client: S3ClientConfig;
}

export function parseS3Url(url: string): S3Location {
  const parsed = new URL(url);
  if (parsed.protocol !== 's3:' || !parsed.hostname) {
    throw new Error('FILE_STORAGE_URL must look like s3://KEY:SECRET@BUCKET/PREFIX?endpoint=…&region=…&path_style=true');
  }
  const endpoint = parsed.searchParams.get('endpoint') ?? undefined;
  if (endpoint && !/^https?:\/\//.test(endpoint)) throw new Error('FILE_STORAGE_URL: endpoint must be an http(s) address');
  const prefix = decodeURIComponent(parsed.pathname.replace(/^\/+|\/+$/g, ''));
  const client: S3ClientConfig = {
    region: parsed.searchParams.get('region') ?? process.env.AWS_REGION ?? 'us-east-1',
    endpoint,
    // Most self-hosted servers (MinIO, s3rver, Garage) want bucket names in the path, not the host.
    forcePathStyle: parsed.searchParams.get('path_style') === 'true',
  };
  if (parsed.username) {
    client.credentials = { accessKeyId: decodeURIComponent(parsed.username), secretAccessKey: decodeURIComponent(parsed.password) };
  }
  return { bucket: parsed.hostname, prefix: prefix ? `${prefix}/` : '', client };
}

const KEY = /^[a-f0-9]{2}\/[a-f0-9]{32}$/;

export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(location: S3Location) {
    this.client = new S3Client(location.client);
    this.bucket = location.bucket;
    this.prefix = location.prefix;
  }

  async put(content: Buffer): Promise<string> {
    const key = newFileKey();
    await this.attempt((client) => client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: content, ContentLength: content.length })));
    return key;
  }

  /**
   * Sends a file from disk as it is read. PutObject needs its length first (the file's size), and
   * its checksum is computed beforehand from the file too: given as a header, the SDK does not wrap
   * the stream in aws-chunked encoding with a trailing checksum, which some S3-compatible servers
   * do not understand (they store the chunk framing as if it were the file).
   */
  async putFile(file: string): Promise<string> {
    const key = newFileKey();
    const [{ size }, checksum] = await Promise.all([stat(file), sha256OfFile(file, 'base64')]);
    const body = createReadStream(file);
    try {
      await this.attempt((client) => client.send(new PutObjectCommand({
        Bucket: this.bucket, Key: this.prefix + key, Body: body, ContentLength: size, ChecksumSHA256: checksum,
      })));
    } finally {
      // A refused PUT may leave the stream unread: its file descriptor is closed either way.
      body.destroy();
    }
    return key;
  }

  /** Writes a file back under its key (restore). Gathered: PutObject needs the length, and a stored file is at most tens of MB. */
  async putAt(key: string, content: Readable): Promise<void> {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    const body = await gather(content);
    await this.attempt((client) => client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: body, ContentLength: body.length })));
  }

  async get(key: string): Promise<Buffer | null> {
    const stream = await this.getStream(key);
    return stream ? gather(stream) : null;
  }

  async getStream(key: string): Promise<Readable | null> {
    if (!KEY.test(key)) return null;
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      return object.Body instanceof Readable ? object.Body : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw unavailable(error);
    }
  }

  async delete(key: string): Promise<void> {
    if (KEY.test(key)) await this.attempt((client) => client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.prefix + key })));
  }

  async *list(): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.attempt((client) => client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix, ContinuationToken: token })));
      for (const object of page.Contents ?? []) {
        const key = object.Key?.slice(this.prefix.length);
        if (key && KEY.test(key)) yield key;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  close(): void {
    this.client.destroy();
  }

  private async attempt<T>(call: (client: S3Client) => Promise<T>): Promise<T> {
    try {
      return await call(this.client);
    } catch (error) {
      throw unavailable(error);
    }
  }
}

async function gather(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404;
}

/**
 * An object store that cannot be reached, or refuses the write, is the same for the reader as a disk
 * that refuses it: marked so web/unavailable.ts answers 503 (507 when the store says it is full).
 */
function unavailable(error: unknown): Error {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  const name = (error as { name?: string })?.name ?? '';
  const full = name === 'EntityTooLarge' || name === 'QuotaExceeded' || status === 507;
  return Object.assign(new Error(`object storage: ${(error as Error).message ?? String(error)}`), {
    code: full ? 'ENOSPC' : 'EACCES',
    storage: true,
    cause: error,
  });
}
