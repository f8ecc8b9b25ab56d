import { PDF_FONT_FAMILY } from './fonts.ts';
import { PdfPool } from './pool.ts';

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
 * The children every PDF of this process is made in: one process-wide pool, as the machine's memory
 * is, so that however many modules print at once, at most two compilers run.
 */
const pool = new PdfPool();

/**
 * Compiles Typst source to a tagged PDF, in a child process (pool.ts) with bounded time, memory and
 * output. Fonts come only from npm (see fonts.ts); a fresh compiler per document keeps no state
 * between documents. Rejects with TypstError when the source is wrong, PdfLimitError past a limit.
 */
export async function compilePdf(source: string, options: CompilePdfOptions = {}): Promise<Buffer> {
  return (await compilePdfDocument(source, options)).pdf;
}

/** compilePdf, with the number of pages laid out. */
export async function compilePdfDocument(source: string, options: CompilePdfOptions = {}): Promise<{ pdf: Buffer; pages: number }> {
  const timestamp = options.createdAt ? Math.floor(options.createdAt.getTime() / 1000) : FIXED_PDF_TIMESTAMP;
  return pool.compile({ source, files: options.files ?? {}, inputs: options.inputs ?? {}, timestamp });
}

/** The PDF child processes alive now (the memory probe and tests count them). */
export function pdfChildren(): number[] {
  return pool.children;
}
