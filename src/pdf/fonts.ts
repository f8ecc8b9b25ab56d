import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The one family every PDF is set in: Noto Sans KR covers Hangul and the Latin of en, fr and es. */
export const PDF_FONT_FAMILY = 'Noto Sans KR';

/**
 * Noto Sans KR regular and bold as TrueType files from the npm package
 * `@expo-google-fonts/noto-sans-kr` (the package ships .ttf, not only woff2, which Typst cannot read).
 */
export function pdfFontBlobs(): Buffer[] {
  const root = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-kr/package.json'));
  return ['400Regular/NotoSansKR_400Regular.ttf', '700Bold/NotoSansKR_700Bold.ttf'].map((file) => readFileSync(join(root, file)));
}

/**
 * The Typst binding always scans the system's fonts through fontconfig, with no option to turn it
 * off. Pointed at a fontconfig file whose only folder does not exist, it finds none, so a PDF looks
 * the same on every machine whatever fonts are installed (measured: without it, a system
 * "Noto Sans CJK KR" or "DejaVu Sans" is picked up).
 */
export function noSystemFontsConfig(): string {
  const file = join(tmpdir(), 'passerelle-typst-no-system-fonts.conf');
  writeFileSync(file, '<?xml version="1.0"?>\n<fontconfig><dir>/nonexistent/passerelle-no-system-fonts</dir></fontconfig>\n');
  return file;
}
