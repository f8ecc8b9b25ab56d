/**
 * Spanish and Korean summaries of the programme (ours, like the English and French ones in
 * activities.ts). An activity missing here shows its English text with a notice in es/ko.
 */
export const summariesEsKo: Record<string, { es: string; ko: string }> = {
  'gsef2013-seoul': {
    es: 'El primer Foro Global de la Economía Social, convocado por la ciudad de Seúl, donde nació la idea de una red duradera de ciudades y actores de la ESS.',
    ko: '서울시가 개최한 첫 국제사회적경제포럼으로, 도시와 사회연대경제 주체들의 지속적인 네트워크라는 구상이 여기서 시작되었습니다.',
  },
  'gsef2014-seoul': {
    es: 'El segundo foro en Seúl, donde el GSEF se constituyó como asociación de gobiernos locales y redes de la ESS.',
    ko: '서울에서 열린 두 번째 포럼으로, GSEF가 지방정부와 사회연대경제 네트워크의 협의체로 창립되었습니다.',
  },
  'gsef2016-montreal': {
    es: 'El primer foro fuera de Corea, acogido por Montreal y dedicado a la colaboración entre gobiernos locales y economía social.',
    ko: '한국 밖에서 처음 열린 포럼으로, 몬트리올에서 지방정부와 사회적경제의 협력을 주제로 개최되었습니다.',
  },
  'gsef2021-mexico-city': {
    es: 'El quinto foro, previsto primero para 2020 como GSEF2020 y celebrado en 2021 con la Ciudad de México como anfitriona.',
    ko: '다섯 번째 포럼으로, 처음에는 GSEF2020으로 2020년에 계획되었으나 2021년 멕시코시티를 개최 도시로 열렸습니다.',
  },
  'gsef-uclga-alga-capacity-building-2021': {
    es: 'Cuatro días de formación en línea, en francés, para una treintena de participantes de unos quince países de África, América del Norte y Europa.',
    ko: '아프리카·북미·유럽의 약 15개국에서 온 30여 명이 프랑스어로 나흘간 참여한 온라인 교육입니다.',
  },
  'mexico-city-capacity-building-2019': {
    es: 'Funcionarios municipales y nacionales, actores de la ESS y universidades trabajaron en grupos temáticos y plenarias sobre cómo construir un ecosistema duradero de la ESS.',
    ko: '시·국가 공무원, 사회연대경제 주체, 대학이 주제별 분과와 전체 토론에서 지속가능한 사회연대경제 생태계 조성을 논의했습니다.',
  },
  'gsef-shrdc-capacity-building-2019': {
    es: 'Una semana en Seúl para 13 funcionarios de 12 gobiernos locales de 9 países, con conferencias y visitas sobre el ecosistema de la economía social de Seúl.',
    ko: '9개국 12개 지방정부의 공무원 13명이 서울에서 일주일간 강의와 현장 방문으로 서울의 사회적경제 생태계를 배웠습니다.',
  },
  'kampala-east-africa-training-2019': {
    es: 'Más de 60 actores y responsables de la ESS de Uganda y África Oriental se formaron juntos en Kampala y adoptaron una declaración de compromiso.',
    ko: '우간다와 동아프리카의 사회연대경제 주체와 지도자 60여 명이 캄팔라에서 함께 교육받고 실천 선언을 채택했습니다.',
  },
  'senegal-national-capacity-building-2019': {
    es: 'Gobiernos locales, organizaciones de la ESS, ONG y empresas de todo Senegal trabajaron en seis talleres temáticos y elaboraron un plan de acción para la ESS del país.',
    ko: '세네갈 전역의 지방정부, 사회연대경제 조직, NGO, 기업이 6개 주제 워크숍에서 논의하고 국가 사회연대경제 실행계획을 마련했습니다.',
  },
  'cities-learning-session-2018': {
    es: 'Expertos quebequenses en finanzas sociales dirigieron talleres para profesionales de Seúl sobre cómo Quebec financia su economía social.',
    ko: '퀘벡의 사회적 금융 전문가들이 서울의 실무자들에게 퀘벡의 사회적경제 금융 방식을 소개하는 워크숍을 진행했습니다.',
  },
  'apay-learning-session-2018': {
    es: 'Una conferencia sobre la economía social y solidaria ante unos 100 miembros de la Alianza de YMCA de Asia-Pacífico, centrada en la juventud.',
    ko: '아시아태평양 YMCA 연맹 회원 약 100명을 대상으로 청년에 초점을 맞춘 사회연대경제 강연이 열렸습니다.',
  },
  'citynet-congress-session-2017': {
    es: 'Una sesión conjunta con la Asia Foundation en la que Suwon, Seberang Perai y Jaffna presentaron sus iniciativas urbanas a una treintena de responsables, profesionales y académicos.',
    ko: '아시아재단과 공동으로 연 세션에서 수원, 세베랑페라이, 자프나가 약 30명의 공무원·실무자·연구자에게 도시 사례를 발표했습니다.',
  },
  'gsef-itc-ilo-academy-2017': {
    es: 'La octava Academia de la OIT sobre ESS y la primera en Asia, dedicada a los ecosistemas innovadores de políticas públicas de la ESS y al futuro del trabajo.',
    ko: '아시아에서 처음 열린 제8회 ILO 사회연대경제 아카데미로, 혁신적인 사회연대경제 정책 생태계와 일의 미래를 다루었습니다.',
  },
  'uclg-learning-session-2017': {
    es: 'Un taller de aprendizaje entre pares en el Congreso de Metropolis sobre cómo la economía social y solidaria puede transformar los barrios urbanos.',
    ko: '메트로폴리스 총회에서 사회연대경제가 도시 동네를 어떻게 바꿀 수 있는지를 다룬 동료학습 워크숍입니다.',
  },
  'habitat-iii-2016': {
    es: 'Junto con otras redes de la ESS, el GSEF contribuyó a que la economía social y solidaria figurara en la Nueva Agenda Urbana adoptada aquí.',
    ko: 'GSEF는 다른 사회연대경제 네트워크와 함께 이곳에서 채택된 새로운 도시 의제에 사회연대경제가 포함되도록 힘썼습니다.',
  },
  'led-forum-praia-2017': {
    es: 'El GSEF publicó el Manifiesto de Praia en este foro.',
    ko: 'GSEF는 이 포럼에서 프라이아 선언을 발표했습니다.',
  },
  'hlpf-side-event-2018': {
    es: 'Un evento paralelo sobre los Objetivos de Desarrollo Sostenible y la ESS, organizado con UNDESA y UNRISD durante el foro.',
    ko: '포럼 기간에 UNDESA, UNRISD와 함께 지속가능발전목표와 사회연대경제를 주제로 연 부대행사입니다.',
  },
  'untfsse-conference-session-2019': {
    es: 'Con la OCDE, el GSEF organizó una sesión sobre alianzas entre gobiernos locales y ESS para ciudades inclusivas, con ponentes de Barcelona, Seúl, Kampala y Hyundai Motor Group.',
    ko: 'GSEF는 OECD와 함께 포용도시를 위한 지방정부와 사회연대경제의 협력을 주제로 세션을 열었으며, 바르셀로나·서울·캄팔라·현대자동차그룹의 연사가 참여했습니다.',
  },
  'inaes-webinar-series-2020': {
    es: 'Seis webinarios sobre la co-creación de un nuevo modelo económico y social, organizados por el INAES con el GSEF y el comité organizador local del GSEF2021.',
    ko: 'INAES가 GSEF, GSEF2021 현지조직위원회와 함께 새로운 경제·사회 모델의 공동 창출을 주제로 연 여섯 차례의 웨비나입니다.',
  },
  'sse-policy-module-research-2019': {
    es: 'Un proyecto conjunto de dos años basado en los casos de Barcelona, Quebec y Seúl, para responsables locales de países en desarrollo, investigadores y profesionales. Socios por confirmar entre la OCDE, C.I.T.I.E.S. y UNRISD.',
    ko: '바르셀로나·퀘벡·서울 사례를 바탕으로 개발도상국 지방정부 담당자, 연구자, 실무자를 위한 2년간의 공동 연구입니다. 협력 기관은 OECD, C.I.T.I.E.S., UNRISD 중에서 확정될 예정입니다.',
  },
  'asia-policy-dialogue-1': { es: 'Tema: los rasgos propios de la economía social en Asia y el papel del gobierno y de la sociedad civil.', ko: '주제: 아시아 사회적경제의 특징과 정부·시민사회의 역할.' },
  'asia-policy-dialogue-2': { es: 'Tema: modelos de cooperación entre los sectores de la economía social en Asia.', ko: '주제: 아시아 사회적경제 부문 간 협력 모델.' },
  'asia-policy-dialogue-3': { es: 'Tema: cómo los gobiernos pueden aprovechar al máximo el impacto de la economía social en Asia.', ko: '주제: 아시아에서 사회적경제의 효과를 높이기 위한 정부의 역할.' },
  'asia-policy-dialogue-4': { es: 'Tema: políticas de ESS para un desarrollo socioeconómico inclusivo y sostenible.', ko: '주제: 포용적이고 지속가능한 사회경제 발전을 위한 사회연대경제 정책.' },
  'asia-policy-dialogue-5': { es: 'Tema: políticas de finanzas sociales que aportan valor y competitividad a la ESS.', ko: '주제: 사회연대경제의 가치와 경쟁력을 높이는 사회적 금융 정책.' },
  'europe-policy-dialogue-1': { es: 'Tema: alianzas transformadoras entre gobiernos locales y actores de la ESS.', ko: '주제: 지방정부와 사회연대경제 주체 간의 변혁적 파트너십.' },
  'europe-policy-dialogue-2': { es: 'Tema: sociedades armoniosas e inclusivas para un desarrollo sostenible gracias a la ESS.', ko: '주제: 사회연대경제를 통한 지속가능한 발전과 조화롭고 포용적인 사회.' },
  'africa-policy-dialogue-1': { es: 'Celebrado durante el GSEF2018. Tema: respuestas de la ESS al desempleo juvenil.', ko: 'GSEF2018 기간에 개최. 주제: 청년 실업에 대한 사회연대경제의 해법.' },
  // The 2019 calendar entries and the second advisors' meeting.
  'oecd-meeting-2019': {
    es: 'Elección del socio de investigación y decisión sobre el proyecto de investigación.',
    ko: '연구 협력 기관을 선정하고 연구 프로젝트 추진 여부를 결정하는 자리입니다.',
  },
  'future-of-work-seminar-rome-2019': {
    es: 'Un seminario organizado por la Comisión Católica Internacional de Migración (CCIM).',
    ko: '국제가톨릭이주위원회(ICMC)가 주최하는 세미나입니다.',
  },
  'advisors-meeting-seoul-2019': {
    es: 'La primera de las dos reuniones de los asesores previstas para 2019.',
    ko: '2019년에 예정된 두 차례의 자문위원 회의 가운데 첫 번째 회의입니다.',
  },
  'advisors-meeting-medellin-2019': {
    es: 'La segunda de las dos reuniones de los asesores previstas para 2019.',
    ko: '2019년에 예정된 두 차례의 자문위원 회의 가운데 두 번째 회의입니다.',
  },
  'wsf-transformative-economies-2019': {
    es: 'Allí estaban previstas sesiones coorganizadas con RIPESS.',
    ko: 'RIPESS와 공동으로 여는 세션이 이곳에서 계획되었습니다.',
  },
  'west-africa-training-2019': {
    es: 'Previstos con la OIF como programa de fortalecimiento de capacidades y de mapeo para Malí, Senegal, Togo, Costa de Marfil, Cabo Verde, Marruecos y otros países.',
    ko: 'OIF와 함께 말리, 세네갈, 토고, 코트디부아르, 카보베르데, 모로코 등을 위한 역량강화·지도화 프로그램으로 계획되었습니다.',
  },
  'africa-policy-dialogue-2': {
    es: 'Bajo la conducción de la nueva vicepresidencia regional, la ciudad de Bamako, para abrir un debate regional sobre la agenda económica y social local.',
    ko: '새 지역 부회장 도시인 바마코시가 이끌며, 지역의 경제·사회 의제에 관한 역내 논의를 여는 자리입니다.',
  },
  'asia-policy-dialogue-6': {
    es: 'Un formato nuevo, con mercado de profesionales, visitas de terreno y demostraciones, para una cooperación concreta entre los miembros asiáticos.',
    ko: '실무자 마켓, 현장 방문, 시연을 갖춘 새로운 형식으로 아시아 회원 간의 구체적인 협력을 도모합니다.',
  },
  'steering-committee-2019-q3': {
    es: 'El calendario la sitúa en Ciudad de México; el plan de reuniones indicaba Medellín, en la segunda semana de julio.',
    ko: '일정표에는 멕시코시티로 되어 있으나, 회의 계획에는 7월 둘째 주 메데인으로 적혀 있었습니다.',
  },
  'latin-america-policy-dialogue-1': {
    es: 'La primera edición, prevista junto al foro regional de desarrollo económico local.',
    ko: '지역경제개발 지역포럼과 나란히 계획된 첫 번째 정책대화입니다.',
  },
  'east-southern-africa-training-2019': {
    es: 'Para Uganda, Kenia, Etiopía, Tanzania, Ruanda, Sudáfrica y otros países; día aún por fijar.',
    ko: '우간다, 케냐, 에티오피아, 탄자니아, 르완다, 남아프리카공화국 등을 대상으로 하며, 날짜는 아직 정해지지 않았습니다.',
  },
  'global-youth-camp-2019': {
    es: 'Un encuentro internacional de jóvenes actores de la ESS para unas 100 personas, preparado por un comité de jóvenes representantes de los miembros.',
    ko: '회원 단체의 청년 대표들로 구성된 위원회가 준비하는, 약 100명 규모의 청년 사회연대경제 주체 국제 모임입니다.',
  },
  'lac-capacity-building-cordoba-2019': {
    es: 'Fortalecimiento de capacidades y mapeo de la ESS para México, Costa Rica, Cuba, Ecuador, Guatemala, Perú, Argentina, Uruguay, Chile y otros países.',
    ko: '멕시코, 코스타리카, 쿠바, 에콰도르, 과테말라, 페루, 아르헨티나, 우루과이, 칠레 등을 위한 역량강화와 사회연대경제 지도화입니다.',
  },
  'led-forum-cordoba-2019': {
    es: 'El GSEF preveía aquí una sesión sobre la ESS con sus miembros de América Latina y el Caribe.',
    ko: 'GSEF는 이 포럼에서 라틴아메리카·카리브 회원들과 함께 사회연대경제 세션을 열 계획이었습니다.',
  },
  'asia-officials-training-2019': {
    es: 'Una semana de formación y visita de estudio en Seúl para funcionarios de ciudades miembro de Asia y del África anglófona.',
    ko: '아시아와 영어권 아프리카 회원 도시의 공무원을 위한 서울에서의 일주일간 교육 및 연수 방문입니다.',
  },
  'europe-policy-dialogue-3': {
    es: 'En la continuidad del GSEF2018, para ayudar a los miembros europeos a encontrar nuevas respuestas a los problemas actuales y a cooperar con miembros de países en desarrollo.',
    ko: 'GSEF2018의 후속으로, 유럽 회원들이 당면 문제에 대한 새로운 해법을 찾고 개발도상국 회원들과 협력하도록 돕는 자리입니다.',
  },
};

