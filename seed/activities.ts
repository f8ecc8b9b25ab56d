import type { Lang } from '../src/i18n/langs.ts';
import { researchPhasesEsKo, webinarThemesEsKo } from './activities-translations.ts';

/**
 * GSEF's programme from the seed documents: forums 2013–2021, trainings and learning sessions
 * 2017–2021, sessions at international conferences, the 2020 INAES webinar series, the four
 * regional policy-dialogue series with every past edition, the 2019 calendar (34 entries, dates
 * as drafted: "?" days and month-only dates are month precision, "à confirmer" is tentative), the
 * 2019 steering-committee and advisors' meetings and the 2019–2020 research project in phases.
 * Facts only; every sentence here is ours. Dates: 'YYYY-MM-DD' (day), 'YYYY-MM' (month only) or
 * 'YYYY' (year only: participations the documents date by their year alone).
 */
export type Texts = Partial<Record<Lang, string>> & { en: string };

export interface SeedOrganisation {
  name: string;
  lang?: Lang;
  city?: string;
  country?: string;
  kind?: 'local_government' | 'sse_network' | 'international_organisation' | 'research' | 'enterprise' | 'public_agency' | 'other';
}

export interface SeedActivity {
  slug: string;
  type: string;
  parent?: string;
  series?: string;
  edition?: number;
  title: Texts;
  summary: Texts;
  start: string;
  end?: string;
  tentative?: boolean;
  format?: 'online' | 'in-person' | 'hybrid';
  city?: string;
  country?: string;
  venue?: string;
  participants?: number;
  countries?: number;
  themes?: string[];
  speakers?: string[];
  organisers?: SeedOrganisation[];
  partners?: SeedOrganisation[];
  resources?: { kind: string; title: Texts }[];
  related?: string[];
}

export interface SeedSeries {
  slug: string;
  type: string;
  region?: string;
  title: Texts;
  description: Texts;
}

const GSEF: SeedOrganisation = { name: 'Global Social Economy Forum (GSEF)', city: 'Seoul', country: 'KR', kind: 'sse_network' };
const CITIES: SeedOrganisation = { name: 'C.I.T.I.E.S.', city: 'Montréal', country: 'CA', kind: 'sse_network' };
const OECD: SeedOrganisation = { name: 'OECD', city: 'Paris', country: 'FR', kind: 'international_organisation' };
const UCLG: SeedOrganisation = { name: 'United Cities and Local Governments (UCLG)', city: 'Barcelona', country: 'ES', kind: 'international_organisation' };
const UNTFSSE: SeedOrganisation = { name: 'UN Inter-Agency Task Force on Social and Solidarity Economy (UNTFSSE)', kind: 'international_organisation' };
const INAES: SeedOrganisation = { name: 'Instituto Nacional de la Economía Social (INAES)', lang: 'es', city: 'Mexico City', country: 'MX', kind: 'public_agency' };
const OIF: SeedOrganisation = { name: 'Organisation internationale de la Francophonie (OIF)', lang: 'fr', city: 'Paris', country: 'FR', kind: 'international_organisation' };
const SHRDC: SeedOrganisation = { name: 'Seoul Human Resources Development Center', city: 'Seoul', country: 'KR', kind: 'public_agency' };
const AVPN: SeedOrganisation = { name: 'AVPN', city: 'Singapore', country: 'SG', kind: 'sse_network' };

export const series: SeedSeries[] = [
  {
    slug: 'gsef-forums', type: 'forum',
    title: { en: 'Global Social Economy Forums', fr: 'Forums mondiaux de l’économie sociale', es: 'Foros Globales de la Economía Social', ko: '국제사회적경제포럼' },
    description: {
      en: 'The network’s biennial gathering, hosted each time by a member city.',
      fr: 'Le grand rendez-vous biennal du réseau, accueilli chaque fois par une ville membre.',
      es: 'El gran encuentro bienal de la red, acogido cada vez por una ciudad miembro.',
      ko: '회원 도시가 돌아가며 개최하는 네트워크의 격년 총회입니다.',
    },
  },
  {
    slug: 'asia-policy-dialogue', type: 'policy_dialogue', region: 'asia-pacific',
    title: { en: 'Asia Policy Dialogue', fr: 'Dialogue politique Asie', es: 'Diálogo Político Asia', ko: '아시아 정책대화' },
    description: {
      en: 'A yearly meeting of Asian local governments and SSE practitioners on public policy for the social economy.',
      fr: 'Une rencontre annuelle des gouvernements locaux et praticiens de l’ESS d’Asie sur les politiques publiques de l’économie sociale.',
      es: 'Un encuentro anual de gobiernos locales y profesionales de la ESS de Asia sobre políticas públicas de economía social.',
      ko: '아시아의 지방정부와 사회연대경제 실무자들이 사회적경제 공공정책을 논의하는 연례 모임입니다.',
    },
  },
  {
    slug: 'europe-policy-dialogue', type: 'policy_dialogue', region: 'europe',
    title: { en: 'Europe Policy Dialogue', fr: 'Dialogue politique Europe', es: 'Diálogo Político Europa', ko: '유럽 정책대화' },
    description: {
      en: 'A forum for GSEF’s European members and partners to work on shared problems and cooperation with the Global South.',
      fr: 'Un espace où les membres et partenaires européens du GSEF travaillent sur des problèmes communs et sur la coopération avec les pays du Sud.',
      es: 'Un espacio donde los miembros y socios europeos del GSEF trabajan sobre problemas comunes y la cooperación con el Sur global.',
      ko: 'GSEF의 유럽 회원과 파트너가 공동의 과제와 남반구와의 협력을 논의하는 자리입니다.',
    },
  },
  {
    slug: 'africa-policy-dialogue', type: 'policy_dialogue', region: 'africa',
    title: { en: 'Africa Policy Dialogue', fr: 'Dialogue politique Afrique', es: 'Diálogo Político África', ko: '아프리카 정책대화' },
    description: {
      en: 'A regional space to debate the local social and economic agenda and build an African SSE network.',
      fr: 'Un espace régional pour débattre de l’agenda économique et social local et bâtir un réseau africain de l’ESS.',
      es: 'Un espacio regional para debatir la agenda económica y social local y construir una red africana de la ESS.',
      ko: '지역의 경제·사회 의제를 논의하고 아프리카 사회연대경제 네트워크를 만드는 지역 협의의 장입니다.',
    },
  },
  {
    slug: 'latin-america-policy-dialogue', type: 'policy_dialogue', region: 'latin-america-caribbean',
    title: { en: 'Latin America Policy Dialogue', fr: 'Dialogue politique Amérique latine', es: 'Diálogo Político América Latina', ko: '라틴아메리카 정책대화' },
    description: {
      en: 'A new series to grow the network in Latin America with its members and regional partners.',
      fr: 'Une nouvelle série pour développer le réseau en Amérique latine avec ses membres et partenaires régionaux.',
      es: 'Una nueva serie para desarrollar la red en América Latina con sus miembros y socios regionales.',
      ko: '회원 및 지역 파트너와 함께 라틴아메리카에서 네트워크를 넓히기 위한 새 시리즈입니다.',
    },
  },
  {
    slug: 'gsef-training-cycle-2019', type: 'training',
    title: { en: 'GSEF training cycle 2019', fr: 'Cycle de formations du GSEF 2019', es: 'Ciclo de formaciones del GSEF 2019', ko: 'GSEF 2019 교육 과정' },
    description: {
      en: 'Four capacity-building trainings held in 2019 in Senegal, Uganda, Korea and Mexico.',
      fr: 'Quatre formations de renforcement des capacités tenues en 2019 au Sénégal, en Ouganda, en Corée et au Mexique.',
      es: 'Cuatro formaciones de fortalecimiento de capacidades celebradas en 2019 en Senegal, Uganda, Corea y México.',
      ko: '2019년 세네갈, 우간다, 한국, 멕시코에서 열린 네 차례의 역량강화 교육입니다.',
    },
  },
  {
    slug: 'inaes-webinars-2020', type: 'webinar', region: 'latin-america-caribbean',
    title: { en: 'INAES webinars for Mexican legislators (2020)', fr: 'Webinaires de l’INAES pour les parlementaires mexicains (2020)', es: 'Webinarios del INAES para legisladores mexicanos (2020)', ko: 'INAES 멕시코 의원 대상 웨비나 (2020)' },
    description: {
      en: 'Six online sessions on co-creating public policy for the social and solidarity economy.',
      fr: 'Six séances en ligne sur la co-construction des politiques publiques de l’ESS.',
      es: 'Seis sesiones en línea sobre la co-construcción de políticas públicas de la ESS.',
      ko: '사회연대경제 공공정책의 공동 설계를 다룬 여섯 차례의 온라인 세션입니다.',
    },
  },
  {
    slug: 'steering-committee-2019', type: 'statutory_meeting',
    title: { en: 'Steering Committee meetings 2019', fr: 'Réunions du Comité directeur 2019', es: 'Reuniones del Comité Directivo 2019', ko: '2019 운영위원회 회의' },
    description: {
      en: 'Quarterly meetings of the Steering Committee, three online and one face to face.',
      fr: 'Réunions trimestrielles du Comité directeur : trois en ligne, une en présentiel.',
      es: 'Reuniones trimestrales del Comité Directivo: tres en línea y una presencial.',
      ko: '운영위원회 분기별 회의로, 세 번은 온라인, 한 번은 대면으로 열립니다.',
    },
  },
];

