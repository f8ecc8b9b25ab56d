import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfText } from '../../test/pdf-text.ts';
import { compilePdf, pdfChildren, PdfLimitError, PdfPool, PDF_LIMITS, TypstError, typstPrelude, typstString, typstText } from './index.ts';

describe('compilePdf', () => {
  it('embeds only the npm font, even on a machine with other fonts installed', async () => {
    // fonts-noto-cjk and DejaVu are installed here: asking for them must not reach them.
    const pdf = await compilePdf(`${typstPrelude({ lang: 'en' })}Bilbao 빌바오 Montréal`);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/NotoSansKR-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/);
    expect(pdfText(pdf).trim()).toBe('Bilbao 빌바오 Montréal');
    const asked = await compilePdf('#set text(font: ("Noto Sans CJK KR", "DejaVu Sans"))\n빌바오 Bilbao');
    expect(pdfFonts(asked).join('\n')).not.toMatch(/CJK|DejaVu/);
  });

  it('gives byte-identical PDFs for the same source, dated as asked', async () => {
    const source = `${typstPrelude({ lang: 'en' })}#set document(title: "Same")\nSame text, 같은 글.`;
    const [first, second] = [await compilePdf(source), await compilePdf(source)];
    expect(first.equals(second)).toBe(true);
    expect(pdfInfo(first)).toMatch(/CreationDate:\s+Sat Jan\s+1 00:00:00 2000 UTC/);
    const dated = await compilePdf(source, { createdAt: new Date('2018-10-01T00:00:00Z') });
    expect(pdfInfo(dated)).toMatch(/CreationDate:\s+Mon Oct\s+1 00:00:00 2018 UTC/);
  });

  it('reads the files and inputs it is given, and nothing from disk', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    const pdf = await compilePdf(`${typstPrelude({ lang: 'en' })}#image("/logo.svg", width: 1cm) #json("/data.json").name #sys.inputs.who`, {
      files: { '/logo.svg': svg, '/data.json': Buffer.from('{"name":"GSEF"}') },
      inputs: { who: 'secretariat' },
    });
    expect(pdfText(pdf)).toContain('GSEF secretariat');
    await expect(compilePdf(`#read("${process.cwd()}/package.json")`)).rejects.toThrow(/not found/);
  });

  it('prints any text given through typstString as that text, markup characters included', async () => {
    const hostile = fc.stringMatching(/^[a-zA-Zé빌바오 *_#$<>@\[\]{}\\"'`=+~/^-]{1,40}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 8 }), async (lines) => {
        // One unwrapped line, so that pdftotext's joining of hyphenated line ends cannot alter it.
        const source = `${typstPrelude({ lang: 'en' })}#set page(width: auto)\n${lines.map((line) => `${typstText(line)}·`).join('')}`;
        const text = pdfText(await compilePdf(source));
        const squash = (value: string) => value.replace(/\s+/g, '');
        expect(squash(text)).toBe(squash(lines.map((line) => `${line}·`).join('')));
      }),
      { numRuns: 10 },
    );
  });

  it('breaks Korean lines between words, never inside one', async () => {
    const words = '사회연대경제 국제포럼은 2018년 빌바오에서 열렸으며 지방정부와 시민사회 조직이 함께 참여했습니다'.split(' ');
    const paragraph = Array.from({ length: 12 }, () => words.join(' ')).join(' ');
    const text = pdfText(await compilePdf(`${typstPrelude({ lang: 'ko' })}${typstText(paragraph)}`));
    const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) for (const word of line.split(' ')) expect(words).toContain(word);
    expect(lines.join(' ')).toBe(paragraph);
  });

  it('escapes quotes, backslashes and line breaks into a string literal', () => {
    expect(typstString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(typstString('\u0007')).toBe('"\\u{7}"');
  });
});

describe('the PDF child processes', () => {
  const request = (source: string) => ({ source, files: {}, inputs: {}, timestamp: 0 });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('compile outside this process, which never loads the compiler, and end once idle', async () => {
    await compilePdf('Hello');
    expect(pdfChildren().length).toBe(1);
    // The native binding is a shared object mapped into whichever process loads it: never this one.
    expect(readFileSync('/proc/self/maps', 'utf8')).not.toMatch(/typst/i);
    for (let i = 0; i < 50 && pdfChildren().length; i++) await sleep(100);
    expect(pdfChildren()).toEqual([]);
  });

  it('stop a document past its time, memory or output limit, and name the limit', async () => {
    // The time limit in a pool of its own: on a busy machine the other documents may take more than 1.5 s.
    const hurried = new PdfPool({ limits: { ...PDF_LIMITS, timeMs: 1500 }, idleMs: 100 });
    const slow = hurried.compile(request('#let x = 0\n#for i in range(5000) { for j in range(5000) { x += 1 } }\n#x'));
    await expect(slow).rejects.toThrow(new PdfLimitError('time', '1.5 s'));
    hurried.close();
    const pool = new PdfPool({ limits: { ...PDF_LIMITS, memoryMb: 300, outputBytes: 20_000 }, idleMs: 100 });
    await expect(pool.compile(request('#let a = range(60000000)\n#a.len()'))).rejects.toMatchObject({ kind: 'memory', message: expect.stringMatching(/memory limit \(300 MB\)/) });
    await expect(pool.compile(request('#for i in range(40) [#lorem(300) #pagebreak()]'))).rejects.toMatchObject({ kind: 'output', message: expect.stringMatching(/20 KB/) });
    // A wrong source is the author's error, with Typst's own words; the pool still works after all that.
    await expect(pool.compile(request('#while true {}'))).rejects.toThrow(TypstError);
    await expect(pool.compile(request('#nosuchfunction()'))).rejects.toThrow(/unknown variable: nosuchfunction/);
    expect((await pool.compile(request('Still here'))).pages).toBe(1);
    pool.close();
  }, 30_000);

  it('run at most the pool\'s number of children at once and queue the rest, with the same bytes', async () => {
    const pool = new PdfPool({ maxChildren: 2, idleMs: 100 });
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, pool.children.length)), 5);
    const source = `${typstPrelude({ lang: 'fr' })}#lorem(400)`;
    const made = await Promise.all(Array.from({ length: 6 }, () => pool.compile(request(source))));
    clearInterval(sampler);
    expect(most).toBe(2);
    for (const { pdf } of made) expect(pdf.equals(made[0]!.pdf)).toBe(true);
    pool.close();
    for (let i = 0; i < 50 && pool.children.length; i++) await sleep(100);
    expect(pool.children).toEqual([]);
  }, 30_000);
});
