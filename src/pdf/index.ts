/**
 * PDFs from Typst source, for every module that prints (booklet, invoices, receipts): `compilePdf`
 * with npm fonts only and a fixed date, and `typstString`/`typstText` to put our text into the source.
 */
export { compilePdf, typstPrelude, FIXED_PDF_TIMESTAMP, TypstError, type CompilePdfOptions } from './compile.ts';
export { typstString, typstText, typstLabel } from './typst.ts';
export { PDF_FONT_FAMILY } from './fonts.ts';
