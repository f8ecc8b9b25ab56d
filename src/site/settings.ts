import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { ContentMemo } from '../db/content-memo.ts';
import type { DB } from '../db/types.ts';
import { loadImages, type ImageView } from '../images/domain.ts';
import type { PageCache } from '../web/page-cache.ts';
import { contrastRatio, darken } from './contrast.ts';

/** The site's colours as the stylesheet has them: what a setting left empty falls back to. */
export const DEFAULT_COLOURS = { brand: '#0b5d4b', accent: '#f2c14e' } as const;
/** Colours the settable ones are drawn with or against (web/static/site.css). */
const WHITE = '#ffffff';
const TINT = '#f3f6f4';
const INK = '#1b1f23';

export interface SiteSettings {
  /** The network's short name, in titles and the header (the full name comes from the catalogs). */
  shortName: string | null;
  brandColour: string | null;
  accentColour: string | null;
  logo: ImageView | null;
  /** The stylesheet setting the colours, when they differ from the defaults. */
  themeCss: string | null;
  /** Its address, named by its content so it can be cached for good. */
  themeUrl: string | null;
}

export const DEFAULT_SITE: SiteSettings = { shortName: null, brandColour: null, accentColour: null, logo: null, themeCss: null, themeUrl: null };

export async function loadSiteSettings(db: Kysely<DB>): Promise<SiteSettings> {
  const row = await db.selectFrom('site_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return DEFAULT_SITE;
  const logo = row.logo_image_id ? (await loadImages(db, [row.logo_image_id])).get(row.logo_image_id) ?? null : null;
  const themeCss = themeOf(row.brand_colour, row.accent_colour);
  const themeUrl = themeCss ? `/site/theme-${crypto.createHash('sha256').update(themeCss).digest('hex').slice(0, 12)}.css` : null;
  return { shortName: row.short_name, brandColour: row.brand_colour, accentColour: row.accent_colour, logo, themeCss, themeUrl };
}

/** Custom properties over the stylesheet's own (site.css reads every colour from them). */
function themeOf(brand: string | null, accent: string | null): string | null {
  if (!brand && !accent) return null;
  const lines = [
    ...(brand ? [`--brand:${brand}`, `--brand-dark:${darken(brand)}`] : []),
    ...(accent ? [`--accent:${accent}`] : []),
  ];
  return `:root{${lines.join(';')}}\n`;
}

export interface ContrastProblem {
  field: 'brand_colour' | 'accent_colour';
  /** Message key, filled with `ratio` and `needed`. */
  key: string;
  ratio: number;
  needed: number;
}

/**
 * The pairs a colour is drawn in (WCAG 2.2 AA): white text on the brand colour (header, buttons)
 * and brand-coloured links on white and on the tinted boxes, 4.5:1; the accent is the focus ring
 * and current-page mark on the brand colour, 3:1 (non-text contrast), and the background of
 * highlighted search words in dark ink, 4.5:1.
 */
export function contrastProblems(brand: string | null, accent: string | null): ContrastProblem[] {
  const b = brand ?? DEFAULT_COLOURS.brand;
  const a = accent ?? DEFAULT_COLOURS.accent;
  const checks: [ContrastProblem['field'], string, number, string, boolean][] = [
    ['brand_colour', 'site.contrast.brand_text', 4.5, WHITE, brand !== null],
    ['brand_colour', 'site.contrast.brand_text', 4.5, TINT, brand !== null],
    // The default accent is judged against a new main colour only once that colour is legible itself:
    // an error on an accent nobody chose, beside the main colour's own, would only confuse.
    ['accent_colour', 'site.contrast.accent_brand', 3, b, accent !== null || brand === null || contrastRatio(b, WHITE) >= 4.5],
    ['accent_colour', 'site.contrast.accent_ink', 4.5, INK, accent !== null],
  ];
  const problems: ContrastProblem[] = [];
  for (const [field, key, needed, against, applies] of checks) {
    if (!applies || problems.some((p) => p.field === field)) continue;
    const ratio = contrastRatio(field === 'brand_colour' ? b : a, against);
    if (ratio < needed) problems.push({ field, key, ratio, needed });
  }
  return problems;
}

const TTL_MS = 5 * 60 * 1000;

/**
 * The settings every page is drawn with, read once and kept until the page cache is cleared
 * (any content change here or, through its NOTIFY, in another instance) or five minutes pass,
 * as the page cache itself; read once for all the requests waiting for it.
 */
export class SiteSettingsStore {
  private readonly memo: ContentMemo<SiteSettings>;

  constructor(db: Kysely<DB>, pageCache: PageCache) {
    this.memo = new ContentMemo(() => pageCache.generation, () => loadSiteSettings(db), TTL_MS);
  }

  async current(): Promise<SiteSettings> {
    try {
      return await this.memo.get();
    } catch {
      // The database is away: draw the page (an error page, most likely) with what was known.
      return this.memo.last ?? DEFAULT_SITE;
    }
  }
}
