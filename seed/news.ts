/**
 * Announcements written for the news pages from facts in the seed documents (the 2019 programme,
 * the GSEF2018 booklet, the international collaboration page). English is the original, with a
 * French translation; Spanish and Korean readers get translated titles and the fallback notice.
 */
export interface SeedNews {
  slug: string;
  publishedAt: string;
  title: { en: string; fr: string; es: string; ko: string };
  summary: { en: string; fr: string };
  body: { en: string; fr: string };
}

export const NEWS: SeedNews[] = [
  {
    slug: 'gsef2018-bilbao-in-figures',
    publishedAt: '2018-10-05T09:00:00Z',
    title: {
      en: 'GSEF2018 in Bilbao, in figures',
      fr: 'GSEF2018 à Bilbao, en chiffres',
      es: 'GSEF2018 en Bilbao, en cifras',
      ko: '숫자로 본 빌바오 GSEF2018',
    },
    summary: {
      en: 'About 1,700 people from 75 countries and 320 cities met in Bilbao from 1 to 3 October 2018 for the fourth Global Social Economy Forum.',
      fr: 'Près de 1 700 personnes venues de 75 pays et de 320 villes se sont retrouvées à Bilbao du 1er au 3 octobre 2018 pour le quatrième Forum mondial de l’économie sociale.',
    },
    body: {
      en: 'The forum took place at the Euskalduna conference centre around one question: how values and competitiveness can work together for inclusive and sustainable local development. More than 200 of the participants represented local governments.\n\nAn international call brought in some 600 initiatives. 102 of them, from 36 countries, were chosen and presented over three days in nine workshop sessions, alongside 13 thematic workshops run with partner organisations.\n\nEvery presented initiative is now in the archive of good practices on this site, searchable by theme, country and workshop.',
      fr: 'Le forum s’est tenu au palais des congrès Euskalduna autour d’une question : comment valeurs et compétitivité peuvent aller ensemble au service d’un développement local inclusif et durable. Plus de 200 participants représentaient des gouvernements locaux.\n\nUn appel international a réuni environ 600 initiatives. 102 d’entre elles, issues de 36 pays, ont été retenues et présentées pendant trois jours lors de neuf sessions d’ateliers, à côté de 13 ateliers thématiques animés avec des organisations partenaires.\n\nToutes les initiatives présentées figurent désormais dans l’archive des bonnes pratiques de ce site, avec une recherche par thème, par pays et par atelier.',
    },
  },
  {
    slug: 'strategic-orientations-2019',
    publishedAt: '2019-01-15T09:00:00Z',
    title: {
      en: 'Four strategic orientations for 2019',
      fr: 'Quatre orientations stratégiques pour 2019',
      es: 'Cuatro orientaciones estratégicas para 2019',
      ko: '2019년 4대 전략 방향',
    },
    summary: {
      en: 'Building on the lessons of GSEF2018, the 2019 programme sets a goal of growing from 49 to 100 member cities and networks by the end of the year.',
      fr: 'Tirant les leçons du GSEF2018, le programme 2019 se fixe pour but de passer de 49 à 100 villes et réseaux membres d’ici la fin de l’année.',
    },
    body: {
      en: 'First, widen the reach of the social and solidarity economy: more member local governments and networks through regional policy dialogues and locally designed training, joint sessions with other international organisations, a youth programme, and partnerships in Latin America and the Caribbean ahead of GSEF2020 in Mexico City.\n\nSecond, act as an international platform for knowledge: research on public policies with partners such as the OECD, case studies of member territories, and mapping and training programmes in Latin America and Africa.\n\nThird, help members learn from one another, with a monthly newsletter, a members’ directory kept up to date and an archive of initiatives.\n\nFourth, strengthen governance and the secretariat: a larger role for the co-chairs and regional vice-chairs (Seoul, Montreal, Bilbao, Bamako and Mexico City), and a team able to work in the three official languages.',
      fr: 'D’abord, élargir la portée de l’économie sociale et solidaire : davantage de gouvernements locaux et de réseaux membres grâce aux dialogues politiques régionaux et à des formations conçues sur place, des sessions communes avec d’autres organisations internationales, un programme pour la jeunesse et des partenariats en Amérique latine et dans les Caraïbes en vue du GSEF2020 à Mexico.\n\nEnsuite, jouer le rôle de plateforme internationale de connaissances : recherches sur les politiques publiques avec des partenaires comme l’OCDE, études de cas dans les territoires membres, programmes de cartographie et de formation en Amérique latine et en Afrique.\n\nTroisième axe, aider les membres à apprendre les uns des autres, avec une lettre d’information mensuelle, un annuaire des membres tenu à jour et une archive des initiatives.\n\nEnfin, renforcer la gouvernance et le secrétariat : un rôle accru pour les coprésidents et les vice-présidents régionaux (Séoul, Montréal, Bilbao, Bamako et Mexico), et une équipe capable de travailler dans les trois langues officielles.',
    },
  },
  {
    slug: 'inaes-webinars-2020',
    publishedAt: '2020-07-17T09:00:00Z',
    title: {
      en: 'Six webinars with Mexican legislators on the social economy',
      fr: 'Six webinaires avec des parlementaires mexicains sur l’économie sociale',
      es: 'Seis seminarios web con legisladores mexicanos sobre la economía social',
      ko: '멕시코 의원들과 함께한 사회적경제 웨비나 6회',
    },
    summary: {
      en: 'Between 26 May and 30 June 2020, Mexico’s National Institute of Social Economy (INAES), GSEF and the GSEF2021 local organising committee held a weekly webinar for members of parliament.',
      fr: 'Du 26 mai au 30 juin 2020, l’Institut national de l’économie sociale du Mexique (INAES), le GSEF et le comité d’organisation local du GSEF2021 ont proposé chaque semaine un webinaire aux parlementaires.',
    },
    body: {
      en: 'The series asked how public policy can be built together with the people who make the social and solidarity economy, and how countries can learn from one another, at a time when COVID-19 was testing every local economy.\n\nSpeakers came from Social Economy Europe, the Chantier de l’économie sociale in Quebec, the OECD and the governments of Mexico and Spain. GSEF’s Secretary General, Laurence Kwark, spoke at the fifth session on 23 June about the challenges ahead after the pandemic and what local governments and SSE actors in the network had done in response.',
      fr: 'La série portait sur la manière de construire les politiques publiques avec celles et ceux qui font l’économie sociale et solidaire, et sur ce que les pays peuvent apprendre les uns des autres, au moment où la COVID-19 mettait chaque économie locale à l’épreuve.\n\nLes intervenants venaient de Social Economy Europe, du Chantier de l’économie sociale au Québec, de l’OCDE et des gouvernements du Mexique et de l’Espagne. La Secrétaire générale du GSEF, Laurence Kwark, est intervenue lors de la cinquième session, le 23 juin, sur les défis de l’après-pandémie et sur les réponses apportées par les gouvernements locaux et les acteurs de l’ESS du réseau.',
    },
  },
];
