/** A key for matching names typed in any of our languages: no accents, no case, no punctuation. */
export function nameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Recompose: decomposition also splits Hangul syllables into letters.
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’'`´]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
