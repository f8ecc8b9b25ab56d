import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Lang } from '../../i18n/langs.ts';
import type { LanguagePair, MachineEngine, TextFormat } from './engine.ts';

/** Apertium's mode names for our language codes (Debian's apertium-eng-spa and apertium-fr-es). */
const MODES: Record<string, string[]> = {
  'en-es': ['eng-spa', 'en-es'],
  'es-en': ['spa-eng', 'es-en'],
  'fr-es': ['fr-es', 'fra-spa'],
  'es-fr': ['es-fr', 'spa-fra'],
};

export interface ApertiumOptions {
  /** The `apertium` program (a path or a name looked up in PATH). */
  binary?: string;
  /** A call longer than this is killed and fails (a stuck process must not hold the worker). */
  timeoutMs?: number;
  /** Texts are sent together up to this many characters per call (a call costs about 0.5 s). */
  maxBatchChars?: number;
}

/**
 * Separator between the texts of one call. In HTML mode Apertium passes tags through untouched
 * ("superblanks") and a block element ends a sentence, so no word moves across it.
 */
const separator = (index: number) => `<hr data-s="${index}">`;
const SEPARATOR = /\s*<hr data-s="\d+">\s*/;

export class ApertiumEngine implements MachineEngine {
  readonly name = 'apertium';
  private readonly binary: string;
  private readonly timeoutMs: number;
  private readonly maxBatchChars: number;
  private modes: Promise<Map<string, string>> | null = null;

  constructor(options: ApertiumOptions = {}) {
    this.binary = options.binary ?? 'apertium';
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxBatchChars = options.maxBatchChars ?? 20_000;
  }

  /** Pairs found by `apertium -l`, asked once; none when the program is missing or fails. */
  async pairs(): Promise<LanguagePair[]> {
    const modes = await this.installedModes();
    return [...modes.keys()].map((key) => {
      const [from, to] = key.split('-') as [Lang, Lang];
      return { from, to };
    });
  }

  async translate(text: string, from: Lang, to: Lang, format: TextFormat = 'text'): Promise<string> {
    return (await this.translateMany([text], from, to, format))[0]!;
  }

  async translateMany(texts: string[], from: Lang, to: Lang, format: TextFormat = 'text'): Promise<string[]> {
    const mode = (await this.installedModes()).get(`${from}-${to}`);
    if (!mode) throw new Error(`apertium has no ${from}→${to} pair here`);
    const results: string[] = [];
    for (const batch of batches(texts, this.maxBatchChars)) results.push(...(await this.translateBatch(batch, mode, format)));
    return results;
  }

  private async translateBatch(texts: string[], mode: string, format: TextFormat): Promise<string[]> {
    const html = texts.map((text) => (format === 'html' ? text : escapeHtml(text)));
    const output = await this.run(['-u', '-f', 'html', mode], html.map((text, i) => (i ? separator(i) : '') + text).join(''));
    let pieces = output.split(SEPARATOR);
    // Should Apertium ever merge or drop a separator, each text is sent alone: slower, never shifted.
    if (pieces.length !== texts.length) {
      pieces = [];
      for (const text of html) pieces.push(await this.run(['-u', '-f', 'html', mode], text));
    }
    return pieces.map((piece) => (format === 'html' ? piece.trim() : unescapeHtml(piece.trim())));
  }

  private installedModes(): Promise<Map<string, string>> {
    this.modes ??= this.run(['-l'], null).then(
      (listing) => {
        const listed = new Set(listing.split(/\s+/).filter(Boolean));
        const found = new Map<string, string>();
        for (const [pair, names] of Object.entries(MODES)) {
          const name = names.find((candidate) => listed.has(candidate));
          if (name) found.set(pair, name);
        }
        return found;
      },
      () => new Map(),
    );
    return this.modes;
  }

  /**
   * One call of the program. The input goes through a file: Apertium's format detection fails on
   * Node's stdin, a socket rather than a pipe ("Could not detect input stream format").
   */
  private async run(args: string[], input: string | null): Promise<string> {
    const dir = input === null ? null : await fs.mkdtemp(path.join(os.tmpdir(), 'passerelle-apertium-'));
    try {
      const file = dir ? path.join(dir, 'input.html') : null;
      if (file) await fs.writeFile(file, input!);
      const output = await this.spawnOnce(file ? [...args, file] : args);
      if (input && input.trim() && !output.trim()) throw new Error(`apertium ${args.join(' ')} returned nothing`);
      return output;
    } finally {
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    }
  }

  private spawnOnce(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`apertium ${args.join(' ')} took longer than ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(Buffer.concat(stdout).toString('utf8'));
        else reject(new Error(`apertium ${args.join(' ')} exited with ${code}: ${Buffer.concat(stderr).toString('utf8').trim()}`));
      });
    });
  }
}

/** Consecutive groups of texts of at most `maxChars` characters (a longer text goes alone). */
function batches(texts: string[], maxChars: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const text of texts) {
    if (current.length && size + text.length > maxChars) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(text);
    size += text.length;
  }
  if (current.length) groups.push(current);
  return groups;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

export function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (entity, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? entity;
  });
}