const policyDialogue = (
  region: 'asia' | 'europe' | 'africa' | 'latin-america',
  edition: number,
  fields: Omit<SeedActivity, 'slug' | 'type' | 'series' | 'edition' | 'title'>,
): SeedActivity => {
  const names = {
    asia: { en: 'Asia Policy Dialogue', fr: 'Dialogue politique Asie', es: 'Diálogo Político Asia', ko: '아시아 정책대화' },
    europe: { en: 'Europe Policy Dialogue', fr: 'Dialogue politique Europe', es: 'Diálogo Político Europa', ko: '유럽 정책대화' },
    africa: { en: 'Africa Policy Dialogue', fr: 'Dialogue politique Afrique', es: 'Diálogo Político África', ko: '아프리카 정책대화' },
    'latin-america': { en: 'Latin America Policy Dialogue', fr: 'Dialogue politique Amérique latine', es: 'Diálogo Político América Latina', ko: '라틴아메리카 정책대화' },
  }[region];
  const ordinal = { en: ['1st', '2nd', '3rd', '4th', '5th', '6th'][edition - 1], fr: edition === 1 ? '1re' : `${edition}e`, es: `${edition}.ª`, ko: `제${edition}회` };
  return {
    slug: `${region}-policy-dialogue-${edition}`,
    type: 'policy_dialogue',
    series: `${region}-policy-dialogue`,
    edition,
    title: {
      en: `${names.en}, ${ordinal.en} edition`,
      fr: `${names.fr}, ${ordinal.fr} édition`,
      es: `${names.es}, ${ordinal.es} edición`,
      ko: `${ordinal.ko} ${names.ko}`,
    },
    themes: ['public-policy', ...(fields.themes ?? [])],
    ...fields,
  };
};

