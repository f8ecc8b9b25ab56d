import type { Lang } from '../../i18n/langs.ts';
import { engineLabel, routeFor, type LanguagePair, type MachineEngine, type Route, type TextFormat } from './engine.ts';
import { protectTerms, restoreTerms } from './glossary-protect.ts';

export interface Draft {
  text: string;
  /** "apertium fr→es", or "apertium en→es→fr" through a pivot. */
  engine: string;
}

/**
 * Drafts over an engine: the direct pair or a pivot through Spanish (en↔fr), with the glossary's
 * agreed terms protected. Pairs are read from the engine once (detected at start).
 */
export class Drafter {
  private pairList: Promise<LanguagePair[]> | null = null;

  constructor(readonly engine: MachineEngine) {}

  pairs(): Promise<LanguagePair[]> {
    this.pairList ??= this.engine.pairs().catch(() => []);
    return this.pairList;
  }

  /** False when the engine is not installed here: no drafts are made, the back-office says so. */
  async available(): Promise<boolean> {
    return (await this.pairs()).length > 0;
  }

  async route(from: Lang, to: Lang): Promise<Route | null> {
    return routeFor(await this.pairs(), from, to);
  }

  /** Languages a text written in `from` can be drafted into. */
  async targetsFrom(from: Lang, langs: readonly Lang[]): Promise<Lang[]> {
    const targets: Lang[] = [];
    for (const to of langs) if (await this.route(from, to)) targets.push(to);
    return targets;
  }

  /**
   * Drafts of many texts of one language pair, in a few engine calls (a pivot doubles them). Texts
   * naming glossary terms are first translated as they are; those whose draft lacks an agreed term
   * are translated again with the terms protected by placeholders (which cost the grammar around
   * them a little: "le économie"), so the agreed term is in every draft.
   */
  async draftMany(texts: string[], from: Lang, to: Lang, format: TextFormat = 'text'): Promise<Draft[]> {
    const route = await this.route(from, to);
    if (!route) throw new Error(`no machine translation from ${from} to ${to}`);
    const label = engineLabel(this.engine.name, route);
    const drafts = await this.translateRoute(texts, route, format);
    const protectedTexts = texts.map((text) => protectTerms(text, from, to, format));
    const missing = protectedTexts.flatMap((entry, i) => (entry.targets.some((term) => !contains(drafts[i]!, term)) ? [i] : []));
    if (missing.length) {
      const again = await this.translateRoute(missing.map((i) => protectedTexts[i]!.text), route, format);
      missing.forEach((i, n) => {
        drafts[i] = restoreTerms(uncapitaliseAfterPlaceholder(again[n]!, texts[i]!), protectedTexts[i]!.targets, format);
      });
    }
    return drafts.map((text) => ({ text, engine: label }));
  }

  private async translateRoute(texts: string[], route: Route, format: TextFormat): Promise<string[]> {
    let current = texts;
    if (route.via) current = await this.engine.translateMany(current, route.from, route.via, format);
    return this.engine.translateMany(current, route.via ?? route.from, route.to, format);
  }

  async draft(text: string, from: Lang, to: Lang, format: TextFormat = 'text'): Promise<Draft> {
    return (await this.draftMany([text], from, to, format))[0]!;
  }
}

/**
 * Apertium capitalises the word after an unknown word opening a sentence ("zqg0x Es bueno"); the
 * word is put back in lower case unless the source has it capitalised too (a name).
 */
function uncapitaliseAfterPlaceholder(text: string, source: string): string {
  return text.replace(/([zZ]qg\d+x)(\s+)(\p{Lu})(\p{Ll}*)/gu, (found, mark: string, space: string, first: string, rest: string) =>
    source.includes(first + rest) ? found : `${mark}${space}${first.toLowerCase()}${rest}`,
  );
}

function contains(text: string, term: string): boolean {
  return text.toLocaleLowerCase().includes(term.toLocaleLowerCase());
}
