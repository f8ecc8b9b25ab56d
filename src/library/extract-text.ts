/**
 * Text out of an uploaded document, for search. The libraries are imported here, lazily, so only
 * a process that runs the extraction job loads them (pdf.js alone is several megabytes of heap).
 */
export const MAX_TEXT = 1_000_000;

export const EXTRACTABLE = {
  'application/pdf': pdfText,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (content: Buffer) => zippedXmlText(content, 'word/document.xml', /<\/w:p>/g),
  'application/vnd.oasis.opendocument.text': (content: Buffer) => zippedXmlText(content, 'content.xml', /<\/text:(?:p|h)>/g),
} as const satisfies Record<string, (content: Buffer) => Promise<string>>;

export function isExtractable(mime: string): mime is keyof typeof EXTRACTABLE {
  return Object.hasOwn(EXTRACTABLE, mime);
}

/** The text of a document of a known type, whitespace tidied and capped at MAX_TEXT characters. */
export async function extractText(mime: string, content: Buffer): Promise<string> {
  if (!isExtractable(mime)) throw new Error(`no text extractor for ${mime}`);
  const text = await EXTRACTABLE[mime](content);
  return tidy(text).slice(0, MAX_TEXT);
}

async function pdfText(content: Buffer): Promise<string> {
  const { extractText: extractPdf, getDocumentProxy } = await import('unpdf');
  // pdf.js takes ownership of the bytes it is given: pass a copy, never the caller's buffer.
  const document = await getDocumentProxy(new Uint8Array(content), { verbosity: 0 });
  try {
    const { text } = await extractPdf(document, { mergePages: false });
    return text.join('\n\n');
  } finally {
    await document.destroy();
  }
}

/** DOCX and ODT are zip archives whose main part is XML: paragraphs end at `paragraphEnd`. */
async function zippedXmlText(content: Buffer, part: string, paragraphEnd: RegExp): Promise<string> {
  const { unzipSync, strFromU8 } = await import('fflate');
  // Only the one part is inflated, so a zip bomb in another entry costs nothing.
  const files = unzipSync(new Uint8Array(content), { filter: (file) => file.name === part && file.originalSize <= 50 * 1024 * 1024 });
  const xml = files[part];
  if (!xml) throw new Error(`${part} missing from the archive`);
  return xmlToText(strFromU8(xml), paragraphEnd);
}

/** Tags out, paragraph ends and line breaks kept as new lines, entities decoded. */
export function xmlToText(xml: string, paragraphEnd: RegExp): string {
  return decodeEntities(
    xml
      .replace(paragraphEnd, '\n')
      .replace(/<(?:w:br|w:cr|text:line-break)\b[^>]*\/>/g, '\n')
      .replace(/<(?:w:tab|text:tab)\b[^>]*\/>/g, '\t')
      .replace(/<text:s\b[^>]*\/>/g, ' ')
      .replace(/<[^>]*>/g, ''),
  );
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g, (match, hex: string, dec: string, name: string) => {
    if (hex || dec) {
      const code = hex ? Number.parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name] ?? match;
  });
}

function tidy(text: string): string {
  return text
    .replace(/\u0000/g, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
