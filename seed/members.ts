import type { Lang } from '../src/i18n/langs.ts';

/**
 * Members of the network named in the seed documents, with what the documents say about them.
 * Only organisations the documents show as members (seats on the 2019 steering committee, trainees
 * who attended the 2019 Seoul training as representatives of members) are marked active; others
 * named as partners keep the partner kind. Places are left empty where the documents give none:
 * they are never guessed. Translations of names are ours.
 */
type Texts = Partial<Record<Lang, string>>;

export interface MemberSeed {
  slug: string;
  /** Names by language; `source` is the original. */
  name: Texts;
  source: Lang;
  kind: 'local_government' | 'sse_network' | 'other_organisation' | 'honorary' | 'partner';
  category: 'city' | 'regional_government' | 'local_sse_network' | 'national_sse_network' | 'regional_network' | 'international_network' | 'support_organisation' | 'other_stakeholder';
  status: 'active' | 'applicant';
  city?: string;
  country?: string;
  /** The day the documents show the status holding, and which document says so. */
  evidenceOn: string;
  evidence: string;
}

const SC_2019 = { evidenceOn: '2019-01-01', evidence: 'Seat on the steering committee in the 2019 programme' };
const TRAINEE_2019 = { evidenceOn: '2019-10-28', evidence: 'Represented as a member at the Seoul SSE training, 28 October – 1 November 2019' };

const city = (en: string, fr: string, es: string, ko: string): Texts => ({ en: `City of ${en}`, fr: `Ville de ${fr}`, es: `Ciudad de ${es}`, ko });