export const activities: SeedActivity[] = [
  // ── Forums ──────────────────────────────────────────────────────────────────────────────────
  {
    slug: 'gsef2013-seoul', type: 'forum', series: 'gsef-forums', edition: 1, start: '2013-11', city: 'Seoul', country: 'KR',
    title: { en: 'GSEF2013 Seoul', fr: 'GSEF2013 Séoul', es: 'GSEF2013 Seúl', ko: 'GSEF2013 서울' },
    summary: {
      en: 'The first Global Social Economy Forum, convened by the City of Seoul, where the idea of a lasting network of cities and SSE actors was born.',
      fr: 'Le premier Forum mondial de l’économie sociale, réuni par la Ville de Séoul, d’où est née l’idée d’un réseau durable de villes et d’acteurs de l’ESS.',
    },
    themes: ['international-cooperation'], organisers: [{ name: 'Seoul Metropolitan Government', city: 'Seoul', country: 'KR', kind: 'local_government' }],
  },
  {
    slug: 'gsef2014-seoul', type: 'forum', series: 'gsef-forums', edition: 2, start: '2014-11', city: 'Seoul', country: 'KR',
    title: { en: 'GSEF2014 Seoul', fr: 'GSEF2014 Séoul', es: 'GSEF2014 Seúl', ko: 'GSEF2014 서울' },
    summary: {
      en: 'The second forum in Seoul, at which GSEF was founded as an association of local governments and SSE networks.',
      fr: 'Le deuxième forum à Séoul, où le GSEF s’est constitué en association de gouvernements locaux et de réseaux de l’ESS.',
    },
    themes: ['governance', 'international-cooperation'], organisers: [GSEF], related: ['asia-policy-dialogue-1'],
  },
  {
    slug: 'gsef2016-montreal', type: 'forum', series: 'gsef-forums', edition: 3, start: '2016-09', city: 'Montréal', country: 'CA',
    title: { en: 'GSEF2016 Montréal', fr: 'GSEF2016 Montréal', es: 'GSEF2016 Montreal', ko: 'GSEF2016 몬트리올' },
    summary: {
      en: 'The first forum held outside Korea, hosted in Montréal on the collaboration between local governments and the social economy.',
      fr: 'Le premier forum tenu hors de Corée, accueilli à Montréal, consacré à la collaboration entre gouvernements locaux et économie sociale.',
    },
    themes: ['public-policy', 'local-development'],
    organisers: [GSEF, { name: 'Ville de Montréal', lang: 'fr', city: 'Montréal', country: 'CA', kind: 'local_government' }, { name: 'Chantier de l’économie sociale', lang: 'fr', city: 'Montréal', country: 'CA', kind: 'sse_network' }],
  },
  {
    slug: 'gsef2018-bilbao', type: 'forum', series: 'gsef-forums', edition: 4, start: '2018-10-01', end: '2018-10-03',
    city: 'Bilbao', country: 'ES', venue: 'Palais Euskalduna', participants: 1700, countries: 36,
    title: { en: 'GSEF2018 Bilbao', fr: 'GSEF2018 Bilbao', es: 'GSEF2018 Bilbao', ko: 'GSEF2018 빌바오' },
    summary: {
      en: 'Three days in Bilbao with about 1,700 participants, where 102 initiatives from 36 countries, chosen from some 600 proposals, were presented in nine workshop sessions.',
      fr: 'Trois jours à Bilbao avec quelque 1 700 participants : 102 initiatives de 36 pays, retenues parmi environ 600 propositions, y ont été présentées en neuf sessions d’ateliers.',
      es: 'Tres días en Bilbao con unas 1.700 personas participantes: 102 iniciativas de 36 países, elegidas entre unas 600 propuestas, se presentaron en nueve sesiones de talleres.',
      ko: '빌바오에서 사흘간 약 1,700명이 참가했으며, 약 600건의 제안 가운데 선정된 36개국 102개 사례가 9개 워크숍 세션에서 소개되었습니다.',
    },
    themes: ['local-development', 'public-policy', 'inclusive-cities'],
    organisers: [GSEF, { name: 'Bilbao City Council', city: 'Bilbao', country: 'ES', kind: 'local_government' }],
    resources: [{ kind: 'programme', title: { en: 'Booklet of the initiatives presented', fr: 'Livret des initiatives présentées' } }],
    related: ['africa-policy-dialogue-1'],
  },
  {
    slug: 'gsef2021-mexico-city', type: 'forum', series: 'gsef-forums', edition: 5, start: '2021-10', format: 'hybrid', city: 'Mexico City', country: 'MX',
    title: { en: 'GSEF2021 Mexico City', fr: 'GSEF2021 Mexico', es: 'GSEF2021 Ciudad de México', ko: 'GSEF2021 멕시코시티' },
    summary: {
      en: 'The fifth forum, first planned for 2020 as GSEF2020 and held in 2021 with Mexico City as host.',
      fr: 'Le cinquième forum, prévu d’abord en 2020 sous le nom de GSEF2020, tenu en 2021 avec Mexico pour ville hôte.',
    },
    themes: ['local-development', 'covid-19'], organisers: [GSEF, { name: 'Gobierno de la Ciudad de México', lang: 'es', city: 'Mexico City', country: 'MX', kind: 'local_government' }],
    related: ['gsef2020-preparatory-meeting-2019', 'gsef2020-mou-signature-2019', 'inaes-webinar-series-2020'],
  },

  // ── Trainings and learning sessions 2017–2021 ───────────────────────────────────────────────
  {
    slug: 'gsef-uclga-alga-capacity-building-2021', type: 'training', start: '2021-04-19', end: '2021-04-22', format: 'online',
    participants: 30, countries: 15,
    title: {
      en: 'GSEF–UCLG Africa–ALGA capacity-building programme on SSE', fr: 'Programme GSEF-CGLUA-ALGA de renforcement des capacités en ESS',
      es: 'Programa GSEF-CGLU África-ALGA de fortalecimiento de capacidades en ESS', ko: 'GSEF–UCLG 아프리카–ALGA 사회연대경제 역량강화 프로그램',
    },
    summary: {
      en: 'Four days of online learning in French for some thirty participants from about fifteen countries in Africa, North America and Europe.',
      fr: 'Quatre jours de formation en ligne, en français, pour une trentaine de participants venus d’une quinzaine de pays d’Afrique, d’Amérique du Nord et d’Europe.',
    },
    themes: ['capacity-building', 'public-policy'], organisers: [GSEF],
    partners: [{ name: 'UCLG Africa', city: 'Rabat', country: 'MA', kind: 'international_organisation' }, { name: 'African Local Governments Academy (ALGA)', city: 'Rabat', country: 'MA', kind: 'research' }],
    resources: [{ kind: 'programme', title: { en: 'Programme and course documents', fr: 'Programme et documents de la formation' } }],
  },
  {
    slug: 'mexico-city-capacity-building-2019', type: 'training', series: 'gsef-training-cycle-2019', edition: 4, start: '2019-11-27', end: '2019-11-28',
    city: 'Mexico City', country: 'MX',
    title: {
      en: 'GSEF training cycle: SSE capacity-building workshop in Mexico City', fr: 'Cycle de formations du GSEF : atelier de renforcement des capacités en ESS à Mexico',
      es: 'Ciclo de formaciones del GSEF: taller de fortalecimiento de capacidades en ESS en Ciudad de México', ko: 'GSEF 교육 과정: 멕시코시티 사회연대경제 역량강화 워크숍',
    },
    summary: {
      en: 'Municipal and national officials, SSE actors and universities met in thematic working groups and plenary debates on building a lasting SSE ecosystem.',
      fr: 'Fonctionnaires municipaux et nationaux, acteurs de l’ESS et universités ont travaillé en groupes thématiques et en plénière sur la construction d’un écosystème durable de l’ESS.',
    },
    themes: ['capacity-building', 'local-development'], organisers: [GSEF], partners: [INAES],
    resources: [{ kind: 'photos', title: { en: 'Photo gallery', fr: 'Galerie de photos' } }],
  },
  {
    slug: 'gsef-shrdc-capacity-building-2019', type: 'training', series: 'gsef-training-cycle-2019', edition: 3, start: '2019-10-28', end: '2019-11-01',
    city: 'Seoul', country: 'KR', participants: 13, countries: 9,
    title: {
      en: 'GSEF–SHRDC capacity-building programme on SSE 2019', fr: 'Programme GSEF-SHRDC de renforcement des capacités en ESS 2019',
      es: 'Programa GSEF-SHRDC de fortalecimiento de capacidades en ESS 2019', ko: '2019 GSEF–서울시인재개발원 사회연대경제 역량강화 프로그램',
    },
    summary: {
      en: 'A week in Seoul for 13 civil servants from 12 local governments in 9 countries, with lectures and site visits on Seoul’s social economy ecosystem.',
      fr: 'Une semaine à Séoul pour 13 fonctionnaires de 12 gouvernements locaux de 9 pays, entre conférences et visites de terrain sur l’écosystème de l’économie sociale de Séoul.',
    },
    themes: ['capacity-building', 'public-policy'], organisers: [GSEF, SHRDC],
    related: ['asia-officials-training-2019'],
  },
  {
    slug: 'kampala-east-africa-training-2019', type: 'training', series: 'gsef-training-cycle-2019', edition: 2, start: '2019-08-21', end: '2019-08-23',
    city: 'Kampala', country: 'UG', participants: 60,
    title: {
      en: 'GSEF training cycle: East Africa training programme in Uganda', fr: 'Cycle de formations du GSEF : programme de formation pour l’Afrique de l’Est en Ouganda',
      es: 'Ciclo de formaciones del GSEF: programa de formación para África Oriental en Uganda', ko: 'GSEF 교육 과정: 우간다 동아프리카 교육 프로그램',
    },
    summary: {
      en: 'More than 60 SSE actors and leaders from Uganda and East Africa trained together in Kampala and adopted a declaration of commitment.',
      fr: 'Plus de 60 acteurs et responsables de l’ESS d’Ouganda et d’Afrique de l’Est se sont formés ensemble à Kampala et ont adopté une déclaration d’engagement.',
    },
    themes: ['capacity-building', 'local-development'], organisers: [GSEF, { name: 'Kampala Capital City Authority (KCCA)', city: 'Kampala', country: 'UG', kind: 'local_government' }],
    resources: [{ kind: 'declaration', title: { en: 'Declaration of the participants', fr: 'Déclaration des participants' } }, { kind: 'photos', title: { en: 'Photos', fr: 'Photos' } }],
    related: ['east-southern-africa-training-2019'],
  },
  {
    slug: 'senegal-national-capacity-building-2019', type: 'training', series: 'gsef-training-cycle-2019', edition: 1, start: '2019-05-01', end: '2019-05-03',
    city: 'Saly', country: 'SN',
    title: {
      en: 'GSEF training cycle: national capacity-building session in Senegal', fr: 'Cycle de formations du GSEF : session nationale de renforcement des capacités au Sénégal',
      es: 'Ciclo de formaciones del GSEF: sesión nacional de fortalecimiento de capacidades en Senegal', ko: 'GSEF 교육 과정: 세네갈 국가 역량강화 세션',
    },
    summary: {
      en: 'Local governments, SSE organisations, NGOs and businesses from across Senegal worked in six thematic workshops and drew up an action plan for the country’s SSE.',
      fr: 'Gouvernements locaux, organisations de l’ESS, ONG et entreprises de tout le Sénégal ont travaillé en six ateliers thématiques et élaboré un plan d’action pour l’ESS du pays.',
    },
    themes: ['capacity-building', 'public-policy', 'social-finance'], organisers: [GSEF],
    partners: [{ name: 'Plateforme des Acteurs non Etatiques (PFAnE)', lang: 'fr', city: 'Dakar', country: 'SN', kind: 'sse_network' }, { name: 'Ville de Dakar', lang: 'fr', city: 'Dakar', country: 'SN', kind: 'local_government' }, OIF],
    resources: [
      { kind: 'report', title: { en: 'Report of the session', fr: 'Rapport de la session' } },
      { kind: 'photos', title: { en: 'Photos of the event', fr: 'Photos de l’évènement' } },
      { kind: 'press_release', title: { en: 'Press release of the OIF', fr: 'Communiqué de presse de l’OIF' } },
      { kind: 'video', title: { en: 'Message from Laurence Kwark', fr: 'Message de Laurence Kwark' } },
      { kind: 'interview', title: { en: 'Interview: Babacar Gueye, President of the PFAnE', fr: 'Entretien : Babacar Gueye, président de la PFAnE' } },
      { kind: 'interview', title: { en: 'Interview: Mourad Dieye Gueye, Secretary General of the City of Dakar', fr: 'Entretien : Mourad Dieye Gueye, secrétaire général de la Ville de Dakar' } },
      { kind: 'interview', title: { en: 'Interview: Cheick Gueye, Mayor of Dieuppeul-Derklé', fr: 'Entretien : Cheick Gueye, maire de Dieuppeul-Derklé' } },
      { kind: 'interview', title: { en: 'Interview: Jean Goepp, founder of Nebeday', fr: 'Entretien : Jean Goepp, fondateur de Nebeday' } },
      { kind: 'interview', title: { en: 'Interview: Mame Saye Seck, UNSAS', fr: 'Entretien : Mame Saye Seck, UNSAS' } },
    ],
    related: ['west-africa-training-2019'],
  },
  {
    slug: 'cities-learning-session-2018', type: 'learning_session', start: '2018-04-17', end: '2018-04-20', city: 'Seoul', country: 'KR',
    title: { en: 'C.I.T.I.E.S. learning session', fr: 'Session d’apprentissage de C.I.T.I.E.S.', es: 'Sesión de aprendizaje de C.I.T.I.E.S.', ko: 'C.I.T.I.E.S. 학습 세션' },
    summary: {
      en: 'Social finance experts from Québec led workshops for Seoul practitioners on how Québec finances its social economy.',
      fr: 'Des experts québécois de la finance sociale ont animé des ateliers pour les praticiens de Séoul sur le financement de l’économie sociale au Québec.',
    },
    themes: ['social-finance'], organisers: [GSEF, CITIES],
    partners: [{ name: 'RISQ', lang: 'fr', city: 'Montréal', country: 'CA', kind: 'sse_network' }, { name: 'MCE Conseils', lang: 'fr', country: 'CA', kind: 'enterprise' }, { name: 'CAP Finance', lang: 'fr', country: 'CA', kind: 'sse_network' }],
  },
  {
    slug: 'apay-learning-session-2018', type: 'learning_session', start: '2018-03-15', city: 'Hong Kong', country: 'HK', venue: 'YMCA City View Hotel', participants: 100,
    title: { en: 'Learning session at the APAY Executive Committee', fr: 'Session d’apprentissage à la réunion du Comité exécutif de l’APAY', es: 'Sesión de aprendizaje en el Comité Ejecutivo de la APAY', ko: 'APAY 집행위원회 학습 세션' },
    summary: {
      en: 'A lecture on the social and solidarity economy for about 100 members of the Asia Pacific Alliance of YMCAs, with a focus on youth.',
      fr: 'Une conférence sur l’économie sociale et solidaire devant une centaine de membres de l’Alliance des YMCA d’Asie-Pacifique, tournée vers la jeunesse.',
    },
    themes: ['youth'], speakers: ['Rev. Kyongyong Song'], organisers: [{ name: 'Asia Pacific Alliance of YMCAs (APAY)', city: 'Hong Kong', country: 'HK', kind: 'sse_network' }], partners: [GSEF],
  },
  {
    slug: 'citynet-congress-session-2017', type: 'conference_session', start: '2017-11-06', city: 'Colombo', country: 'LK', participants: 30,
    title: { en: 'Economic development for inclusive cities, at the 8th CityNet Congress', fr: 'Développement économique pour des villes inclusives, au 8e Congrès CityNet', es: 'Desarrollo económico para ciudades inclusivas, en el 8.º Congreso CityNet', ko: '제8회 CityNet 총회 세션: 포용도시를 위한 경제개발' },
    summary: {
      en: 'A joint session with the Asia Foundation where Suwon, Seberang Perai and Jaffna presented their urban initiatives to some 30 officials, practitioners and academics.',
      fr: 'Une session commune avec l’Asia Foundation où Suwon, Seberang Perai et Jaffna ont présenté leurs initiatives urbaines à une trentaine de responsables, praticiens et universitaires.',
    },
    themes: ['inclusive-cities', 'local-development'], organisers: [GSEF], partners: [{ name: 'The Asia Foundation', kind: 'international_organisation' }],
  },
  {
    slug: 'gsef-itc-ilo-academy-2017', type: 'training', start: '2017-06-26', end: '2017-06-30', city: 'Seoul', country: 'KR',
    title: { en: 'GSEF & ITC-ILO Academy on Social and Solidarity Economy', fr: 'Académie GSEF & CIF-OIT sur l’économie sociale et solidaire', es: 'Academia GSEF y CIF-OIT sobre Economía Social y Solidaria', ko: 'GSEF–ITC-ILO 사회연대경제 아카데미' },
    summary: {
      en: 'The eighth ILO Academy on SSE and the first in Asia, on innovative ecosystems for SSE public policy and the future of work.',
      fr: 'La huitième Académie de l’OIT sur l’ESS, la première en Asie, consacrée aux écosystèmes innovants de politiques publiques de l’ESS et à l’avenir du travail.',
    },
    themes: ['public-policy', 'future-of-work', 'social-finance', 'sdgs', 'youth'],
    organisers: [GSEF, { name: 'International Training Centre of the ILO (ITC-ILO)', city: 'Turin', country: 'IT', kind: 'international_organisation' }],
  },
  {
    slug: 'uclg-learning-session-2017', type: 'learning_session', start: '2017-06-19', city: 'Montréal', country: 'CA', venue: 'Metropolis Congress',
    title: { en: 'UCLG peer-learning session', fr: 'Session d’apprentissage de CGLU', es: 'Sesión de aprendizaje entre pares de CGLU', ko: 'UCLG 동료학습 세션' },
    summary: {
      en: 'A peer-learning workshop at the Metropolis Congress on how the social and solidarity economy can transform urban neighbourhoods.',
      fr: 'Un atelier d’apprentissage entre pairs au Congrès de Metropolis sur la transformation des quartiers urbains par l’économie sociale et solidaire.',
    },
    themes: ['inclusive-cities'], organisers: [GSEF],
    partners: [UCLG, { name: 'South African Cities Network (SACN)', country: 'ZA', kind: 'sse_network' }, { name: 'Ville de Montréal', lang: 'fr', city: 'Montréal', country: 'CA', kind: 'local_government' }, { name: 'Barcelona Activa', city: 'Barcelona', country: 'ES', kind: 'public_agency' }, CITIES],
  },

  // ── International collaboration ─────────────────────────────────────────────────────────────
  {
    slug: 'habitat-iii-2016', type: 'partner_event', start: '2016-10-17', end: '2016-10-20', city: 'Quito', country: 'EC',
    title: { en: 'Habitat III', fr: 'Habitat III', es: 'Hábitat III', ko: '해비타트 III' },
    summary: {
      en: 'With other SSE networks, GSEF helped bring the social and solidarity economy into the New Urban Agenda adopted here.',
      fr: 'Avec d’autres réseaux de l’ESS, le GSEF a contribué à faire entrer l’économie sociale et solidaire dans le Nouvel Agenda urbain adopté ici.',
    },
    themes: ['sdgs', 'inclusive-cities'],
  },
  {
    slug: 'led-forum-praia-2017', type: 'partner_event', start: '2017-10-17', end: '2017-10-20', city: 'Praia', country: 'CV',
    title: { en: '4th World Forum of Local Economic Development', fr: '4e Forum mondial du développement économique local', es: '4.º Foro Mundial de Desarrollo Económico Local', ko: '제4회 세계 지역경제개발 포럼' },
    summary: { en: 'GSEF published the Praia Manifesto at this forum.', fr: 'Le GSEF a publié le Manifeste de Praia lors de ce forum.' },
    themes: ['local-development'], resources: [{ kind: 'declaration', title: { en: 'Praia Manifesto', fr: 'Manifeste de Praia' } }],
  },
  {
    slug: 'hlpf-side-event-2018', type: 'conference_session', start: '2018-07-09', end: '2018-07-18', city: 'New York', country: 'US',
    title: { en: 'Side event “The SDGs and the SSE” at the High-Level Political Forum', fr: 'Événement parallèle « Les ODD et l’ESS » au Forum politique de haut niveau', es: 'Evento paralelo «Los ODS y la ESS» en el Foro Político de Alto Nivel', ko: '고위급정치포럼 부대행사: 지속가능발전목표와 사회연대경제' },
    summary: {
      en: 'A side event on the Sustainable Development Goals and the SSE, organised with UNDESA and UNRISD during the forum.',
      fr: 'Un événement parallèle sur les Objectifs de développement durable et l’ESS, organisé avec l’UNDESA et l’UNRISD pendant le forum.',
    },
    themes: ['sdgs'], organisers: [GSEF], partners: [{ name: 'UNDESA', city: 'New York', country: 'US', kind: 'international_organisation' }, { name: 'UNRISD', city: 'Geneva', country: 'CH', kind: 'research' }],
  },
  // Participations the documents date by their year alone (year precision: "2018, exact date
  // not known"). The UCLG Culture Summit and the RTES seminar are not dated at all; they are listed
  // with the 2017–2018 engagements, so their year is the likeliest one and stays tentative.
  {
    slug: 'wuf9-session-2018', type: 'conference_session', start: '2018', city: 'Kuala Lumpur', country: 'MY',
    title: { en: 'SSE session at the 9th World Urban Forum', fr: 'Session sur l’ESS au 9e Forum urbain mondial', es: 'Sesión sobre la ESS en el 9.º Foro Urbano Mundial', ko: '제9차 세계도시포럼 사회연대경제 세션' },
    summary: {
      en: 'GSEF ran a thematic session on the social and solidarity economy at UN-Habitat’s World Urban Forum.',
      fr: 'Le GSEF a animé une session thématique sur l’économie sociale et solidaire au Forum urbain mondial d’ONU-Habitat.',
      es: 'El GSEF organizó una sesión temática sobre la economía social y solidaria en el Foro Urbano Mundial de ONU-Hábitat.',
      ko: 'GSEF는 유엔 해비타트의 세계도시포럼에서 사회연대경제를 주제로 한 세션을 운영했습니다.',
    },
    themes: ['inclusive-cities', 'sdgs'], organisers: [GSEF], partners: [{ name: 'UN-Habitat', city: 'Nairobi', country: 'KE', kind: 'international_organisation' }],
  },
  {
    slug: 'asia-pacific-cities-summit-2017', type: 'partner_event', start: '2017', city: 'Daejeon', country: 'KR',
    title: { en: 'Asia-Pacific Cities Summit 2017', fr: 'Sommet des villes d’Asie-Pacifique 2017', es: 'Cumbre de Ciudades de Asia-Pacífico 2017', ko: '2017 아시아태평양도시정상회의' },
    summary: {
      en: 'One of three UN sustainable-development fora on the SDGs where GSEF was invited to share its member cities’ cases and lessons.',
      fr: 'L’un des trois forums des Nations unies sur les ODD où le GSEF a été invité à présenter les cas et les enseignements de ses villes membres.',
      es: 'Uno de los tres foros de las Naciones Unidas sobre los ODS a los que el GSEF fue invitado para presentar casos y lecciones de sus ciudades miembro.',
      ko: 'GSEF가 회원 도시의 사례와 교훈을 발표하도록 초청받은 유엔 지속가능발전목표 포럼 세 곳 가운데 하나입니다.',
    },
    themes: ['sdgs', 'inclusive-cities'], related: ['sdg-training-incheon-2017', 'international-mayors-forum-lilongwe-2018'],
  },
  {
    slug: 'sdg-training-incheon-2017', type: 'partner_event', start: '2017', city: 'Incheon', country: 'KR',
    title: { en: 'SDG training 2017', fr: 'Formation aux ODD 2017', es: 'Formación sobre los ODS 2017', ko: '2017 지속가능발전목표 교육' },
    summary: {
      en: 'A UN training on the Sustainable Development Goals where GSEF presented the experience of its members.',
      fr: 'Une formation des Nations unies sur les Objectifs de développement durable où le GSEF a présenté l’expérience de ses membres.',
      es: 'Una formación de las Naciones Unidas sobre los Objetivos de Desarrollo Sostenible en la que el GSEF presentó la experiencia de sus miembros.',
      ko: 'GSEF가 회원들의 경험을 발표한 유엔 지속가능발전목표 교육 과정입니다.',
    },
    themes: ['sdgs', 'capacity-building'], related: ['asia-pacific-cities-summit-2017', 'international-mayors-forum-lilongwe-2018'],
  },
  {
    slug: 'international-mayors-forum-lilongwe-2018', type: 'partner_event', start: '2018', city: 'Lilongwe', country: 'MW',
    title: { en: 'International Mayors Forum 2018', fr: 'Forum international des maires 2018', es: 'Foro Internacional de Alcaldes 2018', ko: '2018 국제시장포럼' },
    summary: {
      en: 'A UN forum for mayors on the SDGs, in Malawi, where GSEF shared case studies from its member cities and organisations.',
      fr: 'Un forum des Nations unies pour les maires sur les ODD, au Malawi, où le GSEF a partagé des études de cas de ses villes et organisations membres.',
      es: 'Un foro de las Naciones Unidas para alcaldes sobre los ODS, en Malaui, donde el GSEF compartió estudios de caso de sus ciudades y organizaciones miembro.',
      ko: '말라위에서 열린 유엔의 시장 대상 지속가능발전목표 포럼으로, GSEF가 회원 도시와 단체의 사례를 공유했습니다.',
    },
    themes: ['sdgs', 'local-development'], related: ['asia-pacific-cities-summit-2017', 'sdg-training-incheon-2017'],
  },
  {
    slug: 'uclg-culture-summit', type: 'partner_event', start: '2017', tentative: true,
    title: { en: 'UCLG Culture Summit', fr: 'Sommet Culture de CGLU', es: 'Cumbre de Cultura de CGLU', ko: 'UCLG 문화정상회의' },
    summary: {
      en: 'GSEF took part in UCLG’s summit on culture and cities to present what its members have learned. The year is not recorded and remains to be confirmed.',
      fr: 'Le GSEF a participé au sommet de CGLU sur la culture et les villes pour présenter les enseignements de ses membres. L’année n’est pas consignée et reste à confirmer.',
      es: 'El GSEF participó en la cumbre de CGLU sobre cultura y ciudades para presentar lo aprendido por sus miembros. El año no consta y queda por confirmar.',
      ko: 'GSEF는 문화와 도시를 주제로 한 UCLG 정상회의에 참여해 회원들의 경험을 소개했습니다. 연도는 기록되어 있지 않아 확인이 필요합니다.',
    },
    themes: ['inclusive-cities', 'international-cooperation'], organisers: [UCLG],
  },
  {
    slug: 'rtes-annual-seminar', type: 'partner_event', start: '2018', tentative: true, country: 'FR',
    title: { en: 'RTES annual seminar', fr: 'Séminaire annuel du RTES', es: 'Seminario anual de la RTES', ko: 'RTES 연례 세미나' },
    summary: {
      en: 'GSEF was invited to the yearly seminar of RTES, the French network of local authorities for the solidarity economy. The year is not recorded and remains to be confirmed.',
      fr: 'Le GSEF a été invité au séminaire annuel du RTES, le réseau français des collectivités pour l’économie solidaire. L’année n’est pas consignée et reste à confirmer.',
      es: 'El GSEF fue invitado al seminario anual de la RTES, la red francesa de autoridades locales por la economía solidaria. El año no consta y queda por confirmar.',
      ko: 'GSEF는 프랑스의 연대경제 지방정부 네트워크인 RTES의 연례 세미나에 초청받았습니다. 연도는 기록되어 있지 않아 확인이 필요합니다.',
    },
    themes: ['public-policy', 'international-cooperation'],
    organisers: [{ name: 'Réseau des collectivités Territoriales pour une Économie Solidaire (RTES)', lang: 'fr', country: 'FR', kind: 'sse_network' }],
    related: ['rtes-cuf-aimf-conference-2019'],
  },
  {
    slug: 'untfsse-conference-session-2019', type: 'conference_session', start: '2019-06-25', end: '2019-06-26', city: 'Geneva', country: 'CH',
    title: { en: 'Special session at the UNTFSSE international conference', fr: 'Session spéciale à la conférence internationale de l’UNTFSSE', es: 'Sesión especial en la conferencia internacional del UNTFSSE', ko: 'UNTFSSE 국제회의 특별 세션' },
    summary: {
      en: 'With the OECD, GSEF organised a session on partnerships between local governments and the SSE for inclusive cities, with speakers from Barcelona, Seoul, Kampala and Hyundai Motor Group.',
      fr: 'Avec l’OCDE, le GSEF a organisé une session sur les partenariats entre gouvernements locaux et ESS pour des villes inclusives, avec des intervenants de Barcelone, Séoul, Kampala et du groupe Hyundai Motor.',
    },
    themes: ['sdgs', 'inclusive-cities', 'public-policy'],
    speakers: ['Ester Vidal (Barcelona City Council)', 'Joon Hyung Lee (Seoul Metropolitan Council)', 'Edison Masereka (Kampala Capital City Authority)', 'Byung-hoon Lee (Hyundai Motor Group)', 'Antonella Noya (OECD), moderator', 'Laurence Kwark (GSEF), opening remarks'],
    organisers: [GSEF, OECD], partners: [UNTFSSE],
    resources: [{ kind: 'presentation', title: { en: 'Presentations of the speakers', fr: 'Présentations des intervenants' } }],
    related: ['untfsse-international-forum-2019'],
  },
  {
    slug: 'gsef-preparatory-webinars-2020', type: 'webinar', start: '2020', format: 'online',
    title: { en: 'GSEF preparatory webinar series', fr: 'Série de webinaires préparatoires du GSEF', es: 'Serie de webinarios preparatorios del GSEF', ko: 'GSEF 준비 웨비나 시리즈' },
    summary: {
      en: 'Webinars on the way to the next forum, in which members and partners shared what they did in the COVID-19 crisis; GSEF’s Secretary General drew on them in the fifth INAES webinar.',
      fr: 'Des webinaires sur la route du prochain forum, où membres et partenaires ont partagé leurs actions face à la crise du COVID-19 ; la secrétaire générale du GSEF s’en est servie au cinquième webinaire de l’INAES.',
      es: 'Webinarios camino del próximo foro, en los que miembros y socios compartieron lo que hicieron ante la crisis de la COVID-19; la secretaria general del GSEF se apoyó en ellos en el quinto webinario del INAES.',
      ko: '다음 포럼을 준비하며 회원과 파트너가 코로나19 위기 대응 경험을 나눈 웨비나로, GSEF 사무총장은 이를 INAES 다섯 번째 웨비나에서 소개했습니다.',
    },
    themes: ['covid-19', 'international-cooperation'], organisers: [GSEF], related: ['inaes-webinar-series-2020', 'gsef2021-mexico-city'],
  },
  {
    slug: 'inaes-webinar-series-2020', type: 'webinar', start: '2020-05-26', end: '2020-06-30', format: 'online', country: 'MX',
    title: { en: 'INAES webinar series on the SSE for Mexican legislators', fr: 'Série de webinaires de l’INAES sur l’ESS pour les parlementaires mexicains', es: 'Serie de webinarios del INAES sobre la ESS para legisladores mexicanos', ko: 'INAES 멕시코 의원 대상 사회연대경제 웨비나 시리즈' },
    summary: {
      en: 'Six webinars on co-creating a new economic and social model, run by INAES with GSEF and the GSEF2021 local organising committee.',
      fr: 'Six webinaires sur la co-création d’un nouveau modèle économique et social, organisés par l’INAES avec le GSEF et le comité local d’organisation du GSEF2021.',
    },
    themes: ['public-policy', 'covid-19'], organisers: [INAES], partners: [GSEF, { name: 'GSEF2021 Local Organising Committee', city: 'Mexico City', country: 'MX', kind: 'other' }],
  },
  ...[
    ['2020-05-26', 'Strategic changes of the social and economic models against COVID-19', 'Changements stratégiques des modèles économiques et sociaux face au COVID-19', ['Juan Antonio Pedreño (Social Economy Europe, CEPES)']],
    ['2020-06-02', 'Social economy: social inclusion and well-being', 'Économie sociale : inclusion sociale et bien-être', ['Juan Carlos Urgiles', 'Hernán Rodas']],
    ['2020-06-09', 'Social economy as a vehicle to achieve sustainable development', 'L’économie sociale, levier du développement durable', ['Maude Brossard-Sabourin (Chantier de l’économie sociale, Québec)']],
    ['2020-06-16', 'Public policies for SSE ecosystems: the role of policy makers', 'Politiques publiques pour les écosystèmes de l’ESS : le rôle des décideurs', ['Antonella Noya (OECD)']],
    ['2020-06-23', 'The social and economic model after COVID-19: challenges and how to overcome them', 'Le modèle économique et social après le COVID-19 : défis et moyens de les surmonter', ['Laurence Kwark (GSEF)']],
    ['2020-06-30', 'Premise for better governance: public policies for the social economy', 'Condition d’une meilleure gouvernance : les politiques publiques de l’économie sociale', ['María Luisa Albores González (Mexico)', 'Joaquín Pérez Rey (Spain)', 'Maravillas Espín Sáez (Spain)', 'Luisa María Alcalde Luján (Mexico)']],
  ].map(([date, en, fr, speakers], index): SeedActivity => ({
    slug: `inaes-webinar-2020-${index + 1}`, type: 'webinar', parent: 'inaes-webinar-series-2020', series: 'inaes-webinars-2020', edition: index + 1,
    start: date as string, format: 'online', country: 'MX',
    title: { en: `Webinar ${index + 1}: ${en}`, fr: `Webinaire ${index + 1} : ${fr}`, es: `Webinario ${index + 1}: ${webinarThemesEsKo[index]!.es}`, ko: `웨비나 ${index + 1}: ${webinarThemesEsKo[index]!.ko}` },
    summary: { en: en as string, fr: fr as string, ...webinarThemesEsKo[index] },
    themes: index === 0 || index === 4 ? ['covid-19', 'public-policy'] : ['public-policy'], speakers: speakers as string[],
  })),

  // ── Policy dialogues: past editions ─────────────────────────────────────────────────────────
  policyDialogue('asia', 1, { start: '2014-11-17', city: 'Seoul', country: 'KR', participants: 70, summary: { en: 'Theme: what is distinctive about the social economy in Asia, and the roles of government and civil society.', fr: 'Thème : les traits de l’économie sociale en Asie et les rôles du gouvernement et de la société civile.' } }),
  policyDialogue('asia', 2, { start: '2015-11-04', city: 'Seoul', country: 'KR', participants: 60, summary: { en: 'Theme: models of cooperation between the sectors of the social economy in Asia.', fr: 'Thème : les modèles de coopération entre les secteurs de l’économie sociale en Asie.' } }),
  policyDialogue('asia', 3, { start: '2016-05-26', city: 'Hong Kong', country: 'HK', participants: 80, summary: { en: 'Theme: how governments can make the most of the social economy’s impact in Asia.', fr: 'Thème : comment les gouvernements peuvent optimiser l’impact de l’économie sociale en Asie.' } }),
  policyDialogue('asia', 4, { start: '2017-07-01', city: 'Seoul', country: 'KR', participants: 60, themes: ['local-development'], summary: { en: 'Theme: SSE policies for inclusive and sustainable socio-economic development.', fr: 'Thème : des politiques d’ESS pour un développement socio-économique inclusif et durable.' } }),
  policyDialogue('asia', 5, { start: '2018-07-07', city: 'Seoul', country: 'KR', participants: 60, themes: ['social-finance'], summary: { en: 'Theme: social finance policies that add value and competitiveness to the SSE.', fr: 'Thème : des politiques de finance sociale qui renforcent la valeur et la compétitivité de l’ESS.' } }),
  policyDialogue('europe', 1, { start: '2017-12-05', city: 'Archamps', country: 'FR', participants: 20, summary: { en: 'Theme: transformative partnerships between local governments and SSE actors.', fr: 'Thème : des partenariats transformateurs entre gouvernements locaux et acteurs de l’ESS.' } }),
  policyDialogue('europe', 2, { start: '2018-11-07', city: 'Madrid', country: 'ES', participants: 20, themes: ['sdgs'], summary: { en: 'Theme: harmonious and inclusive societies for sustainable development through the SSE.', fr: 'Thème : des sociétés harmonieuses et inclusives pour un développement durable grâce à l’ESS.' } }),
  policyDialogue('africa', 1, { start: '2018-10-02', city: 'Bilbao', country: 'ES', participants: 100, themes: ['youth'], related: ['gsef2018-bilbao'], summary: { en: 'Held during GSEF2018. Theme: answers from the SSE to youth unemployment.', fr: 'Tenu pendant le GSEF2018. Thème : les réponses de l’ESS au chômage des jeunes.' } }),

  // ── The 2019 calendar, as drafted (most dates and places to be confirmed) ─────────────────────
  ...calendar2019(),

  // ── Research project 2019–2020, in phases ───────────────────────────────────────────────────
  {
    slug: 'sse-policy-module-research-2019', type: 'research_project', start: '2019-01', end: '2020-12', tentative: true,
    title: { en: 'Research: a module on implementing and evaluating SSE policies for local governments', fr: 'Recherche : un module de mise en œuvre et d’évaluation des politiques d’ESS pour les gouvernements locaux', es: 'Investigación: un módulo de aplicación y evaluación de políticas de ESS para gobiernos locales', ko: '연구: 지방정부를 위한 사회연대경제 정책 실행·평가 모듈' },
    summary: {
      en: 'A two-year joint project drawing on the cases of Barcelona, Québec and Seoul, for local officials in developing countries, researchers and practitioners. Partners to be confirmed among the OECD, C.I.T.I.E.S. and UNRISD.',
      fr: 'Un projet commun de deux ans fondé sur les cas de Barcelone, Québec et Séoul, destiné aux responsables locaux des pays en développement, aux chercheurs et aux praticiens. Partenaires à confirmer parmi l’OCDE, C.I.T.I.E.S. et l’UNRISD.',
    },
    themes: ['research', 'public-policy'], organisers: [GSEF], partners: [OECD, CITIES, { name: 'UNRISD', city: 'Geneva', country: 'CH', kind: 'research' }],
    related: ['oecd-meeting-2019', 'research-contract-2019', 'research-launch-2019'],
  },
  {
    slug: 'sse-policy-module-research-phase-0', type: 'research_project', parent: 'sse-policy-module-research-2019', start: '2019-01', end: '2019-03', tentative: true,
    title: { en: 'Phase 0: framework and partnership', fr: 'Phase 0 : cadre et partenariat', es: 'Fase 0: marco y alianza', ko: '0단계: 연구 틀과 협약' },
    summary: { ...researchPhasesEsKo['sse-policy-module-research-phase-0'], en: 'Define the scope and fields of research, talk with partners and sign the agreement with the research institute.', fr: 'Définir le cadre et les domaines de recherche, échanger avec les partenaires et signer la convention avec l’institut de recherche.' },
    themes: ['research'],
  },
  {
    slug: 'sse-policy-module-research-phase-1', type: 'research_project', parent: 'sse-policy-module-research-2019', start: '2019-04', end: '2019-12', tentative: true,
    title: { en: 'Phase 1: launch and field studies', fr: 'Phase 1 : lancement et études de terrain', es: 'Fase 1: lanzamiento y estudios de campo', ko: '1단계: 착수와 현장 연구' },
    summary: { ...researchPhasesEsKo['sse-policy-module-research-phase-1'], en: 'Form the research team, carry out preliminary research, settle the framework and study the field.', fr: 'Constituer l’équipe, mener les recherches préliminaires, arrêter le cadre et conduire les études de terrain.' },
    themes: ['research'],
  },
  {
    slug: 'sse-policy-module-research-phase-2', type: 'research_project', parent: 'sse-policy-module-research-2019', start: '2020-01', end: '2020-12', tentative: true,
    title: { en: 'Phase 2: draft module and final report', fr: 'Phase 2 : ébauche du module et rapport final', es: 'Fase 2: borrador del módulo e informe final', ko: '2단계: 모듈 초안과 최종 보고서' },
    summary: { ...researchPhasesEsKo['sse-policy-module-research-phase-2'], en: 'Draft the module, test its feasibility and publish the final report.', fr: 'Rédiger l’ébauche du module, en éprouver la faisabilité et publier le rapport final.' },
    themes: ['research'],
  },
  {
    slug: 'advisors-meeting-medellin-2019', type: 'statutory_meeting', start: '2019-07', tentative: true, city: 'Medellín', country: 'CO',
    title: { en: 'International Advisors’ meeting', fr: 'Réunion des Conseillers internationaux', es: 'Reunión de los Asesores Internacionales', ko: '국제자문위원 회의' },
    summary: { en: 'The second of the advisors’ two meetings planned for 2019.', fr: 'La seconde des deux réunions des conseillers prévues en 2019.' },
    themes: ['governance'], organisers: [GSEF],
  },
];

