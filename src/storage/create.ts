import path from 'node:path';
import type { Config } from '../config.ts';
import { parseS3Url, S3FileStorage } from './s3.ts';
import { LocalFileStorage, type FileStorage } from './storage.ts';

/** The storage the configuration names: a bucket (FILE_STORAGE_URL=s3://…) or DATA_DIR/files. */
export function createFileStorage(config: Config): FileStorage {
  if (config.fileStorageUrl) return new S3FileStorage(parseS3Url(config.fileStorageUrl));
  return new LocalFileStorage(path.join(config.dataDir, 'files'));
}
