import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface Asset {
  url: string;
  body: Buffer;
  contentType: string;
}

const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');

/**
 * The stylesheet as sent, minified (the source keeps its comments and layout): by the build, beside
 * the compiled code (scripts/build.mjs); run from the sources (tests), here, loading the compiler
 * only then.
 */
function minified(file: string, source: Buffer): Buffer {
  const built = path.join(STATIC_DIR, file.replace(/\.css$/, '.min.css'));
  if (fs.existsSync(built)) return fs.readFileSync(built);
  const { transform } = createRequire(import.meta.url)('lightningcss') as typeof import('lightningcss');
  return Buffer.from(transform({ filename: file, code: source, minify: true }).code);
}

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
