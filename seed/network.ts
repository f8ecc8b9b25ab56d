import type { Lang } from '../src/i18n/langs.ts';

/**
 * Facts about the Global Social Economy Forum itself, from the seed documents (launched by the
 * City of Seoul in 2013; an association of local governments and SSE actors since its 2014
 * edition; three official languages). The prose is ours.
 */
type Texts = Partial<Record<Lang, string>>;

export const organisation = {
  source: 'en' as Lang,
  name: {
    en: 'Global Social Economy Forum',
    fr: 'Forum mondial de l’économie sociale',
    es: 'Foro Global de la Economía Social',
    ko: '국제사회적경제협의체',
  } satisfies Texts,
  acronym: 'GSEF',
  mission: {
    en: 'GSEF brings together local governments and social and solidarity economy networks from five continents. Its members learn from one another, build public policies for the social and solidarity economy together, and make the case for it as a path to inclusive and sustainable local development.',
    fr: 'Le GSEF réunit des gouvernements locaux et des réseaux de l’économie sociale et solidaire des cinq continents. Ses membres apprennent les uns des autres, construisent ensemble des politiques publiques pour l’économie sociale et solidaire et la défendent comme une voie vers un développement local inclusif et durable.',
    es: 'El GSEF reúne a gobiernos locales y redes de la economía social y solidaria de los cinco continentes. Sus miembros aprenden unos de otros, construyen juntos políticas públicas para la economía social y solidaria y la promueven como un camino hacia un desarrollo local inclusivo y sostenible.',
    ko: 'GSEF는 5개 대륙의 지방정부와 사회연대경제 네트워크가 함께하는 협의체입니다. 회원들은 서로의 경험에서 배우고, 사회연대경제를 위한 공공정책을 함께 만들며, 사회연대경제를 포용적이고 지속가능한 지역 발전의 길로 알립니다.',
  } satisfies Texts,
  launchedYear: 2013,
  associationYear: 2014,
  hqCity: { en: 'Seoul', fr: 'Séoul', es: 'Seúl', ko: '서울' } satisfies Texts,
  hqCountry: 'KR',
  officialLanguages: ['en', 'fr', 'es'],
  workingLanguages: ['en', 'fr', 'es', 'ko'],
  website: 'https://www.gsef-net.org',
};

export interface BodySeed {
  slug: string;
  kind: 'general_assembly' | 'steering_committee' | 'advisors' | 'secretariat' | 'working_group';
  seats?: number;
  meets?: 'quarterly' | 'twice_a_year' | 'four_times_a_year' | 'yearly' | 'biennially';
  name: Texts;
  description: Texts;
}

export const bodies: BodySeed[] = [
  {
    slug: 'general-assembly',
    kind: 'general_assembly',
    name: { en: 'General Assembly', fr: 'Assemblée générale', es: 'Asamblea General', ko: '총회' },
    description: {
      en: 'All members of the association, meeting to set its direction and elect its steering committee.',
      fr: 'L’ensemble des membres de l’association, qui fixent ses orientations et élisent son comité directeur.',
      es: 'Todos los miembros de la asociación, que fijan su rumbo y eligen a su comité directivo.',
      ko: '협의체의 모든 회원이 모여 방향을 정하고 운영위원회를 선출합니다.',
    },
  },
  {
    slug: 'steering-committee',
    kind: 'steering_committee',
    seats: 13,
    meets: 'quarterly',
    name: { en: 'Steering Committee', fr: 'Comité directeur', es: 'Comité Directivo', ko: '운영위원회' },
    description: {
      en: 'Chairs, co-chairs, continental vice-chairs and international and regional networks who steer the programme and decide on new members.',
      fr: 'Présidents, coprésidents, vice-présidents continentaux et réseaux internationaux et régionaux qui pilotent le programme et décident des adhésions.',
      es: 'Presidencias, copresidencias, vicepresidencias continentales y redes internacionales y regionales que dirigen el programa y deciden sobre las adhesiones.',
      ko: '의장, 공동의장, 대륙별 부의장, 국제 및 지역 네트워크로 구성되어 사업을 이끌고 신규 회원 가입을 결정합니다.',
    },
  },
  {
    slug: 'international-advisors',
    kind: 'advisors',
    meets: 'twice_a_year',
    name: { en: 'International Advisors', fr: 'Conseillers internationaux', es: 'Asesores internacionales', ko: '국제자문위원' },
    description: {
      en: 'Recognised figures of the social and solidarity economy who advise on programmes and support member cities with expertise.',
      fr: 'Des personnalités reconnues de l’économie sociale et solidaire qui conseillent sur les programmes et appuient les villes membres de leur expertise.',
      es: 'Personalidades reconocidas de la economía social y solidaria que asesoran sobre los programas y apoyan con su experiencia a las ciudades miembro.',
      ko: '사회연대경제 분야의 저명한 인사들로, 사업에 대해 조언하고 회원 도시에 전문 지식을 제공합니다.',
    },
  },
  {
    slug: 'secretariat',
    kind: 'secretariat',
    name: { en: 'Secretariat', fr: 'Secrétariat', es: 'Secretaría', ko: '사무국' },
    description: {
      en: 'The permanent team led by the Secretary General, based in Seoul, which runs membership, events, communication and the day-to-day work of the network.',
      fr: 'L’équipe permanente dirigée par la secrétaire générale, basée à Séoul, qui gère les adhésions, les événements, la communication et le travail quotidien du réseau.',
      es: 'El equipo permanente dirigido por la Secretaría General, con sede en Seúl, que gestiona las adhesiones, los eventos, la comunicación y el trabajo diario de la red.',
      ko: '사무총장이 이끄는 서울 소재 상근 조직으로, 회원 관리, 행사, 홍보와 네트워크의 일상 업무를 맡습니다.',
    },
  },
  {
    slug: 'communication-working-group',
    kind: 'working_group',
    meets: 'four_times_a_year',
    name: { en: 'Communication Working Group', fr: 'Groupe de travail communication', es: 'Grupo de trabajo de comunicación', ko: '홍보 실무그룹' },
    description: {
      en: 'Members who gather news from across the network and act as the editorial committee of the monthly newsletter.',
      fr: 'Des membres qui rassemblent les nouvelles du réseau et forment le comité de rédaction de la lettre d’information mensuelle.',
      es: 'Miembros que reúnen las noticias de la red y forman el comité editorial del boletín mensual.',
      ko: '네트워크 전반의 소식을 모으고 월간 뉴스레터의 편집위원회 역할을 하는 회원들입니다.',
    },
  },
];
