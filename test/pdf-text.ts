import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PDF as an independent reader sees it, through poppler-utils (pdftotext, pdffonts, pdfinfo): what a
 * screen reader or a search engine gets. Shared by the tests of every module that prints.
 */

let folder: string | undefined;
let count = 0;

/** Writes the PDF to a scratch file (poppler reads files), runs the tool on it, removes the file. */
function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer, args: string[]): string {
  if (!folder) {
    const created = mkdtempSync(join(tmpdir(), 'pdf-text-'));
    process.once('exit', () => rmSync(created, { recursive: true, force: true }));
    folder = created;
  }
  const file = join(folder, `${count++}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { maxBuffer: 64 << 20 }).toString('utf8');
  } finally {
    rmSync(file, { force: true });
  }
}

/** The text of the PDF, or of one page; `layout` keeps the columns where they are on the page. */
export function pdfText(pdf: Buffer, options: { layout?: boolean; page?: number } = {}): string {
  const pages = options.page ? ['-f', String(options.page), '-l', String(options.page)] : [];
  return poppler('pdftotext', pdf, [...pages, ...(options.layout ? ['-layout'] : [])]);
}

/** One line per font the PDF uses, as pdffonts lists it (name, type, encoding, emb sub uni, …). */
export function pdfFonts(pdf: Buffer): string[] {
  return poppler('pdffonts', pdf, []).split('\n').slice(2).filter(Boolean);
}

/** pdfinfo's report (title, dates, pages, tagged…). */
export function pdfInfo(pdf: Buffer): string {
  return poppler('pdfinfo', pdf, []);
}
