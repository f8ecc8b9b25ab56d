import { js2xliff, xliff2js } from 'xliff';
import { isLang, type Lang } from '../../i18n/langs.ts';

/**
 * XLIFF 2.0 for outside translators, written and read with the `xliff` package. One <file> per
 * export, whose id names the site (`site-` + the host of BASE_URL, so a file made for another
 * Passerelle is recognised); one <unit> per field, whose id carries table, row key, column, target
 * language and the hash of the original it was exported with:
 *   activities~12~title~es~0123456789abcdef
 * (`~` because unit ids are NMTOKENs: no `/`; none of the parts can hold a `~`).
 */
export interface ExportUnit {
  tbl: string;
  rowKey: string;
  col: string;
  lang: Lang;
  sourceHash: string;
  source: string;
  /** The current translation, if any, for the translator to revise. */
  target?: string;
  /** The field's name in the exporter's language, as a note for the translator. */
  note: string;
}

export interface UnitId {
  tbl: string;
  rowKey: string;
  col: string;
  lang: Lang;
  sourceHash: string;
}

export const siteFileId = (baseUrl: string) => `site-${new URL(baseUrl).host.replace(/[^A-Za-z0-9.\-_:]/g, '_')}`;

export const unitIdOf = (unit: UnitId) => [unit.tbl, unit.rowKey, unit.col, unit.lang, unit.sourceHash].join('~');

export function parseUnitId(id: string): UnitId | null {
  const parts = id.split('~');
  if (parts.length !== 5) return null;
  const [tbl, rowKey, col, lang, sourceHash] = parts as [string, string, string, string, string];
  if (!/^[a-z_]{1,63}$/.test(tbl) || !/^[a-z_]{1,63}$/.test(col) || !/^[a-z0-9-]{1,200}$/.test(rowKey) || !isLang(lang) || !/^[0-9a-f]{16}$/.test(sourceHash)) return null;
  return { tbl, rowKey, col, lang, sourceHash };
}

export async function buildXliff(units: ExportUnit[], options: { baseUrl: string; sourceLang: Lang; targetLang: Lang }): Promise<string> {
  const resources: Record<string, { source: string; target?: string; note: string }> = {};
  for (const unit of units) {
    resources[unitIdOf(unit)] = { source: unit.source, ...(unit.target !== undefined ? { target: unit.target } : {}), note: unit.note };
  }
  return js2xliff({ sourceLanguage: options.sourceLang, targetLanguage: options.targetLang, resources: { [siteFileId(options.baseUrl)]: resources } });
}

export interface ParsedXliff {
  sourceLang: string;
  targetLang: string;
  files: { id: string; units: { id: string; source: string; target: string | undefined }[] }[];
}

/** Reads a file; null when it is not XLIFF 2 (not XML, no <xliff version="2.x">, no language). */
export async function parseXliff(text: string): Promise<ParsedXliff | null> {
  let parsed: { sourceLanguage?: string; targetLanguage?: string; resources?: Record<string, Record<string, { source?: unknown; target?: unknown; groupUnits?: unknown }>> };
  try {
    parsed = await xliff2js(text, { inlineAsString: true });
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || !parsed.resources || !parsed.sourceLanguage || !parsed.targetLanguage) return null;
  const files = Object.entries(parsed.resources).map(([id, units]) => ({
    id,
    units: Object.entries(units)
      .filter(([, unit]) => unit && typeof unit === 'object' && !('groupUnits' in unit))
      .map(([unitId, unit]) => ({
        id: unitId,
        source: typeof unit.source === 'string' ? unit.source : '',
        target: typeof unit.target === 'string' ? unit.target : undefined,
      })),
  }));
  return { sourceLang: parsed.sourceLanguage, targetLang: parsed.targetLanguage, files };
}
