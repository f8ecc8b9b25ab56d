/**
 * The text extraction process: reads a document's bytes on stdin, writes its text on stdout and
 * exits. It runs apart from the web process (see extract-process.ts), so a document built to explode
 * when decompressed costs this process its memory and its time, never the server's.
 */
import { extractText } from './extract-text.ts';

const MAX_INPUT = 64 * 1024 * 1024;

async function readInput(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT) throw new Error('input too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

try {
  const text = await extractText(process.argv[2] ?? '', await readInput());
  process.stdout.write(text, () => process.exit(0));
} catch (error) {
  process.stderr.write(`${(error as Error).message || 'extraction failed'}\n`, () => process.exit(1));
}
