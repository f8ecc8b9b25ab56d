import http from 'node:http';
import zlib from 'node:zlib';

export interface Resource {
  url: string;
  /** Bytes of the body as the server sent it (compressed if it compressed). */
  wire: number;
  /** Bytes once decoded. */
  decoded: number;
  /** Bytes gzipped (level 6), what a compressing reverse proxy would send. */
  gzip: number;
}

export interface PageWeight {
  page: Resource;
  assets: Resource[];
  total: { wire: number; gzip: number };
}

/** A page and the stylesheets and scripts it links to, as a first-time visitor downloads them. */
export async function weighPage(baseUrl: string, path: string): Promise<PageWeight> {
  const { resource: page, text } = await download(new URL(path, baseUrl).toString());
  const assets = [];
  for (const href of linkedAssets(text)) assets.push((await download(new URL(href, baseUrl).toString())).resource);
  const all = [page, ...assets];
  return {
    page,
    assets,
    total: { wire: sum(all.map((r) => r.wire)), gzip: sum(all.map((r) => r.gzip)) },
  };
}

function linkedAssets(html: string): string[] {
  const stylesheets = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\brel="stylesheet"/.test(tag))
    .map((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1]);
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
  return [...stylesheets, ...scripts].filter((href): href is string => Boolean(href));
}

// node:http rather than fetch: fetch decodes silently, and the bench needs the bytes on the wire.
function download(url: string): Promise<{ resource: Resource; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { 'accept-encoding': 'gzip, br' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode !== 200) return reject(new Error(`${url} answered ${response.statusCode}`));
        const wire = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const body = encoding === 'gzip' ? zlib.gunzipSync(wire) : encoding === 'br' ? zlib.brotliDecompressSync(wire) : wire;
        const gzip = encoding === 'gzip' ? wire.length : zlib.gzipSync(body, { level: 6 }).length;
        resolve({ resource: { url, wire: wire.length, decoded: body.length, gzip }, text: body.toString('utf8') });
      });
    });
    request.on('error', reject);
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
