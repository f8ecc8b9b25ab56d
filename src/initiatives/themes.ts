import { nameKey } from '../places/normalize.ts';

/**
 * The theme taxonomy of the archive, in the four languages, with the Sustainable Development Goals
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
  { slug: 'public-policy', names: { en: 'Public policy', fr: 'Politiques publiques', es: 'Políticas públicas', ko: '공공 정책' }, sdgs: [16, 17],
    keywords: ['politique', 'policy', 'politica', 'gouvernement', 'government', 'gobierno', 'parlement', 'legislat', 'mairie', 'municipal'] },
  { slug: 'local-development', names: { en: 'Local development and cities', fr: 'Développement local et villes', es: 'Desarrollo local y ciudades', ko: '지역 개발과 도시' }, sdgs: [11],
    keywords: ['local', 'ville', 'city', 'cities', 'ciudad', 'territoire', 'territor', 'urbain', 'urban', 'rural', 'quartier'] },
  { slug: 'employment-inclusion', names: { en: 'Employment and social inclusion', fr: 'Emploi et insertion', es: 'Empleo e inclusión', ko: '고용과 사회적 포용' }, sdgs: [8, 10],
    keywords: ['inclusion', 'insertion', 'emploi', 'employment', 'empleo', 'travail', 'work', 'trabajo', 'handicap', 'disabilit', 'discapacidad', 'vulnerable'] },
  { slug: 'entrepreneurship-innovation', names: { en: 'Social entrepreneurship and innovation', fr: 'Entrepreneuriat et innovation sociale', es: 'Emprendimiento e innovación social', ko: '사회적 기업가정신과 혁신' }, sdgs: [8, 9],
    keywords: ['entrepren', 'emprend', 'innovation', 'innovacion', 'ecosysteme', 'ecosystem', 'startup', 'incubat'] },
  { slug: 'finance', names: { en: 'Finance and investment', fr: 'Finance et investissement', es: 'Finanzas e inversión', ko: '금융과 투자' }, sdgs: [8, 17],
    keywords: ['fonds', 'fund', 'financ', 'investi', 'invers', 'monnaie', 'currency', 'moneda', 'banque', 'bank', 'banca', 'credit', 'garantie', 'ethique'] },
  { slug: 'cooperation-alliances', names: { en: 'Alliances and cooperation', fr: 'Alliances et coopération', es: 'Alianzas y cooperación', ko: '연대와 협력' }, sdgs: [17],
    keywords: ['alliance', 'alianza', 'cooperation', 'cooperacion', 'partenariat', 'partnership', 'collaboration', 'colaboracion', 'reseau', 'network'] },
  { slug: 'cooperatives-governance', names: { en: 'Cooperatives and governance', fr: 'Coopératives et gouvernance', es: 'Cooperativas y gobernanza', ko: '협동조합과 거버넌스' }, sdgs: [8, 16],
    keywords: ['cooperati', 'gouvernance', 'governance', 'gobernanza', 'mondragon', 'mutual', 'mutuel'] },
  { slug: 'youth-education', names: { en: 'Youth, education and technology', fr: 'Jeunesse, éducation et technologie', es: 'Juventud, educación y tecnología', ko: '청년, 교육과 기술' }, sdgs: [4],
    keywords: ['jeune', 'youth', 'joven', 'education', 'educacion', 'formation', 'training', 'universit', 'technolog', 'numerique', 'digital'] },
  { slug: 'gender-care', names: { en: 'Gender and care', fr: 'Genre et soins', es: 'Género y cuidados', ko: '젠더와 돌봄' }, sdgs: [3, 5],
    keywords: ['femme', 'women', 'mujer', 'feminin', 'feminis', 'genre', 'gender', 'soins', 'care', 'cuidado', 'sante', 'health', 'planifie'] },
  { slug: 'food-environment', names: { en: 'Food, environment and circular economy', fr: 'Alimentation, environnement et économie circulaire', es: 'Alimentación, medio ambiente y economía circular', ko: '식량, 환경과 순환경제' }, sdgs: [2, 12, 13],
    keywords: ['aliment', 'food', 'legume', 'agricul', 'circulaire', 'circular', 'recycl', 'dechet', 'waste', 'environnement', 'environment', 'climat', 'energie', 'energy', 'durable', 'biosphere'] },
  { slug: 'public-procurement', names: { en: 'Public procurement and responsible buying', fr: 'Achat public et consommation responsable', es: 'Compra pública y consumo responsable', ko: '공공 조달과 책임 있는 소비' }, sdgs: [12],
    keywords: ['achat', 'procurement', 'compra', 'marche public', 'clause', 'equitable', 'fair trade', 'consommation', 'consumo'] },
  { slug: 'impact-measurement', names: { en: 'Measuring social value', fr: 'Mesure de la valeur sociale', es: 'Medición del valor social', ko: '사회적 가치 측정' }, sdgs: [17],
    keywords: ['mesure', 'measur', 'evaluation', 'evaluacion', 'impact', 'bilan', 'audit', 'monetisation', 'valeur sociale', 'reddition'] },
  { slug: 'peace-development', names: { en: 'Peace and international development', fr: 'Paix et développement international', es: 'Paz y desarrollo internacional', ko: '평화와 국제 개발' }, sdgs: [16, 17],
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
