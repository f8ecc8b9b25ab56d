import type { Lang } from '../../src/i18n/langs.ts';

/**
 * Plausible multilingual text for synthetic rows. Deterministic (seeded by the row number), so two
 * runs of the bench at the same size store the same bytes and their figures compare.
 */
export type Texts = Record<Lang, string>;

/** mulberry32: a tiny seeded PRNG; Math.random would make every run's data different. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function choose<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

// One entry per topic, in the four working languages, so a row says the same thing in each.
export const TOPICS: readonly Texts[] = [
  { en: 'social finance', fr: 'finance solidaire', es: 'finanzas solidarias', ko: '사회적 금융' },
  { en: 'public procurement', fr: 'commande publique', es: 'compra pública', ko: '공공조달' },
  { en: 'cooperatives', fr: 'coopératives', es: 'cooperativas', ko: '협동조합' },
  { en: 'youth employment', fr: 'emploi des jeunes', es: 'empleo juvenil', ko: '청년 일자리' },
  { en: 'the circular economy', fr: 'l’économie circulaire', es: 'la economía circular', ko: '순환경제' },
  { en: 'local food systems', fr: 'systèmes alimentaires locaux', es: 'sistemas alimentarios locales', ko: '지역 먹거리' },
  { en: 'care work', fr: 'travail du soin', es: 'trabajo de cuidados', ko: '돌봄 노동' },
  { en: 'community housing', fr: 'habitat coopératif', es: 'vivienda comunitaria', ko: '공동체 주택' },
  { en: 'digital commons', fr: 'communs numériques', es: 'bienes comunes digitales', ko: '디지털 공유재' },
  { en: 'statistics of the SSE', fr: 'statistiques de l’ESS', es: 'estadísticas de la ESS', ko: '사회연대경제 통계' },
];

const SENTENCES: readonly ((topic: Texts) => Texts)[] = [
  (topic) => ({
    en: `Member cities and networks compare their policies on ${topic.en} and draft shared recommendations.`,
    fr: `Villes et réseaux membres comparent leurs politiques de ${topic.fr} et rédigent des recommandations communes.`,
    es: `Ciudades y redes miembro comparan sus políticas de ${topic.es} y redactan recomendaciones comunes.`,
    ko: `회원 도시와 네트워크가 ${topic.ko} 정책을 비교하고 공동 권고안을 작성합니다.`,
  }),
  (topic) => ({
    en: `The group gathers practices on ${topic.en} from five continents for the knowledge library.`,
    fr: `Le groupe recueille des pratiques de ${topic.fr} des cinq continents pour la bibliothèque.`,
    es: `El grupo reúne prácticas de ${topic.es} de los cinco continentes para la biblioteca.`,
    ko: `이 그룹은 5개 대륙의 ${topic.ko} 사례를 모아 지식 도서관에 제공합니다.`,
  }),
  () => ({
    en: 'It reports to the Steering Committee and prepares a session for the next Forum.',
    fr: 'Il rend compte au comité directeur et prépare une session pour le prochain Forum.',
    es: 'Rinde cuentas al Comité Directivo y prepara una sesión para el próximo Foro.',
    ko: '운영위원회에 보고하며 다음 포럼의 세션을 준비합니다.',
  }),
  () => ({
    en: 'Meetings rotate between time zones so that members in Asia, Africa and the Americas can take part.',
    fr: 'Les réunions alternent entre fuseaux horaires pour que les membres d’Asie, d’Afrique et des Amériques y participent.',
    es: 'Las reuniones rotan entre husos horarios para que participen los miembros de Asia, África y las Américas.',
    ko: '아시아, 아프리카, 아메리카의 회원이 참여할 수 있도록 회의 시간대를 번갈아 정합니다.',
  }),
];

/** Two or three sentences about a topic, joined per language. */
export function paragraph(next: () => number, topic: Texts): Texts {
  const count = 2 + Math.floor(next() * 2);
  const parts = Array.from({ length: count }, () => choose(next, SENTENCES)(topic));
  const join = (lang: Lang) => parts.map((part) => part[lang]).join(' ');
  return { en: join('en'), fr: join('fr'), es: join('es'), ko: join('ko') };
}