export const members: MemberSeed[] = [
  // The 2019 steering committee: 13 seats.
  { slug: 'seoul', name: city('Seoul', 'Séoul', 'Seúl', '서울특별시'), source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Seoul', country: 'KR', ...SC_2019 },
  { slug: 'seoul-social-economy-network', name: { en: 'Seoul Social Economy Network', fr: 'Réseau de l’économie sociale de Séoul', es: 'Red de Economía Social de Seúl', ko: '서울사회적경제네트워크' }, source: 'en', kind: 'sse_network', category: 'local_sse_network', status: 'active', city: 'Seoul', country: 'KR', ...SC_2019 },
  { slug: 'mexico-city', name: city('Mexico City', 'Mexico', 'México', '멕시코시티'), source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Mexico City', country: 'MX', ...SC_2019 },
  { slug: 'mexico-city-sse-representatives', name: { en: 'SSE representatives of Mexico City', fr: 'Représentants de l’ESS de la ville de Mexico', es: 'Representantes de la ESS de la Ciudad de México', ko: '멕시코시티 사회연대경제 대표' }, source: 'fr', kind: 'sse_network', category: 'local_sse_network', status: 'active', city: 'Mexico City', country: 'MX', ...SC_2019 },
  { slug: 'montreal', name: city('Montréal', 'Montréal', 'Montreal', '몬트리올시'), source: 'fr', kind: 'local_government', category: 'city', status: 'active', city: 'Montréal', country: 'CA', ...SC_2019 },
  { slug: 'chantier-de-leconomie-sociale', name: { fr: 'Chantier de l’économie sociale', en: 'Chantier de l’économie sociale', es: 'Chantier de l’économie sociale', ko: '샹티에 사회적경제' }, source: 'fr', kind: 'sse_network', category: 'national_sse_network', status: 'active', city: 'Montréal', country: 'CA', ...SC_2019 },
  { slug: 'bilbao', name: city('Bilbao', 'Bilbao', 'Bilbao', '빌바오시'), source: 'es', kind: 'local_government', category: 'city', status: 'active', city: 'Bilbao', country: 'ES', ...SC_2019 },
  { slug: 'bamako', name: city('Bamako', 'Bamako', 'Bamako', '바마코시'), source: 'fr', kind: 'local_government', category: 'city', status: 'active', city: 'Bamako', country: 'ML', ...SC_2019 },
  { slug: 'ripess', name: { en: 'RIPESS', fr: 'RIPESS', es: 'RIPESS', ko: 'RIPESS' }, source: 'fr', kind: 'sse_network', category: 'international_network', status: 'active', ...SC_2019 },
  { slug: 'ifsse', name: { en: 'IFSSE', fr: 'IFSSE', es: 'IFSSE', ko: 'IFSSE' }, source: 'en', kind: 'sse_network', category: 'international_network', status: 'active', ...SC_2019 },
  { slug: 'avpn', name: { en: 'AVPN', fr: 'AVPN', es: 'AVPN', ko: 'AVPN' }, source: 'en', kind: 'sse_network', category: 'regional_network', status: 'active', ...SC_2019 },
  { slug: 'apay', name: { en: 'Asia Pacific Alliance of YMCAs (APAY)', fr: 'Alliance des YMCA d’Asie-Pacifique (APAY)', es: 'Alianza de YMCA de Asia y el Pacífico (APAY)', ko: '아시아태평양YMCA연맹(APAY)' }, source: 'en', kind: 'sse_network', category: 'regional_network', status: 'active', ...SC_2019 },
  { slug: 'locality', name: { en: 'Locality', fr: 'Locality', es: 'Locality', ko: 'Locality' }, source: 'en', kind: 'sse_network', category: 'regional_network', status: 'active', ...SC_2019 },
  // Local governments represented at the 2019 Seoul training as members.
  { slug: 'bagmati-rural-municipality', name: { en: 'Bagmati Rural Municipality', fr: 'Municipalité rurale de Bagmati', es: 'Municipio rural de Bagmati', ko: '바그마티 농촌자치체' }, source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Bagmati', country: 'NP', ...TRAINEE_2019 },
  { slug: 'tokha', name: { en: 'Tokha Municipality', fr: 'Municipalité de Tokha', es: 'Municipio de Tokha', ko: '토카시' }, source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Tokha', country: 'NP', ...TRAINEE_2019 },
  { slug: 'kampala-capital-city-authority', name: { en: 'Kampala Capital City Authority', fr: 'Autorité de la capitale Kampala', es: 'Autoridad de la Ciudad Capital de Kampala', ko: '캄팔라 수도청' }, source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Kampala', country: 'UG', ...TRAINEE_2019 },
  { slug: 'bandung', name: city('Bandung', 'Bandung', 'Bandung', '반둥시'), source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Bandung', country: 'ID', ...TRAINEE_2019 },
  { slug: 'quezon-city', name: { en: 'Quezon City', fr: 'Quezon City', es: 'Ciudad Quezón', ko: '케손시티' }, source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Quezon City', country: 'PH', ...TRAINEE_2019 },
  { slug: 'musoma', name: city('Musoma', 'Musoma', 'Musoma', '무소마시'), source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Musoma', country: 'TZ', ...TRAINEE_2019 },
  { slug: 'kisumu', name: city('Kisumu', 'Kisumu', 'Kisumu', '키수무시'), source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Kisumu', country: 'KE', ...TRAINEE_2019 },
  { slug: 'taipei', name: city('Taipei', 'Taipei', 'Taipéi', '타이베이시'), source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Taipei', country: 'TW', ...TRAINEE_2019 },
  { slug: 'new-taipei', name: city('New Taipei', 'Nouveau Taipei', 'Nueva Taipéi', '신베이시'), source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'New Taipei', country: 'TW', ...TRAINEE_2019 },
  { slug: 'karachi', name: city('Karachi', 'Karachi', 'Karachi', '카라치시'), source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Karachi', country: 'PK', ...TRAINEE_2019 },
  { slug: 'durban', name: city('Durban', 'Durban', 'Durban', '더반시'), source: 'en', kind: 'local_government', category: 'city', status: 'active', city: 'Durban', country: 'ZA', ...TRAINEE_2019 },
  // Named as a partner (co-organiser of the 2019 national training in Saly), not as a member.
  { slug: 'dakar', name: city('Dakar', 'Dakar', 'Dakar', '다카르시'), source: 'fr', kind: 'partner', category: 'city', status: 'active', city: 'Dakar', country: 'SN', evidenceOn: '2019-05-01', evidence: 'Partner of the national SSE training in Saly, 1–3 May 2019' },
];

export interface PersonSeed {
  slug: string;
  name: string;
  title: Texts;
  /** How French and Spanish write this person's role titles. */
  form: 'feminine' | 'masculine';
}

export const people: PersonSeed[] = [
  { slug: 'marguerite-mendell', name: 'Prof. Marguerite Mendell', title: { en: 'International Advisor', fr: 'Conseillère internationale', es: 'Asesora internacional', ko: '국제자문위원' }, form: 'feminine' },
  { slug: 'nancy-neamtan', name: 'Nancy Neamtan', title: { en: 'International Advisor', fr: 'Conseillère internationale', es: 'Asesora internacional', ko: '국제자문위원' }, form: 'feminine' },
  { slug: 'kyongyong-song', name: 'Rev. Kyongyong Song', title: { en: 'International Advisor', fr: 'Conseiller international', es: 'Asesor internacional', ko: '국제자문위원' }, form: 'masculine' },
  { slug: 'thierry-jeantet', name: 'Thierry Jeantet', title: { en: 'International Advisor', fr: 'Conseiller international', es: 'Asesor internacional', ko: '국제자문위원' }, form: 'masculine' },
  { slug: 'laurence-kwark', name: 'Laurence Kwark', title: { en: 'Secretary General', fr: 'Secrétaire générale', es: 'Secretaria General', ko: '사무총장' }, form: 'feminine' },
];

export interface MandateSeed {
  body: string;
  member?: string;
  person?: string;
  role: 'chair' | 'co_chair' | 'vice_chair' | 'international_network' | 'regional_network' | 'member' | 'advisor' | 'secretary_general';
  region?: string;
  startsOn?: string;
}

const sc = (member: string, role: MandateSeed['role'], region?: string): MandateSeed => ({ body: 'steering-committee', member, role, region, startsOn: '2019-01-01' });

export const mandates: MandateSeed[] = [
  sc('seoul', 'chair'),
  sc('seoul-social-economy-network', 'chair'),
  sc('mexico-city', 'co_chair'),
  sc('mexico-city-sse-representatives', 'co_chair'),
  sc('montreal', 'vice_chair', 'north-america'),
  sc('chantier-de-leconomie-sociale', 'vice_chair', 'north-america'),
  sc('bilbao', 'vice_chair', 'europe'),
  sc('bamako', 'vice_chair', 'africa'),
  sc('ripess', 'international_network'),
  sc('ifsse', 'international_network'),
  sc('avpn', 'regional_network'),
  sc('apay', 'regional_network'),
  sc('locality', 'regional_network'),
  ...['marguerite-mendell', 'nancy-neamtan', 'kyongyong-song', 'thierry-jeantet'].map(
    (person): MandateSeed => ({ body: 'international-advisors', person, role: 'advisor', startsOn: '2018-01-01' }),
  ),
  { body: 'secretariat', person: 'laurence-kwark', role: 'secretary_general' },
];

export interface MeetingSeed {
  slug: string;
  body: string;
  startsOn: string;
  endsOn: string;
  precision: 'day' | 'week' | 'month';
  format: 'online' | 'in_person' | 'hybrid';
  city?: string;
  country?: string;
  agenda: Texts[];
}

const SC_AGENDA: Texts[] = [
  { en: 'Strategic planning of GSEF 2020: main theme, governance, preparation roadmap', fr: 'Planification stratégique du GSEF 2020 : thème principal, gouvernance, feuille de route', es: 'Planificación estratégica del GSEF 2020: tema principal, gobernanza, hoja de ruta', ko: 'GSEF 2020 전략 기획: 주제, 거버넌스, 준비 일정' },
  { en: 'Running the programme: secretariat matters, admission of members, budget follow-up', fr: 'Mise en œuvre du programme : secrétariat, admission des membres, suivi budgétaire', es: 'Ejecución del programa: secretaría, admisión de miembros, seguimiento del presupuesto', ko: '사업 운영: 사무국 현안, 회원 가입 승인, 예산 점검' },
  { en: 'Proposals, news and exchanges between members', fr: 'Propositions, nouvelles et échanges entre membres', es: 'Propuestas, novedades e intercambios entre miembros', ko: '제안, 소식, 회원 간 교류' },
];

const ADVISORS_AGENDA: Texts[] = [
  { en: 'Advice on GSEF programmes and projects', fr: 'Avis sur les programmes et projets du GSEF', es: 'Asesoramiento sobre los programas y proyectos del GSEF', ko: 'GSEF 사업과 프로젝트에 대한 자문' },
  { en: 'Expert support requested by member cities', fr: 'Appui d’expertise demandé par les villes membres', es: 'Apoyo experto solicitado por las ciudades miembro', ko: '회원 도시가 요청한 전문 지원' },
];

export const meetings: MeetingSeed[] = [
  { slug: 'steering-committee-2019-q1', body: 'steering-committee', startsOn: '2019-01-25', endsOn: '2019-01-31', precision: 'week', format: 'online', agenda: SC_AGENDA },
  { slug: 'international-advisors-2019-02', body: 'international-advisors', startsOn: '2019-02-01', endsOn: '2019-02-28', precision: 'month', format: 'in_person', city: 'Seoul', country: 'KR', agenda: ADVISORS_AGENDA },
  { slug: 'steering-committee-2019-q2', body: 'steering-committee', startsOn: '2019-04-24', endsOn: '2019-04-30', precision: 'week', format: 'online', agenda: SC_AGENDA },
  { slug: 'steering-committee-2019-q3', body: 'steering-committee', startsOn: '2019-07-08', endsOn: '2019-07-14', precision: 'week', format: 'in_person', city: 'Medellín', country: 'CO', agenda: SC_AGENDA },
  { slug: 'international-advisors-2019-07', body: 'international-advisors', startsOn: '2019-07-01', endsOn: '2019-07-31', precision: 'month', format: 'in_person', city: 'Medellín', country: 'CO', agenda: ADVISORS_AGENDA },
  { slug: 'steering-committee-2019-q4', body: 'steering-committee', startsOn: '2019-10-22', endsOn: '2019-10-28', precision: 'week', format: 'online', agenda: SC_AGENDA },
];

/** The 2019 programme's goal: from 49 members to 100 by the end of 2019. */
export const target = { baseline: 49, target: 100, deadline: '2019-12-31' };