/**
 * The themes of the six 2020 INAES webinars in Spanish and Korean: each webinar's title and
 * summary in those languages (the English and French ones are in activities.ts).
 */
export const webinarThemesEsKo: { es: string; ko: string }[] = [
  { es: 'Cambios estratégicos de los modelos económicos y sociales frente a la COVID-19', ko: '코로나19에 맞선 경제·사회 모델의 전략적 전환' },
  { es: 'Economía social: inclusión social y bienestar', ko: '사회적경제: 사회적 포용과 웰빙' },
  { es: 'La economía social como vía hacia el desarrollo sostenible', ko: '지속가능한 발전의 수단으로서의 사회적경제' },
  { es: 'Políticas públicas para los ecosistemas de la ESS: el papel de los responsables políticos', ko: '사회연대경제 생태계를 위한 공공정책: 정책 결정자의 역할' },
  { es: 'El modelo económico y social después de la COVID-19: desafíos y cómo superarlos', ko: '코로나19 이후의 경제·사회 모델: 과제와 극복 방안' },
  { es: 'Condición para una mejor gobernanza: las políticas públicas de la economía social', ko: '더 나은 거버넌스의 전제: 사회적경제 공공정책' },
];

/** Spanish and Korean summaries of the three phases of the 2019–2020 research project. */
export const researchPhasesEsKo: Record<string, { es: string; ko: string }> = {
  'sse-policy-module-research-phase-0': {
    es: 'Definir el alcance y los campos de la investigación, dialogar con los socios y firmar el convenio con el instituto de investigación.',
    ko: '연구의 범위와 분야를 정하고, 파트너와 협의하며, 연구기관과 협약을 체결합니다.',
  },
  'sse-policy-module-research-phase-1': {
    es: 'Formar el equipo de investigación, realizar la investigación preliminar, fijar el marco y hacer los estudios de campo.',
    ko: '연구팀을 꾸리고 예비 조사를 거쳐 연구 틀을 확정한 뒤 현장 연구를 진행합니다.',
  },
  'sse-policy-module-research-phase-2': {
    es: 'Redactar el borrador del módulo, comprobar su viabilidad y publicar el informe final.',
    ko: '모듈 초안을 작성하고 실행 가능성을 검토한 뒤 최종 보고서를 발간합니다.',
  },
};
