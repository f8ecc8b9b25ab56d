/** GSEF's five regions, and which region each country (ISO 3166 alpha-2) belongs to. */
export const REGIONS = ['africa', 'asia-pacific', 'europe', 'latin-america-caribbean', 'north-america'] as const;
export type Region = (typeof REGIONS)[number];

const MEMBERS: Record<Region, string> = {
  africa:
    'DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW',
  'asia-pacific':
    'AF AM AZ BH BD BT BN KH CN GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP OM PK PS PH QA SA SG KR LK SY TW TJ TH TL TM AE UZ VN YE ' +
    'AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF IO CX CC HM',
  europe:
    'AX AL AD AT BY BE BA BG HR CY CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA TR',
  'latin-america-caribbean':
    'AI AG AR AW BS BB BZ BO BQ BR VG KY CL CO CR CU CW DM DO EC SV FK GF GD GP GT GY HT HN JM MQ MX MS NI PA PY PE PR BL KN LC MF VC SX SR TT TC VI UY VE GS BV',
  'north-america': 'US CA GL BM PM',
};

const REGION_OF: ReadonlyMap<string, Region> = new Map(
  REGIONS.flatMap((region) => MEMBERS[region].split(/\s+/).map((code) => [code, region] as const)),
);

/** The region of a country, or null for the few territories outside all five (Antarctica…). */
export function regionOf(country: string): Region | null {
  return REGION_OF.get(country.toUpperCase()) ?? null;
}

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}
