import { typstPrelude, typstString, typstText } from '../../pdf/index.ts';
import { entryAnchor, type Booklet, type BookletEntry, type IndexLine, type Shown } from './model.ts';

/**
 * The booklet as Typst source. Every text goes in through typstText/typstString (never as markup),
 * so nothing a submitter wrote can change the layout. Page numbers in the contents and the indexes
 * are the pages where Typst really placed each entry (`locate(label).page()`), and the footer shows
 * the same physical page number, so "p. 12" in the contents is page 12 of the file.
 */
export function bookletSource(booklet: Booklet): string {
  return [
    typstPrelude({ lang: booklet.lang }),
    `#set document(title: ${typstString(`${booklet.title} — ${booklet.labels.subtitle}`)}, author: "GSEF")`,
    '#set page(paper: "a4", margin: (x: 2.2cm, y: 2.4cm), footer: context { let n = here().page(); if n > 1 { align(center, text(size: 8pt, str(n))) } })',
    '#set text(size: 9.5pt)',
    '#set par(justify: true, leading: 0.6em, spacing: 0.9em)',
    '#show heading: set text(weight: "bold")',
    '#show heading.where(level: 1): it => { pagebreak(weak: true); block(below: 1.2em, text(size: 17pt, it.body)) }',
    '#show heading.where(level: 2): it => block(above: 1.4em, below: 0.8em, text(size: 13pt, it.body))',
    '#show heading.where(level: 3): it => block(above: 1.2em, below: 0.7em, text(size: 11pt, it.body))',
    '#show heading.where(level: 4): it => block(above: 1.1em, below: 0.5em, sticky: true, text(size: 10pt, it.body))',
    cover(booklet),
    frontMatter(booklet),
    contents(booklet),
    ...booklet.days.map((day) => [
      `#heading(level: 1, ${typstString(day.heading)})`,
      ...day.sessions.map((session) => [
        `#heading(level: 2, ${typstString(session.heading)})`,
        ...session.workshops.map((workshop) => [
          workshop.code || workshop.title ? `#heading(level: 3)[${typstText(workshop.code)} ${workshop.title ? typstText(workshop.title.text) : ''}]${mark(workshop.title)}` : '',
          workshop.details ? `#text(size: 9pt, style: "italic")[${typstText(workshop.details)}]\n` : '',
          ...workshop.entries.map(entry),
        ].join('\n')),
      ].join('\n')),
    ].join('\n')),
    thematic(booklet),
    indexSection(booklet.labels.countries, booklet.countries),
    indexSection(booklet.labels.organisations, booklet.organisations),
    partners(booklet),
  ].join('\n');
}

const label = (code: string) => `label(${typstString(entryAnchor(code))})`;

function mark(text: Shown | null | undefined): string {
  return text?.mark ? `\n#text(size: 8pt, fill: luma(90), ${typstString(text.mark)})\n` : '';
}

function cover(booklet: Booklet): string {
  return `#page(footer: none)[
#v(5cm)
#align(center)[
#text(size: 30pt, weight: "bold", ${typstString(booklet.title)})
#v(1cm)
#text(size: 16pt, ${typstString(booklet.labels.subtitle)})
${booklet.dates ? `#v(0.6cm)\n#text(size: 12pt, ${typstString(booklet.dates)})` : ''}
]]`;
}

function paragraphs(text: string): string {
  return text.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean).map((part) => `${typstText(part.replace(/\s*\n\s*/g, ' '))}\n`).join('\n');
}

function frontMatter(booklet: Booklet): string {
  if (!booklet.frontMatter) return '';
  return `#heading(level: 1, outlined: false, ${typstString(booklet.labels.frontMatter)})${mark(booklet.frontMatter)}\n${paragraphs(booklet.frontMatter.text)}`;
}

/** The contents: sessions, workshops and every entry, each with the page it starts on. */
function contents(booklet: Booklet): string {
  const rows: string[] = [];
  const page = (code: string) => `context str(locate(${label(code)}).page())`;
  for (const day of booklet.days) {
    rows.push(`table.cell(colspan: 3, inset: (top: 8pt), strong(${typstString(day.heading)}))`);
    for (const session of day.sessions) {
      rows.push(`table.cell(colspan: 3, emph(${typstString(session.heading)}))`);
      for (const workshop of session.workshops) {
        if (workshop.title) rows.push(`strong(${typstString(workshop.code)}), table.cell(colspan: 2, strong(${typstString(workshop.title.text)}))`);
        for (const item of workshop.entries) rows.push(`${typstString(item.code)}, ${typstString(item.title.text)}, align(right, ${page(item.code)})`);
      }
    }
  }
  return `#heading(level: 1, outlined: false, ${typstString(booklet.labels.contents)})
#table(columns: (auto, 1fr, auto), stroke: none, inset: (x: 3pt, y: 2.5pt), align: top,
${rows.map((row) => `  ${row},`).join('\n')}
)`;
}

function entry(item: BookletEntry): string {
  const place = [item.organisation ? typstText(`${item.organisation.text}.`) : '', item.place ? typstText(item.place) : ''].filter(Boolean).join(' ');
  const presenters = item.presenters.map((person) => `- ${typstText([person.name, person.role].filter(Boolean).join('. '))}${person.url ? ` #link(${typstString(person.url)}, ${typstString(person.url)})` : ''}`).join('\n');
  const links = item.links.map((link) => `#link(${typstString(link)}, ${typstString(link)})`).join(' \\\n');
  return [
    `#heading(level: 4)[${typstText(item.code)} #h(0.4em) ${typstText(item.title.text)}]<${entryAnchor(item.code)}>`,
    mark(item.title),
    place ? `#par(justify: false)[#emph[${place}]]` : '',
    item.runBy ? `#par(justify: false, text(weight: "bold", ${typstString(item.runBy)}))` : '',
    item.summary ? `${mark(item.summary)}${paragraphs(item.summary.text)}` : '',
    presenters ? `${presenters}\n` : '',
    links ? `#par(justify: false)[${links}]` : '',
  ].filter(Boolean).join('\n');
}

function thematic(booklet: Booklet): string {
  if (!booklet.thematic.length) return '';
  const rows = booklet.thematic.map((item) =>
    `${typstString(item.code)}, [${typstText(item.title.text)}${item.organisation ? ` — ${typstText(item.organisation.text)}` : ''}], align(right, context str(locate(${label(item.code)}).page()))`);
  return `#heading(level: 1, ${typstString(booklet.labels.thematic)})
#table(columns: (auto, 1fr, auto), stroke: none, inset: (x: 3pt, y: 3pt), align: top,
${rows.map((row) => `  ${row},`).join('\n')}
)`;
}

/** An index: each name with the pages of its entries, in order and without repeats. */
function indexSection(title: string, lines: IndexLine[]): string {
  if (!lines.length) return '';
  const rows = lines.map((line) =>
    `${typstString(line.name)}, align(right, context (${line.codes.map((code) => `${label(code)},`).join(' ')}).map(l => locate(l).page()).dedup().map(str).join(", "))`);
  return `#heading(level: 1, ${typstString(title)})
#table(columns: (1fr, auto), stroke: none, inset: (x: 3pt, y: 2pt), align: top,
${rows.map((row) => `  ${row},`).join('\n')}
)`;
}

function partners(booklet: Booklet): string {
  if (!booklet.partners.length) return '';
  return `#heading(level: 1, ${typstString(booklet.labels.partners)})
#columns(2)[
${booklet.partners.map((name) => `${typstText(name)}\n`).join('\n')}
]`;
}