type Row = [slug: string, type: string, start: string, end: string | undefined, place: [string, string] | 'online' | null, title: Texts, summary: Texts, extra?: Partial<SeedActivity>];

/** The 34 entries of the provisional 2019 calendar, with their dates exactly as precise as drafted. */
function calendar2019(): SeedActivity[] {
  const t = (en: string, fr: string, es: string, ko: string): Texts => ({ en, fr, es, ko });
  const planned: Texts = { en: 'Planned in the provisional 2019 programme.', fr: 'Prévu au programme provisoire 2019.', es: 'Previsto en el programa provisional de 2019.', ko: '2019년 잠정 프로그램에 예정된 일정입니다.' };
  const rows: Row[] = [
    ['oecd-meeting-2019', 'partner_event', '2019-01-08', undefined, ['Paris', 'FR'], t('Meeting with the OECD on the research project', 'Réunion avec l’OCDE sur le projet de recherche', 'Reunión con la OCDE sobre el proyecto de investigación', '연구 프로젝트 관련 OECD 회의'), { en: 'Choosing the research partner and deciding on the research project.', fr: 'Choix du partenaire et décision sur le projet de recherche.' }, { themes: ['research'], partners: [OECD] }],
    ['future-of-work-seminar-rome-2019', 'partner_event', '2019-01-10', '2019-01-12', ['Rome', 'IT'], t('Research seminar “The Future of Work – Labour after Laudato Si”', 'Séminaire de recherche « The Future of Work – Labour after Laudato Si »', 'Seminario de investigación «The Future of Work – Labour after Laudato Si»', '연구 세미나 “The Future of Work – Labour after Laudato Si”'), { en: 'A seminar organised by the International Catholic Migration Commission (ICMC).', fr: 'Un séminaire organisé par la Commission internationale catholique pour les migrations (CICM).' }, { themes: ['future-of-work'], organisers: [{ name: 'International Catholic Migration Commission (ICMC)', city: 'Geneva', country: 'CH', kind: 'international_organisation' }] }],
    ['steering-committee-2019-q1', 'statutory_meeting', '2019-01-30', undefined, 'online', t('Steering Committee conference call (1st quarter)', 'Conférence téléphonique du Comité directeur (1er trimestre)', 'Conferencia telefónica del Comité Directivo (1.er trimestre)', '운영위원회 전화회의 (1분기)'), { en: 'Planned for the last week of January.', fr: 'Prévue la dernière semaine de janvier.', es: 'Prevista para la última semana de enero.', ko: '1월 마지막 주에 예정되어 있습니다.' }, { series: 'steering-committee-2019', edition: 1, themes: ['governance'] }],
    ['cities-visit-seoul-2019', 'partner_event', '2019-02', undefined, ['Seoul', 'KR'], t('Visit of the C.I.T.I.E.S. team and strategy meeting', 'Visite de l’équipe de C.I.T.I.E.S. et réunion stratégique', 'Visita del equipo de C.I.T.I.E.S. y reunión estratégica', 'C.I.T.I.E.S. 방문 및 전략회의'), { en: 'Day not yet set.', fr: 'Jour encore à fixer.', es: 'Día aún por fijar.', ko: '날짜는 아직 정해지지 않았습니다.' }, { partners: [CITIES], themes: ['international-cooperation'] }],
    ['uclg-strategy-meeting-2019', 'partner_event', '2019-02-11', '2019-02-15', ['Barcelona', 'ES'], t('Strategy meeting with UCLG (UCLG Retreat and Campus)', 'Réunion stratégique avec CGLU (Retraite et Campus de CGLU)', 'Reunión estratégica con CGLU (Retiro y Campus de CGLU)', 'UCLG 전략회의 (UCLG 리트릿·캠퍼스)'), planned, { partners: [UCLG], themes: ['international-cooperation'] }],
    ['advisors-meeting-seoul-2019', 'statutory_meeting', '2019-02-18', '2019-02-22', ['Seoul', 'KR'], t('International Advisors’ meeting with Marguerite Mendell', 'Réunion du Comité consultatif avec Marguerite Mendell', 'Reunión del Comité Asesor con Marguerite Mendell', '마거릿 멘델 교수와 국제자문위원 회의'), { en: 'The first of the advisors’ two meetings planned for 2019.', fr: 'La première des deux réunions des conseillers prévues en 2019.' }, { themes: ['governance'], related: ['advisors-meeting-medellin-2019'] }],
    ['untfsse-asia-seminar-2019', 'partner_event', '2019-02-23', '2019-02-24', ['Wonju', 'KR'], t('UNTFSSE Asia seminar', 'Séminaire Asie de l’UNTFSSE', 'Seminario Asia del UNTFSSE', 'UNTFSSE 아시아 세미나'), planned, { organisers: [UNTFSSE], themes: ['sdgs'] }],
    ['research-contract-2019', 'research_project', '2019-03', undefined, null, t('Signature of the research project contract', 'Signature du contrat du projet de recherche', 'Firma del contrato del proyecto de investigación', '연구 프로젝트 계약 체결'), planned, { themes: ['research'] }],
    ['gsef2020-preparatory-meeting-2019', 'statutory_meeting', '2019-03-25', '2019-03-29', ['Mexico City', 'MX'], t('Preparatory meeting for GSEF2020', 'Réunion préparatoire du GSEF 2020', 'Reunión preparatoria del GSEF 2020', 'GSEF2020 준비회의'), planned, { themes: ['governance'] }],
    ['research-launch-2019', 'research_project', '2019-04', undefined, null, t('Launch of the research project', 'Lancement du projet de recherche', 'Lanzamiento del proyecto de investigación', '연구 프로젝트 착수'), planned, { themes: ['research'] }],
    ['wsf-transformative-economies-2019', 'partner_event', '2019-04-05', '2019-04-07', ['Barcelona', 'ES'], t('World Social Forum – thematic forum on transformative economies', 'Forum social mondial – forum thématique sur les économies transformatrices', 'Foro Social Mundial – foro temático de economías transformadoras', '세계사회포럼 – 변혁적 경제 주제 포럼'), { en: 'Sessions co-organised with RIPESS were planned here.', fr: 'Des sessions coorganisées avec le RIPESS y étaient prévues.' }, { partners: [{ name: 'RIPESS', kind: 'sse_network' }], themes: ['international-cooperation'] }],
    ['steering-committee-2019-q2', 'statutory_meeting', '2019-04-25', '2019-04-26', 'online', t('Steering Committee conference call (2nd quarter)', 'Conférence téléphonique du Comité directeur (2e trimestre)', 'Conferencia telefónica del Comité Directivo (2.º trimestre)', '운영위원회 전화회의 (2분기)'), { en: 'Planned for the last week of April.', fr: 'Prévue la dernière semaine d’avril.', es: 'Prevista para la última semana de abril.', ko: '4월 마지막 주에 예정되어 있습니다.' }, { series: 'steering-committee-2019', edition: 2, themes: ['governance'] }],
    ['west-africa-training-2019', 'training', '2019-04-30', '2019-05-05', ['Dakar', 'SN'], t('Training workshops for West Africa', 'Ateliers de formation pour l’Afrique de l’Ouest', 'Talleres de formación para África Occidental', '서아프리카 교육 워크숍'), { en: 'Planned with the OIF as a capacity-building and mapping programme for Mali, Senegal, Togo, Côte d’Ivoire, Cape Verde, Morocco and others.', fr: 'Prévus avec l’OIF comme programme de renforcement des capacités et de cartographie pour le Mali, le Sénégal, le Togo, la Côte d’Ivoire, le Cap-Vert, le Maroc et d’autres.' }, { partners: [OIF], themes: ['capacity-building'] }],
    ['lac-led-forum-barranquilla-2019', 'partner_event', '2019-05-07', '2019-05-09', ['Barranquilla', 'CO'], t('Regional Forum on Local Economic Development', 'Forum régional sur le développement économique local', 'Foro Regional de Desarrollo Económico Local', '지역경제개발 지역포럼'), planned, { themes: ['local-development'] }],
    ['renapess-general-assembly-2019', 'partner_event', '2019-05-13', '2019-05-17', ['Bamako', 'ML'], t('General Assembly of RENAPESS', 'Assemblée générale du RENAPESS', 'Asamblea General de RENAPESS', 'RENAPESS 총회'), planned, { organisers: [{ name: 'RENAPESS', lang: 'fr', city: 'Bamako', country: 'ML', kind: 'sse_network' }] }],
    ['africa-policy-dialogue-2', 'policy_dialogue', '2019-05-13', '2019-05-17', ['Bamako', 'ML'], t('Africa Policy Dialogue, 2nd edition', 'Dialogue politique Afrique, 2e édition', 'Diálogo Político África, 2.ª edición', '제2회 아프리카 정책대화'), { en: 'Led by the new regional vice-president, the City of Bamako, to open a regional debate on the local social and economic agenda.', fr: 'Sous l’égide du nouveau vice-président régional, la Ville de Bamako, pour ouvrir un débat régional sur l’agenda économique et social local.' }, { series: 'africa-policy-dialogue', edition: 2, themes: ['public-policy'], partners: [{ name: 'Ville de Bamako', lang: 'fr', city: 'Bamako', country: 'ML', kind: 'local_government' }, { name: 'RENAPESS', lang: 'fr', city: 'Bamako', country: 'ML', kind: 'sse_network' }] }],
    ['asia-policy-dialogue-6', 'policy_dialogue', '2019-06-25', '2019-06-28', ['Singapore', 'SG'], t('Asia Policy Dialogue, 6th edition', 'Dialogue politique Asie, 6e édition', 'Diálogo Político Asia, 6.ª edición', '제6회 아시아 정책대화'), { en: 'A new format with a practitioners’ market, field visits and demonstrations for concrete cooperation between Asian members.', fr: 'Un nouveau format avec marché des professionnels, visites de terrain et démonstrations, pour une coopération concrète entre membres asiatiques.' }, { series: 'asia-policy-dialogue', edition: 6, themes: ['public-policy'], partners: [AVPN, { name: 'ASEC (RIPESS Asia)', kind: 'sse_network' }] }],
    ['avpn-annual-conference-2019', 'partner_event', '2019-06-25', '2019-06-28', ['Singapore', 'SG'], t('AVPN Annual Conference', 'Conférence annuelle de l’AVPN', 'Conferencia anual de AVPN', 'AVPN 연례 컨퍼런스'), planned, { organisers: [AVPN], themes: ['social-finance'] }],
    ['untfsse-international-forum-2019', 'partner_event', '2019-06-22', '2019-06-28', ['Geneva', 'CH'], t('UNTFSSE International Forum', 'Forum international de l’UNTFSSE', 'Foro Internacional del UNTFSSE', 'UNTFSSE 국제포럼'), planned, { organisers: [UNTFSSE], themes: ['sdgs'] }],
    ['gsef2020-mou-signature-2019', 'forum', '2019-07-08', '2019-07-09', ['Mexico City', 'MX'], t('Signature of the GSEF2020 memorandum of understanding and launch of the local organising committee', 'Signature du mémoire d’entente du GSEF 2020 et lancement du comité local d’organisation', 'Firma del memorando de entendimiento del GSEF 2020 y lanzamiento del comité organizador local', 'GSEF2020 양해각서 체결 및 현지조직위원회 출범'), planned, { themes: ['governance'] }],
    ['steering-committee-2019-q3', 'statutory_meeting', '2019-07-08', '2019-07-09', ['Mexico City', 'MX'], t('Steering Committee meeting (3rd quarter, face to face)', 'Réunion du Comité directeur (3e trimestre, en présentiel)', 'Reunión del Comité Directivo (3.er trimestre, presencial)', '운영위원회 대면 회의 (3분기)'), { en: 'The calendar places it in Mexico City; the meeting plan named Medellín in the second week of July.', fr: 'Le calendrier la situe à Mexico ; le plan des réunions indiquait Medellín, la deuxième semaine de juillet.' }, { series: 'steering-committee-2019', edition: 3, themes: ['governance'] }],
    ['latin-america-policy-dialogue-1', 'policy_dialogue', '2019-07-10', '2019-07-12', ['Barranquilla', 'CO'], t('Latin America Policy Dialogue, 1st edition', 'Dialogue politique Amérique latine, 1re édition', 'Diálogo Político América Latina, 1.ª edición', '제1회 라틴아메리카 정책대화'), { en: 'The first edition, planned alongside the regional forum on local economic development.', fr: 'La première édition, prévue en marge du forum régional sur le développement économique local.' }, { series: 'latin-america-policy-dialogue', edition: 1, themes: ['public-policy'], partners: [{ name: 'Gobierno de la Ciudad de México', lang: 'es', city: 'Mexico City', country: 'MX', kind: 'local_government' }, { name: 'FEMULP', lang: 'es', kind: 'sse_network' }, UCLG] }],
    ['world-cities-summit-2019', 'partner_event', '2019-07-10', '2019-07-12', ['Medellín', 'CO'], t('World Cities Summit', 'Sommet mondial des villes', 'Cumbre Mundial de Ciudades', '세계도시정상회의'), planned, { themes: ['inclusive-cities'] }],
    ['rtes-cuf-aimf-conference-2019', 'partner_event', '2019-07-13', '2019-07-15', ['Paris', 'FR'], t('RTES/CUF/AIMF conference', 'Conférence RTES/CUF/AIMF', 'Conferencia RTES/CUF/AIMF', 'RTES/CUF/AIMF 회의'), planned, { themes: ['international-cooperation'] }],
    ['un-hlpf-2019', 'partner_event', '2019-07-09', '2019-07-18', ['New York', 'US'], t('UN High-Level Political Forum', 'Forum politique de haut niveau des Nations unies', 'Foro Político de Alto Nivel de las Naciones Unidas', '유엔 고위급정치포럼'), planned, { themes: ['sdgs'] }],
    ['east-southern-africa-training-2019', 'training', '2019-08', undefined, ['Kampala', 'UG'], t('Training workshops for East and Southern Africa', 'Ateliers de formation pour l’Afrique de l’Est et australe', 'Talleres de formación para África Oriental y Austral', '동·남부 아프리카 교육 워크숍'), { en: 'For Uganda, Kenya, Ethiopia, Tanzania, Rwanda, South Africa and others; day not yet set.', fr: 'Pour l’Ouganda, le Kenya, l’Éthiopie, la Tanzanie, le Rwanda, l’Afrique du Sud et d’autres ; jour encore à fixer.' }, { themes: ['capacity-building'] }],
    ['global-youth-camp-2019', 'youth_programme', '2019-08', undefined, ['Seoul', 'KR'], t('GSEF Global Youth Camp, 2nd edition', 'GSEF Global Youth Camp, 2e édition', 'GSEF Global Youth Camp, 2.ª edición', '제2회 GSEF 글로벌 청년 캠프'), { en: 'An international gathering of young SSE actors for about 100 people, prepared by a committee of young representatives of members.', fr: 'Un rassemblement international de jeunes acteurs de l’ESS pour une centaine de personnes, préparé par un comité de jeunes représentants des membres.' }, { participants: 100, themes: ['youth'] }],
    ['lac-capacity-building-cordoba-2019', 'training', '2019-09-15', '2019-09-17', ['Córdoba', 'AR'], t('Capacity-building workshop for Latin America and the Caribbean', 'Atelier de renforcement des capacités pour l’Amérique latine et les Caraïbes', 'Taller de fortalecimiento de capacidades para América Latina y el Caribe', '라틴아메리카·카리브 역량강화 워크숍'), { en: 'Capacity building and SSE mapping for Mexico, Costa Rica, Cuba, Ecuador, Guatemala, Peru, Argentina, Uruguay, Chile and others.', fr: 'Renforcement des capacités et cartographie de l’ESS pour le Mexique, le Costa Rica, Cuba, l’Équateur, le Guatemala, le Pérou, l’Argentine, l’Uruguay, le Chili et d’autres.' }, { themes: ['capacity-building'] }],
    ['led-forum-cordoba-2019', 'partner_event', '2019-09-17', '2019-09-21', ['Córdoba', 'AR'], t('5th World Forum of Local Economic Development', '5e Forum mondial du développement économique local', '5.º Foro Mundial de Desarrollo Económico Local', '제5회 세계 지역경제개발 포럼'), { en: 'GSEF planned an SSE session here with its Latin American and Caribbean members.', fr: 'Le GSEF y prévoyait une session sur l’ESS avec ses membres d’Amérique latine et des Caraïbes.' }, { themes: ['local-development'] }],
    ['steering-committee-2019-q4', 'statutory_meeting', '2019-10-14', '2019-10-18', 'online', t('Steering Committee conference call (4th quarter)', 'Conférence téléphonique du Comité directeur (4e trimestre)', 'Conferencia telefónica del Comité Directivo (4.º trimestre)', '운영위원회 전화회의 (4분기)'), planned, { series: 'steering-committee-2019', edition: 4, themes: ['governance'] }],
    ['asia-officials-training-2019', 'training', '2019-10-27', '2019-11-03', ['Seoul', 'KR'], t('Training for government officials (Asia), with Seoul HRDC', 'Formation pour les fonctionnaires (Asie), avec le Seoul HRDC', 'Formación para funcionarios (Asia), con el Seoul HRDC', '공무원 교육 (아시아), 서울시인재개발원 공동'), { en: 'A one-week training and study visit in Seoul for officials of member cities in Asia and English-speaking Africa.', fr: 'Une semaine de formation et de visite d’étude à Séoul pour des fonctionnaires des villes membres d’Asie et d’Afrique anglophone.' }, { partners: [SHRDC], themes: ['capacity-building', 'public-policy'] }],
    ['uclg-world-congress-2019', 'partner_event', '2019-11-17', '2019-11-22', ['Durban', 'ZA'], t('UCLG World Congress 2019', 'Congrès mondial de CGLU 2019', 'Congreso Mundial de CGLU 2019', '2019 UCLG 세계총회'), planned, { organisers: [UCLG], themes: ['international-cooperation'] }],
    ['europe-policy-dialogue-3', 'policy_dialogue', '2019-11-25', '2019-11-29', ['Liverpool', 'GB'], t('Europe Policy Dialogue, 3rd edition', 'Dialogue politique Europe, 3e édition', 'Diálogo Político Europa, 3.ª edición', '제3회 유럽 정책대화'), { en: 'Following on from GSEF2018, to help European members find new answers to current problems and cooperate with members in developing countries.', fr: 'Dans la suite du GSEF2018, pour aider les membres européens à trouver de nouvelles réponses et à coopérer avec les membres des pays en développement.' }, { series: 'europe-policy-dialogue', edition: 3, themes: ['public-policy', 'international-cooperation'], partners: [{ name: 'Liverpool City Council', city: 'Liverpool', country: 'GB', kind: 'local_government' }, { name: 'RIPESS Europe', kind: 'sse_network' }, { name: 'REVES', kind: 'sse_network' }, { name: 'EURICSE', kind: 'research' }] }],
    ['mont-blanc-meetings-2019', 'partner_event', '2019-12-01', '2019-12-05', ['Chamonix', 'FR'], t('9th Mont-Blanc Meetings', '9es Rencontres du Mont-Blanc', '9.ª Encuentros del Mont-Blanc', '제9회 몽블랑 회의'), planned, { themes: ['international-cooperation'] }],
  ];
  return rows.map(([slug, type, start, end, place, title, summary, extra = {}]) => ({
    slug, type, start, end, title, summary, tentative: true,
    format: place === 'online' ? 'online' : 'in-person',
    ...(Array.isArray(place) ? { city: place[0], country: place[1] } : {}),
    organisers: type === 'partner_event' ? undefined : [GSEF],
    ...extra,
  }));
}

export const CALENDAR_2019_SIZE = 34;
