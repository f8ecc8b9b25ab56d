/**
 * The PDF child process (forked by pool.ts): compiles one document per message, answers over the IPC
 * channel, and ends when the parent lets go of it (idle, or the parent died).
 */
import { TypstError } from './errors.ts';
import { compileTypst, type CompileRequest } from './typst-compile.ts';

export type ChildRequest = CompileRequest & { id: number; maxOutputBytes: number };
export type ChildAnswer =
  | { id: number; ok: true; pdf: Uint8Array; pages: number }
  | { id: number; ok: false; kind: 'typst' | 'output' | 'crash'; message: string };

async function answer(request: ChildRequest): Promise<ChildAnswer> {
  try {
    const { pdf, pages } = await compileTypst(request);
    // Checked here, before the bytes are copied into the channel and the parent's memory.
    if (pdf.length > request.maxOutputBytes) return { id: request.id, ok: false, kind: 'output', message: String(pdf.length) };
    return { id: request.id, ok: true, pdf, pages };
  } catch (error) {
    if (error instanceof TypstError) return { id: request.id, ok: false, kind: 'typst', message: error.diagnostics };
    return { id: request.id, ok: false, kind: 'crash', message: String((error as Error)?.stack ?? error).slice(0, 2000) };
  }
}

if (!process.send) throw new Error('the PDF child process is started by src/pdf/pool.ts, with an IPC channel');
process.on('message', (request: ChildRequest) => {
  // A parent gone while the document was laid out: nobody to answer, and the process ends on 'disconnect'.
  void answer(request).then((reply) => process.connected && process.send!(reply));
});
process.on('disconnect', () => process.exit(0));
