import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'lightningcss';

export interface Asset {
  url: string;
  body: Buffer;
  contentType: string;
}

const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');

/** The stylesheet as sent: minified once at start (the source keeps its comments and layout). */
const minified = (file: string, source: Buffer) => Buffer.from(transform({ filename: file, code: source, minify: true }).code);

/** A file served under a name carrying its content hash, so browsers may cache it for a year. */
function fingerprinted(file: string, contentType: string): Asset {
  const source = fs.readFileSync(path.join(STATIC_DIR, file));
  const body = file.endsWith('.css') ? minified(file, source) : source;
  const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);
  const { name, ext } = path.parse(file);
  return { url: `/assets/${name}.${hash}${ext}`, body, contentType };
}

export const ASSETS = {
  css: fingerprinted('site.css', 'text/css; charset=utf-8'),
  favicon: fingerprinted('favicon.svg', 'image/svg+xml'),
  searchJs: fingerprinted('search.js', 'text/javascript; charset=utf-8'),
} as const;
