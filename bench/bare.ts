import { spawn } from 'node:child_process';
import http from 'node:http';
import { measureLoad, type LoadOptions, type LoadResult } from './load.ts';

/**
 * The ceiling for a cached page: a bare `node:http` server, in its own process like the app, sending
 * the very bytes and headers the app sent for `path`, from memory. Loaded in the same run as the app,
 * so the machine's noise falls on both.
 */
export async function bareServerRatio(baseUrl: string, path: string, options: LoadOptions): Promise<{ bare: LoadResult; app: LoadResult; ratio: number }> {
  const url = new URL(path, baseUrl).toString();
  // Asked as the load asks, so both servers send the very same (compressed) bytes.
  const sample = await fetchRaw(url, options.acceptEncoding);
  const headers = Object.entries(sample.headers).filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name));
  const script = `
    const http = require('node:http');
    const body = Buffer.from(process.env.BARE_BODY, 'base64');
    const headers = JSON.parse(process.env.BARE_HEADERS).flatMap(([n, v]) => Array.isArray(v) ? v.flatMap((x) => [n, x]) : [n, String(v)]);
    const server = http.createServer((req, res) => { res.writeHead(200, headers).end(body); });
    server.keepAliveTimeout = 10000;
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['-e', script], {
    env: { ...process.env, BARE_BODY: sample.body.toString('base64'), BARE_HEADERS: JSON.stringify(headers) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim())));
      child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
      setTimeout(() => reject(new Error('bare server did not start in 10 s')), 10_000).unref();
    });
    const bare = await measureLoad(`http://127.0.0.1:${port}${path}`, options);
    const app = await measureLoad(url, options);
    return { bare, app, ratio: Math.round((app.requestsPerSecond / bare.requestsPerSecond) * 100) / 100 };
  } finally {
    child.kill();
  }
}

function fetchRaw(url: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk)).on('error', reject);
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}
