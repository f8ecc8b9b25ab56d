import path from 'node:path';
import type { Config } from '../config.ts';
import { LocalFileStorage, type FileStorage } from './storage.ts';

/**
 * The storage the configuration names: a bucket (FILE_STORAGE_URL=s3://…) or DATA_DIR/files.
 * The AWS SDK is loaded only for a bucket: it costs about 23 MB of memory, against a 150 MB budget.
 */
export async function createFileStorage(config: Config): Promise<FileStorage> {
  if (!config.fileStorageUrl) return new LocalFileStorage(path.join(config.dataDir, 'files'));
  const { parseS3Url, S3FileStorage } = await import('./s3.ts');
  return new S3FileStorage(parseS3Url(config.fileStorageUrl));
}
