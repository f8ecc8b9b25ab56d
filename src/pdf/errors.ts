/** A Typst compile error with the compiler's own messages. */
export class TypstError extends Error {
  constructor(readonly diagnostics: string) {
    super(`Typst could not compile the document: ${diagnostics}`);
  }
}

export type PdfLimitKind = 'time' | 'memory' | 'output';

/** The document needs more time, memory or output than a PDF may take: retrying cannot help. */
export class PdfLimitError extends Error {
  constructor(readonly kind: PdfLimitKind, limit: string) {
    super(`PDF compilation stopped: the ${kind} limit (${limit}) was exceeded`);
  }
}
