import { compilePdf, typstPrelude } from '../pdf/index.ts';
import type { Translator } from '../i18n/i18n.ts';
import { textOf } from '../i18n/translatable.ts';
import type { Lang } from '../i18n/langs.ts';
import type { AnnualReport } from './report.ts';

/**
 * The annual report as a tagged PDF, laid out by Typst (docs/decisions/0800-report-pdf-typst.md).
 * All text goes in as one JSON input, never spliced into the Typst source, so no title can break
 * the markup. Compiled by src/pdf (a child process; the npm font only; Korean broken between words);
 * the template follows src/pdf's prelude.
 */
const TEMPLATE = `
#let d = json(bytes(sys.inputs.data))
#set document(title: d.title)
#set page(paper: "a4", margin: 2cm, footer: context align(right, counter(page).display()))
#set text(size: 10pt)
#heading(level: 1, d.title)
#d.intro
#for section in d.sections [
  #heading(level: 2, section.title)
  #for line in section.lines [ #line \\ ]
  #if section.rows.len() > 0 {
    table(columns: (1fr, auto), table.header([*#section.key*], [*#section.count*]), ..section.rows.map(r => (r.at(0), r.at(1))).flatten())
  }
]
`;

export function reportDocument(report: AnnualReport, t: Translator, lang: Lang) {
  const { figures, year } = report;
  const label = (prefix: string) => (key: string) => {
    if (key === '—') return t('stats.unknown');
    try { return t(`${prefix}${key}`); } catch { return key; }
  };
  const rows = (list: { key: string; count: number }[], labelOf: (key: string) => string) => list.map((row) => [labelOf(row.key), String(row.count)]);
  const y = String(year);
  const activitiesTotal = figures.activities.types.reduce((sum, row) => sum + row.count, 0);
  const section = (title: string, lines: string[], key = '', table: string[][] = []) => ({ title, lines, key, count: t('stats.count'), rows: table });
  return {
    lang,
    title: t('report.title', { year: y }),
    intro: t('report.intro', { year: y, day: t.date(report.end, 'long') }),
    sections: [
      section(t('stats.figure.activities-by-type'), [t('report.activities_total', { count: activitiesTotal, year: y })], t('stats.key.type'), rows(figures.activities.types, label('activities.type.'))),
      section(t('stats.figure.activities-by-region'), [], t('stats.key.region'), rows(figures.activities.regions, label('initiatives.region.'))),
      section(t('stats.reach', { year: y }), figures.activities.reach.map((row) => `${textOf(row.title, lang)}: ${t('stats.participants')} ${row.participants ?? '—'}, ${t('stats.countries')} ${row.countries_count ?? '—'}`)),
      section(t('stats.members'), [t('report.membership_change', { start: report.membersAtStart, end: figures.members.total, year: y, day: t.date(report.end, 'long') })], t('stats.key.kind'), rows(figures.members.byKind, label('members.kind.'))),
      section(t('report.governance'), report.meetings.length ? report.meetings.map((m) => `${textOf(m.body, lang)}, ${t.date(m.starts_on, 'long')}: ${t('report.decisions', { count: Number(m.decisions) })}`) : [t('report.no_meetings')]),
      section(t('report.publications'), report.publications.length ? report.publications.map((r) => textOf(r.title, lang)) : [t('stats.summary_none')]),
    ],
  };
}

/** Compiles the report (in src/pdf's child process), dated the last day of its year so the same figures give the same bytes. */
export async function reportPdf(report: AnnualReport, t: Translator, lang: Lang): Promise<Buffer> {
  return compilePdf(`${typstPrelude({ lang })}${TEMPLATE}`, {
    inputs: { data: JSON.stringify(reportDocument(report, t, lang)) },
    createdAt: new Date(`${report.end}T00:00:00Z`),
  });
}
