import type { Lang } from '../i18n/langs.ts';
import type { OrganisationKind } from '../organisations/domain.ts';
import type { ResourceType } from './forms.ts';

/**
 * The resources the seed documents mention (trainings' downloads and media, the position paper on
 * the ILO declaration, the 2019 programme, the GSEF2018 booklet…), as metadata: the files themselves
 * are not in the documents. Summaries are written for the library, in English and French.
 */
export interface SeedPublisher {
  name: string;
  lang: Lang;
  city?: string;
  country?: string;
  kind: OrganisationKind;
}
export interface SeedResource {
  slug: string;
  type: ResourceType;
  source: Lang;
  title: Partial<Record<Lang, string>>;
  summary?: Partial<Record<Lang, string>>;
  languages: Lang[];
  published: string;
  authors?: string[];
  publishers?: SeedPublisher[];
  themes: string[];
  activity?: string;
  visibility?: 'public' | 'members';
}

const GSEF: SeedPublisher = { name: 'Global Social Economy Forum (GSEF)', lang: 'en', city: 'Seoul', country: 'KR', kind: 'sse_network' };
const OIF: SeedPublisher = { name: 'Organisation internationale de la Francophonie (OIF)', lang: 'fr', city: 'Paris', country: 'FR', kind: 'international_organisation' };
const SENEGAL = 'senegal-national-capacity-building-2019';

const interview = (slug: string, person: string, role: { en: string; fr: string; es: string; ko: string }): SeedResource => ({
  slug: `interview-${slug}-senegal-2019`,
  type: 'video',
  source: 'fr',
  title: { fr: `Entretien avec ${person}, ${role.fr}`, en: `Interview with ${person}, ${role.en}`, es: `Entrevista con ${person}, ${role.es}`, ko: `${person} 인터뷰, ${role.ko}` },
  summary: {
    fr: `${person} revient sur la session nationale de renforcement des capacités en ESS tenue à Saly en mai 2019.`,
    en: `${person} looks back on the national SSE capacity-building session held in Saly in May 2019.`,
  },
  languages: ['fr'],
  published: '2019-05',
  authors: [person],
  publishers: [GSEF],
  themes: ['capacity-building', 'local-development'],
  activity: SENEGAL,
});

