import type { Lang } from '../../i18n/langs.ts';

/** How a text is written: plain text (shown escaped) or HTML whose markup must survive. */
export type TextFormat = 'text' | 'html';

export interface LanguagePair {
  from: Lang;
  to: Lang;
}

/**
 * A machine-translation engine. Apertium is the only one built (it is the only one installable and
 * testable here); a self-hosted engine would implement the same three members.
 */
export interface MachineEngine {
  /** Short name written into each draft's `engine` label, e.g. "apertium". */
  readonly name: string;
  /** The direct pairs the engine can translate here; empty when it is not installed. */
  pairs(): Promise<LanguagePair[]>;
  translate(text: string, from: Lang, to: Lang, format?: TextFormat): Promise<string>;
  /** Many texts of one pair at once: engines with a high cost per call batch them. */
  translateMany(texts: string[], from: Lang, to: Lang, format?: TextFormat): Promise<string[]>;
}

/** A way from one language to another: direct, or through a pivot language (en→es→fr). */
export interface Route {
  from: Lang;
  to: Lang;
  via?: Lang;
}

/** The direct pair when there is one, else a pivot through a language both sides share. */
export function routeFor(pairs: LanguagePair[], from: Lang, to: Lang): Route | null {
  if (from === to) return null;
  const has = (a: Lang, b: Lang) => pairs.some((pair) => pair.from === a && pair.to === b);
  if (has(from, to)) return { from, to };
  for (const pivot of pairs.filter((pair) => pair.from === from).map((pair) => pair.to)) {
    if (pivot !== to && has(pivot, to)) return { from, to, via: pivot };
  }
  return null;
}

/** The label stored with a draft: "apertium fr→es", or "apertium en→es→fr" for a pivot. */
export function engineLabel(engine: string, route: Route): string {
  return `${engine} ${[route.from, route.via, route.to].filter(Boolean).join('→')}`;
}

/** True when a draft's label says it went through a pivot language (two arrows). */
export function isPivotLabel(label: string | undefined): boolean {
  return (label?.split('→').length ?? 0) > 2;
}
