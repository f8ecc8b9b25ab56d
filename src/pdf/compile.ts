import { PDF_FONT_FAMILY, noSystemFontsConfig, pdfFontBlobs } from './fonts.ts';

/** Typst resolves paths against this root, which holds only the files a caller passes: nothing is read from disk. */
const VIRTUAL_ROOT = '/nonexistent/passerelle-typst';

/** 2000-01-01T00:00:00Z: the creation date of every PDF unless one is given, so the same source gives the same bytes. */
export const FIXED_PDF_TIMESTAMP = Date.UTC(2000, 0, 1) / 1000;

export interface CompilePdfOptions {
  /** Files the source may read (`image("/logo.png")`, `json("/data.json")`), by absolute virtual path. */
  files?: Record<string, Buffer | string>;
  /** Strings visible as `sys.inputs`. */
  inputs?: Record<string, string>;
  /** Creation date written into the PDF (default FIXED_PDF_TIMESTAMP); pass a date derived from the inputs, never "now". */
  createdAt?: Date;
}

/** A Typst compile error with the compiler's own messages. */
export class TypstError extends Error {
  constructor(readonly diagnostics: string) {
    super(`Typst could not compile the document: ${diagnostics}`);
  }
}

/**
 * The lines to start a document with: its language, the npm font with no fallback to any other face,
 * and Korean broken between words. Typst, like UAX #14, breaks Hangul between any two syllables as it
 * does CJK ideographs, while Korean is written with spaces and breaks only there; keeping each word that holds
 * Hangul (with its digits and particles, as in 2018년) in a box leaves the spaces as the only break
 * points, and the text stays extractable.
 */
export function typstPrelude(options: { lang: string }): string {
  return `#set text(font: "${PDF_FONT_FAMILY}", fallback: false, lang: ${JSON.stringify(options.lang.replace(/[^a-z]/g, ''))})
#show raw: set text(font: "${PDF_FONT_FAMILY}")
#show regex("\\S*\\p{Hangul}\\S*"): it => box(it)
`;
}

/**
 * Compiles Typst source to a tagged PDF. Fonts come only from npm (see fonts.ts); a fresh compiler
 * per call (about 30 ms) keeps no state between documents. The native binding is loaded on first use,
 * so a server that never makes a PDF never loads it.
 */
export async function compilePdf(source: string, options: CompilePdfOptions = {}): Promise<Buffer> {
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const previous = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = noSystemFontsConfig();
  let compiler;
  try {
    compiler = NodeCompiler.create({ workspace: VIRTUAL_ROOT, fontArgs: [{ fontBlobs: pdfFontBlobs() }] });
  } finally {
    if (previous === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = previous;
  }
  for (const [path, content] of Object.entries(options.files ?? {})) {
    compiler.mapShadow(`${VIRTUAL_ROOT}/${path.replace(/^\/+/, '')}`, typeof content === 'string' ? Buffer.from(content) : content);
  }
  const timestamp = options.createdAt ? Math.floor(options.createdAt.getTime() / 1000) : FIXED_PDF_TIMESTAMP;
  try {
    return compiler.pdf({ mainFileContent: source, inputs: options.inputs ?? {} }, { creationTimestamp: timestamp });
  } catch (error) {
    throw new TypstError(describe(error));
  } finally {
    compiler.evictCache(10);
  }
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return String(code || message || error);
}
