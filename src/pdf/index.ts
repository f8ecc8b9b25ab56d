/**
 * PDFs from Typst source, for every module that prints (booklet, invoices, receipts, annual report):
 * `compilePdf` with npm fonts only and a fixed date, run in a child process with limits, and
 * `typstString`/`typstText` to put our text into the source.
 */
export { compilePdf, compilePdfDocument, pdfChildren, typstPrelude, FIXED_PDF_TIMESTAMP, type CompilePdfOptions } from './compile.ts';
export { TypstError, PdfLimitError, type PdfLimitKind } from './errors.ts';
export { PdfPool, PDF_LIMITS, type PdfLimits } from './pool.ts';
export { typstString, typstText, typstLabel } from './typst.ts';
export { PDF_FONT_FAMILY } from './fonts.ts';