export const SEED_RESOURCES: SeedResource[] = [
  {
    slug: 'ilo-future-of-work-position-paper-2019',
    type: 'position_paper',
    source: 'en',
    title: {
      en: 'The SSE and the future of work: GSEF position paper on the ILO Centenary Declaration',
      fr: 'L’ESS et l’avenir du travail : prise de position du GSEF sur la Déclaration du centenaire de l’OIT',
      es: 'La ESS y el futuro del trabajo: documento de posición del GSEF sobre la Declaración del Centenario de la OIT',
      ko: '사회연대경제와 일의 미래: ILO 100주년 선언에 대한 GSEF 입장문',
    },
    summary: {
      en: 'Written while the ILO prepared its centenary declaration, the paper argues that cooperatives and the social and solidarity economy deserve a strategic place in the future of work, and proposes a direction for it. The declaration adopted in June 2019 names both.',
      fr: 'Rédigée pendant la préparation de la déclaration du centenaire de l’OIT, cette note plaide pour une place stratégique des coopératives et de l’économie sociale et solidaire dans l’avenir du travail, et propose une orientation. La déclaration adoptée en juin 2019 les mentionne toutes deux.',
    },
    languages: ['en'],
    published: '2019',
    publishers: [GSEF],
    themes: ['future-of-work', 'employment-inclusion', 'cooperatives-governance', 'public-policy'],
  },
  {
    slug: 'gsef-programme-of-activities-2019',
    type: 'report',
    source: 'fr',
    title: {
      fr: 'Programme d’activités 2019 du GSEF (provisoire)',
      en: 'GSEF programme of activities 2019 (provisional)',
      es: 'Programa de actividades 2019 del GSEF (provisional)',
      ko: 'GSEF 2019년 활동 계획 (잠정)',
    },
    summary: {
      fr: 'Le plan de travail de l’année : orientations stratégiques et objectif de doubler le nombre de membres, calendrier des réunions statutaires, projet de recherche, dialogues politiques régionaux, formations, programme jeunesse et communication.',
      en: 'The year’s work plan: strategic directions and the aim of doubling the membership, the calendar of statutory meetings, a research project, regional policy dialogues, trainings, a youth programme and communication.',
    },
    languages: ['fr'],
    published: '2019',
    publishers: [GSEF],
    themes: ['cooperation-alliances', 'public-policy'],
    visibility: 'members',
  },
  {
    slug: 'gsef2018-initiatives-booklet',
    type: 'report',
    source: 'fr',
    title: {
      fr: 'GSEF2018 Bilbao : livret des initiatives présentées',
      en: 'GSEF2018 Bilbao: booklet of the initiatives presented',
      es: 'GSEF2018 Bilbao: folleto de las iniciativas presentadas',
      ko: 'GSEF2018 빌바오: 발표된 이니셔티브 책자',
    },
    summary: {
      fr: 'Le livret du forum de Bilbao : 102 initiatives de 36 pays, retenues parmi 600 candidatures, présentées en neuf sessions d’ateliers sur trois jours, avec leurs porteurs et leurs intervenants.',
      en: 'The Bilbao forum’s booklet: 102 initiatives from 36 countries, chosen from 600 submissions and presented in nine workshop sessions over three days, with who runs them and who presented them.',
    },
    languages: ['fr'],
    published: '2018-10',
    publishers: [GSEF],
    themes: ['local-development', 'public-policy', 'entrepreneurship-innovation'],
    activity: 'gsef2018-bilbao',
  },
  {
    slug: 'senegal-capacity-building-report-2019',
    type: 'report',
    source: 'fr',
    title: {
      fr: 'Rapport de la session nationale de renforcement des capacités en ESS au Sénégal',
      en: 'Report of the national SSE capacity-building session in Senegal',
      es: 'Informe de la sesión nacional de fortalecimiento de capacidades en ESS en Senegal',
      ko: '세네갈 국가 사회연대경제 역량강화 세션 보고서',
    },
    summary: {
      fr: 'Ce que les trois jours de Saly ont produit : les travaux des ateliers thématiques, les recommandations des participants et un plan d’action pour développer l’ESS au Sénégal.',
      en: 'What the three days in Saly produced: the work of the thematic workshops, the participants’ recommendations and an action plan to develop the SSE in Senegal.',
    },
    languages: ['fr'],
    published: '2019-05',
    publishers: [GSEF],
    themes: ['capacity-building', 'public-policy', 'local-development', 'social-finance'],
    activity: SENEGAL,
  },
  {
    slug: 'senegal-capacity-building-photos-2019',
    type: 'photo_gallery',
    source: 'fr',
    title: { fr: 'Photos de la session de Saly', en: 'Photos of the Saly session', es: 'Fotos de la sesión de Saly', ko: '살리 세션 사진' },
    languages: [],
    published: '2019-05',
    publishers: [GSEF],
    themes: ['local-development'],
    activity: SENEGAL,
  },
  {
    slug: 'oif-press-release-senegal-2019',
    type: 'press_release',
    source: 'fr',
    title: {
      fr: 'Communiqué de presse de l’OIF sur la session de Saly',
      en: 'OIF press release on the Saly session',
      es: 'Comunicado de prensa de la OIF sobre la sesión de Saly',
      ko: '살리 세션에 관한 OIF 보도자료',
    },
    summary: {
      fr: 'L’Organisation internationale de la Francophonie, partenaire de la session, en présente les objectifs et les participants.',
      en: 'The International Organisation of La Francophonie, a partner of the session, presents its aims and participants.',
    },
    languages: ['fr'],
    published: '2019-05',
    publishers: [OIF],
    themes: ['cooperation-alliances'],
    activity: SENEGAL,
  },
  {
    slug: 'laurence-kwark-message-senegal-2019',
    type: 'video',
    source: 'fr',
    title: { fr: 'Message de Laurence Kwark aux participants de Saly', en: 'Message from Laurence Kwark to the participants in Saly', es: 'Mensaje de Laurence Kwark a los participantes en Saly', ko: '살리 참가자들에게 보내는 로렌스 곽의 메시지' },
    languages: [],
    published: '2019-05',
    authors: ['Laurence Kwark'],
    publishers: [GSEF],
    themes: ['cooperation-alliances'],
    activity: SENEGAL,
  },
  interview('babacar-gueye', 'Babacar Gueye', { fr: 'président de la PFAnE', en: 'President of the PFAnE', es: 'presidente de la PFAnE', ko: 'PFAnE 회장' }),
  interview('mourad-dieye-gueye', 'Mourad Dieye Gueye', { fr: 'secrétaire général de la Ville de Dakar', en: 'Secretary General of the City of Dakar', es: 'secretario general de la Ciudad de Dakar', ko: '다카르시 사무총장' }),
  interview('cheick-gueye', 'Cheick Gueye', { fr: 'maire de Dieuppeul-Derklé', en: 'Mayor of Dieuppeul-Derklé', es: 'alcalde de Dieuppeul-Derklé', ko: '디외플-데르클레 시장' }),
  interview('jean-goepp', 'Jean Goepp', { fr: 'fondateur de Nebeday', en: 'founder of Nebeday', es: 'fundador de Nebeday', ko: 'Nebeday 설립자' }),
  interview('mame-saye-seck', 'Mame Saye Seck', { fr: 'chargée de l’ESS à l’UNSAS', en: 'in charge of the SSE at UNSAS', es: 'encargada de la ESS en la UNSAS', ko: 'UNSAS 사회연대경제 담당' }),
  {
    slug: 'kampala-participants-declaration-2019',
    type: 'declaration',
    source: 'en',
    title: {
      en: 'Declaration of the participants of the Kampala training',
      fr: 'Déclaration des participants de la formation de Kampala',
      es: 'Declaración de los participantes de la formación de Kampala',
      ko: '캄팔라 교육 참가자 선언문',
    },
    summary: {
      en: 'Adopted at the close of the East Africa training, the declaration sets out the commitments of local leaders and SSE actors to work together for the social and solidarity economy in the region.',
      fr: 'Adoptée à la clôture de la formation pour l’Afrique de l’Est, la déclaration énonce les engagements des responsables locaux et des acteurs de l’ESS à agir ensemble pour l’économie sociale et solidaire dans la région.',
    },
    languages: ['en'],
    published: '2019-08-23',
    publishers: [GSEF],
    themes: ['local-development', 'cooperation-alliances'],
    activity: 'kampala-east-africa-training-2019',
  },
  {
    slug: 'kampala-training-photos-2019',
    type: 'photo_gallery',
    source: 'en',
    title: { en: 'Photos of the Kampala training', fr: 'Photos de la formation de Kampala', es: 'Fotos de la formación de Kampala', ko: '캄팔라 교육 사진' },
    languages: [],
    published: '2019-08',
    publishers: [GSEF],
    themes: ['local-development'],
    activity: 'kampala-east-africa-training-2019',
  },
  {
    slug: 'mexico-city-workshop-photos-2019',
    type: 'photo_gallery',
    source: 'es',
    title: { es: 'Fotos del taller de Ciudad de México', en: 'Photos of the Mexico City workshop', fr: 'Photos de l’atelier de Mexico', ko: '멕시코시티 워크숍 사진' },
    languages: [],
    published: '2019-11',
    publishers: [GSEF],
    themes: ['local-development'],
    activity: 'mexico-city-capacity-building-2019',
  },
  {
    slug: 'uclga-alga-programme-course-documents-2021',
    type: 'training_material',
    source: 'fr',
    title: {
      fr: 'Programme et supports du cours GSEF-CGLUA-ALGA sur l’ESS',
      en: 'Programme and course material of the GSEF–UCLG Africa–ALGA SSE course',
      es: 'Programa y materiales del curso GSEF-CGLU África-ALGA sobre la ESS',
      ko: 'GSEF–UCLG 아프리카–ALGA 사회연대경제 과정 프로그램과 교재',
    },
    summary: {
      fr: 'Le déroulé des quatre jours de formation en ligne et les supports des intervenants, pour des élus et cadres de collectivités africaines francophones.',
      en: 'The outline of the four days of online training and the speakers’ material, for elected officials and staff of French-speaking African local governments.',
    },
    languages: ['fr'],
    published: '2021-04',
    publishers: [GSEF],
    themes: ['capacity-building', 'public-policy', 'local-development'],
    activity: 'gsef-uclga-alga-capacity-building-2021',
  },
  {
    slug: 'praia-manifesto-2017',
    type: 'declaration',
    source: 'en',
    title: { en: 'Praia Manifesto', fr: 'Manifeste de Praia', es: 'Manifiesto de Praia', ko: '프라이아 선언' },
    summary: {
      en: 'Published by GSEF at the 4th World Forum of Local Economic Development in Praia, the manifesto links local economic development with the social and solidarity economy.',
      fr: 'Publié par le GSEF au 4e Forum mondial du développement économique local à Praia, le manifeste relie le développement économique local et l’économie sociale et solidaire.',
    },
    languages: ['en'],
    published: '2017-10',
    publishers: [GSEF],
    themes: ['local-development', 'public-policy'],
    activity: 'led-forum-praia-2017',
  },
  {
    slug: 'untfsse-session-presentations-2019',
    type: 'presentation',
    source: 'en',
    title: {
      en: 'Speakers’ presentations: maximising the social impact of the SSE for inclusive cities',
      fr: 'Présentations des intervenants : maximiser l’impact social de l’ESS pour des villes inclusives',
      es: 'Presentaciones de los ponentes: maximizar el impacto social de la ESS para ciudades inclusivas',
      ko: '발표 자료: 포용 도시를 위한 사회연대경제의 사회적 영향 극대화',
    },
    summary: {
      en: 'Slides of the session GSEF and the OECD held at the UNTFSSE conference in Geneva, on partnerships between local governments and the SSE.',
      fr: 'Les diapositives de la session organisée par le GSEF et l’OCDE à la conférence de l’UNTFSSE à Genève, sur les partenariats entre gouvernements locaux et ESS.',
    },
    languages: ['en'],
    published: '2019-06-25',
    authors: ['Ester Vidal', 'Joon Hyung Lee', 'Edison Masereka', 'Byung-hoon Lee', 'Antonella Noya'],
    publishers: [GSEF],
    themes: ['inclusive-cities', 'sdgs', 'cooperation-alliances'],
    activity: 'untfsse-conference-session-2019',
  },
];
