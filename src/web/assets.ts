import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  url: string;
  body: Buffer;
  contentType: string;
}

const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');

/** A file served under a name carrying its content hash, so browsers may cache it for a year. */
function fingerprinted(file: string, contentType: string): Asset {
  const body = fs.readFileSync(path.join(STATIC_DIR, file));
  const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);
  const { name, ext } = path.parse(file);
  return { url: `/assets/${name}.${hash}${ext}`, body, contentType };
}

export const ASSETS = {
  css: fingerprinted('site.css', 'text/css; charset=utf-8'),
  favicon: fingerprinted('favicon.svg', 'image/svg+xml'),
  searchJs: fingerprinted('search.js', 'text/javascript; charset=utf-8'),
} as const;
