import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Visitor, type TestApp } from '../../test/helpers.ts';
import { HttpError } from './http-error.ts';
import { UploadGate } from './upload-gate.ts';
import { residentMb } from '../process-memory.ts';

let t: TestApp;
let port = 0;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  t?.app.server.closeAllConnections();
  await t?.close();
});

const CHUNK = Buffer.alloc(64 * 1024, 0x41);

const FILE_BYTES = 4 * 1024 * 1024;

/**
 * Posts a multipart body to the real listening server made of 4 MB files (each under the form's
 * 5 MB limit) followed by the token, streaming up to `totalBytes` with back-pressure, and stops
 * writing as soon as an answer arrives. Resolves with the status and how many bytes had been written.
 */
function postFileFirst(path: string, cookie: string, totalBytes: number): Promise<{ status: number; written: number }> {
  const boundary = '----passerelleUploadLimits';
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const request = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie, connection: 'close' } });
    request.on('response', (response) => {
      answered = true;
      response.resume();
      resolve({ status: response.statusCode ?? 0, written });
      request.destroy();
    });
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
    let inFile = FILE_BYTES;
    const pump = () => {
      while (!answered && written < totalBytes) {
        // A new file part once the current one holds FILE_BYTES.
        const next = inFile >= FILE_BYTES;
        const chunk = next ? Buffer.concat([Buffer.from(written ? '\r\n' : ''), head]) : CHUNK;
        inFile = next ? 0 : inFile + chunk.length;
        written += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      if (!answered) request.end(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nforged\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

describe('multipart uploads', () => {
  it('refuses a file that comes before a valid CSRF token without reading the rest of the body', async () => {
    const visitor = new Visitor(t.app);
    await visitor.get('/en/join');
    const total = 48 * 1024 * 1024;
    const { status, written } = await postFileFirst('/en/join', visitor.cookies, total);
    expect(status).toBe(403);
    // What the sockets' buffers hold on loopback is a few megabytes at most; the old reader took it all.
    expect(written).toBeLessThan(12 * 1024 * 1024);
  });

  it('answers 20 parallel anonymous uploads without a token with 403, quickly, and holds none of them', async () => {
    const visitors = await Promise.all(Array.from({ length: 20 }, async () => {
      const visitor = new Visitor(t.app);
      await visitor.get('/en/join');
      return visitor;
    }));
    const rest = (await residentMb(process.pid))!;
    let peak = rest;
    const sampler = setInterval(async () => (peak = Math.max(peak, (await residentMb(process.pid)) ?? 0)), 20);
    const started = Date.now();
    // 48 MB offered by each (960 MB in all): the server stops each at its first file part.
    const answers = await Promise.all(visitors.map((visitor) => postFileFirst('/en/join', visitor.cookies, 48 * 1024 * 1024)));
    clearInterval(sampler);
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(403));
    expect(Date.now() - started).toBeLessThan(10_000);
    // This process is the server and the 20 senders: what it grew is socket buffers, not bodies.
    expect(peak - rest).toBeLessThan(64);
  });
});

describe('the upload gate', () => {
  it('lets `concurrency` reads in, queues `queue` more, and answers 503 past that', async () => {
    const gate = new UploadGate(1, 1);
    const first = await gate.enter();
    let secondIn = false;
    const second = gate.enter().then((release) => {
      secondIn = true;
      return release;
    });
    await expect(gate.enter()).rejects.toMatchObject({ status: 503, code: 'error.uploads_busy' });
    await expect(gate.enter()).rejects.toBeInstanceOf(HttpError);
    expect(secondIn).toBe(false);
    first();
    first(); // a second release of the same slot changes nothing
    (await second)();
    const third = await gate.enter();
    const fourth = gate.enter();
    await expect(gate.enter()).rejects.toMatchObject({ status: 503 });
    third();
    (await fourth)();
  });
});
