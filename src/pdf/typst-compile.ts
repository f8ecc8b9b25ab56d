import { TypstError } from './errors.ts';
import { noSystemFontsConfig, pdfFontBlobs } from './fonts.ts';

/**
 * The Typst compiler itself, run only inside the PDF child process (child.ts): the native binding and
 * the fonts (about 10 MB of TrueType, and the compiler's caches) never enter the web process.
 */

/** Typst resolves paths against this root, which holds only the files a caller passes: nothing is read from disk. */
const VIRTUAL_ROOT = '/nonexistent/passerelle-typst';

export interface CompileRequest {
  source: string;
  files: Record<string, Uint8Array | string>;
  inputs: Record<string, string>;
  /** Seconds since 1970, written into the PDF as its creation date. */
  timestamp: number;
}

type NodeCompiler = typeof import('@myriaddreamin/typst-ts-node-compiler').NodeCompiler;
let loaded: { NodeCompiler: NodeCompiler; fonts: Buffer[] } | undefined;

/** The binding and the font files, loaded once per child process. */
async function load() {
  if (!loaded) {
    const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
    // The binding scans the system's fonts through fontconfig at creation: pointed at none (fonts.ts).
    process.env.FONTCONFIG_FILE = noSystemFontsConfig();
    loaded = { NodeCompiler, fonts: pdfFontBlobs() };
  }
  return loaded;
}

/** A fresh compiler per document (about 30–100 ms), so no state passes from one document to the next. */
export async function compileTypst(request: CompileRequest): Promise<{ pdf: Uint8Array; pages: number }> {
  const { NodeCompiler, fonts } = await load();
  const compiler = NodeCompiler.create({ workspace: VIRTUAL_ROOT, fontArgs: [{ fontBlobs: fonts }] });
  for (const [path, content] of Object.entries(request.files)) {
    compiler.mapShadow(`${VIRTUAL_ROOT}/${path.replace(/^\/+/, '')}`, typeof content === 'string' ? Buffer.from(content) : Buffer.from(content));
  }
  try {
    const compiled = compiler.compile({ mainFileContent: request.source, inputs: request.inputs });
    const document = compiled.result;
    if (!document || compiled.hasError()) throw new TypstError(describe(compiled.takeError() ?? compiled.takeDiagnostics()));
    return { pdf: compiler.pdf(document, { creationTimestamp: request.timestamp }), pages: document.numOfPages };
  } catch (error) {
    throw error instanceof TypstError ? error : new TypstError(describe(error));
  } finally {
    compiler.evictCache(10);
  }
}

function describe(error: unknown): string {
  if (!error) return 'unknown error';
  const { shortDiagnostics, code, message } = error as { shortDiagnostics?: unknown; code?: unknown; message?: unknown };
  if (Array.isArray(shortDiagnostics) && shortDiagnostics.length) return JSON.stringify(shortDiagnostics).slice(0, 2000);
  return String(code || message || error);
}
