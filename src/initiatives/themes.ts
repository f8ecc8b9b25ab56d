import { nameKey } from '../places/normalize.ts';
import { themeNames } from '../search/glossary-data.ts';

/**
 * The theme taxonomy of the archive, named in the four languages by its concepts in the SSE glossary
 * (src/search/glossary-data.ts), with the Sustainable Development Goals
 * each theme serves. Themes are assigned at import from words of the workshop and item titles
 * (accent- and case-free, in French, English and Spanish), so any booklet is classified the same way.
 */
export interface Theme {
  slug: string;
  names: { en: string; fr: string; es: string; ko: string };
  sdgs: number[];
  keywords: string[];
}

export const THEMES: readonly Theme[] = [
  { slug: 'public-policy', names: themeNames('public-policy'), sdgs: [16, 17],
    keywords: ['politique', 'policy', 'politica', 'gouvernement', 'government', 'gobierno', 'parlement', 'legislat', 'mairie', 'municipal'] },
  { slug: 'local-development', names: themeNames('local-development'), sdgs: [11],
    keywords: ['local', 'ville', 'city', 'cities', 'ciudad', 'territoire', 'territor', 'urbain', 'urban', 'rural', 'quartier'] },
  { slug: 'employment-inclusion', names: themeNames('employment-inclusion'), sdgs: [8, 10],
    keywords: ['inclusion', 'insertion', 'emploi', 'employment', 'empleo', 'travail', 'work', 'trabajo', 'handicap', 'disabilit', 'discapacidad', 'vulnerable'] },
  { slug: 'entrepreneurship-innovation', names: themeNames('entrepreneurship-innovation'), sdgs: [8, 9],
    keywords: ['entrepren', 'emprend', 'innovation', 'innovacion', 'ecosysteme', 'ecosystem', 'startup', 'incubat'] },
  { slug: 'finance', names: themeNames('finance'), sdgs: [8, 17],
    keywords: ['fonds', 'fund', 'financ', 'investi', 'invers', 'monnaie', 'currency', 'moneda', 'banque', 'bank', 'banca', 'credit', 'garantie', 'ethique'] },
  { slug: 'cooperation-alliances', names: themeNames('cooperation-alliances'), sdgs: [17],
    keywords: ['alliance', 'alianza', 'cooperation', 'cooperacion', 'partenariat', 'partnership', 'collaboration', 'colaboracion', 'reseau', 'network'] },
  { slug: 'cooperatives-governance', names: themeNames('cooperatives-governance'), sdgs: [8, 16],
    keywords: ['cooperati', 'gouvernance', 'governance', 'gobernanza', 'mondragon', 'mutual', 'mutuel'] },
  { slug: 'youth-education', names: themeNames('youth-education'), sdgs: [4],
    keywords: ['jeune', 'youth', 'joven', 'education', 'educacion', 'formation', 'training', 'universit', 'technolog', 'numerique', 'digital'] },
  { slug: 'gender-care', names: themeNames('gender-care'), sdgs: [3, 5],
    keywords: ['femme', 'women', 'mujer', 'feminin', 'feminis', 'genre', 'gender', 'soins', 'care', 'cuidado', 'sante', 'health', 'planifie'] },
  { slug: 'food-environment', names: themeNames('food-environment'), sdgs: [2, 12, 13],
    keywords: ['aliment', 'food', 'legume', 'agricul', 'circulaire', 'circular', 'recycl', 'dechet', 'waste', 'environnement', 'environment', 'climat', 'energie', 'energy', 'durable', 'biosphere'] },
  { slug: 'public-procurement', names: themeNames('public-procurement'), sdgs: [12],
    keywords: ['achat', 'procurement', 'compra', 'marche public', 'clause', 'equitable', 'fair trade', 'consommation', 'consumo'] },
  { slug: 'impact-measurement', names: themeNames('impact-measurement'), sdgs: [17],
    keywords: ['mesure', 'measur', 'evaluation', 'evaluacion', 'impact', 'bilan', 'audit', 'monetisation', 'valeur sociale', 'reddition'] },
  { slug: 'peace-development', names: themeNames('peace-development'), sdgs: [16, 17],
    keywords: ['paix', 'peace', 'paz', 'conflit', 'conflict', 'refugi', 'pacification', 'internationale', 'agenda 2030', 'ods', 'sdg'] },
];

export const THEME_SLUGS: readonly string[] = THEMES.map((theme) => theme.slug);

/** The themes whose keywords appear in the text (a booklet's workshop and item titles). */
export function themesFor(text: string): string[] {
  const key = ` ${nameKey(text)} `;
  return THEMES.filter((theme) => theme.keywords.some((word) => key.includes(` ${nameKey(word)}`))).map((theme) => theme.slug);
}

/** The SDGs an initiative serves, from its themes (sorted, no repeats). */
export function sdgsFor(themes: string[]): number[] {
  const goals = new Set<number>();
  for (const slug of themes) for (const goal of THEMES.find((theme) => theme.slug === slug)?.sdgs ?? []) goals.add(goal);
  return [...goals].sort((a, b) => a - b);
}
