import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeDocx, makeOdt, makePdf } from '../../test/library-files.ts';
import { extractText, MAX_TEXT, xmlToText } from './extract-text.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';

describe('text extraction', () => {
  it('reads the text of a PDF, accents included', async () => {
    const text = await extractText('application/pdf', makePdf(['Économie sociale et solidaire à Montréal', 'Deuxième ligne (avec parenthèses)']));
    expect(text).toBe('Économie sociale et solidaire à Montréal\nDeuxième ligne (avec parenthèses)');
  });

  it('reads DOCX and ODT paragraphs, decoding entities', async () => {
    expect(await extractText(DOCX, makeDocx(['Un & deux', '<trois>', 'quatre'.repeat(2)]))).toBe('Un & deux\n<trois>\nquatrequatre');
    expect(await extractText(ODT, makeOdt(['Titre', 'Texte « cité »']))).toBe('Titre\nTexte « cité »');
    expect(xmlToText('<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b&#233;&#x4E2D;</w:t></w:r></w:p>', /<\/w:p>/g)).toBe('a\tbé中\n');
  });

  it('fails clearly on a broken file, a zip without its document part, or an unknown type', async () => {
    await expect(extractText('application/pdf', Buffer.from('%PDF-1.7\ngarbage'))).rejects.toThrow();
    const notWord = Buffer.from(zipSync({ 'other.xml': strToU8('<x/>') }));
    await expect(extractText(DOCX, notWord)).rejects.toThrow('word/document.xml missing from the archive');
    await expect(extractText('image/png', Buffer.alloc(10))).rejects.toThrow('no text extractor for image/png');
  });

  it('caps very long texts', async () => {
    const long = makeDocx(Array.from({ length: 30_000 }, () => 'finance solidaire '.repeat(3)));
    const text = await extractText(DOCX, long);
    expect(text.length).toBe(MAX_TEXT);
  });
});
