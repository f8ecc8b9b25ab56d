import type { Lang } from '../i18n/langs.ts';
import { resolveCountry } from '../places/countries.ts';
import { compareCodes } from './codes.ts';
import { detectLang, dominantLang } from './detect-lang.ts';

export { compareCodes };

/**
 * Reads the text form of a forum booklet (as GSEF prints them: days, "ATELIERS SESSION n" blocks,
 * workshops `s.w`, numbered items `s.w.i`, an "organisation. City, Country" line, a summary and
 * presenter lines, with or without web addresses). Pure: no database, no gazetteer. Nothing here
 * depends on one booklet's numbering or length; sessions and workshops come from the codes found.
 *
 * Other booklets number differently: `A-1` (workshop A, item 1) and "Atelier 3 / Initiative 2"
 * (or "Taller 3 / Iniciativa 2", "Workshop 3 / Initiative 2") are read too, with their headings in
 * French, Spanish or English ("ATELIERS", "TALLERES", "WORKSHOPS"). Their entries are stored under
 * numeric codes `session.workshop.item` (workshop A is 1, B is 2; a booklet without sessions has
 * session 1), the form every part of the archive sorts and filters by; the printed number is kept
 * in `printedCode` for the report.
 */
export interface ReportLine {
  line: number;
  level: 'error' | 'warning';
  code: string | null;
  message: string;
}

export interface ParsedPresenter {
  name: string;
  role: string | null;
  organisation: string | null;
  url: string | null;
}

export interface ParsedEntry {
  line: number;
  code: string;
  /** The number as the booklet prints it ("A-1", "Atelier 3 / Initiative 2", "1.2.3"). */
  printedCode: string;
  /** The language the entry is written in, detected from its title and summary; null when unsure. */
  lang: Lang | null;
  kind: 'initiative' | 'thematic_workshop';
  sessionCode: string;
  workshopCode: string;
  title: string;
  organisation: string | null;
  city: string | null;
  subregion: string | null;
  country: string | null;
  summary: string;
  presenters: ParsedPresenter[];
  links: string[];
}

export interface ParsedWorkshop { code: string; sessionCode: string; title: string; line: number }
export interface ParsedSession { code: string; day: number; line: number }
export interface ParsedDay { position: number; date: string | null; line: number }

export interface ParsedBooklet {
  days: ParsedDay[];
  sessions: ParsedSession[];
  workshops: ParsedWorkshop[];
  entries: ParsedEntry[];
  report: ReportLine[];
  /** The language most entries are written in (French when nothing tells). */
  lang: Lang;
}

const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const SESSION = /^(?:(?:ATELIERS|TALLERES|WORKSHOPS)[\s:–-]+)?(?:SESSION|SESI[ÓO]N)\s+(\d+)\s*$/i;
/** A heading that opens the programme in a booklet without sessions. */
const PROGRAMME = /^(?:ATELIERS|TALLERES|WORKSHOPS)\s*$/i;
const WORKSHOP_WORD = '(?:Atelier|Taller|Workshop)';
const ITEM_WORD = '(?:Initiative|Iniciativa)';
/** "A-1 Title": workshop A, item 1. */
const LETTER_ITEM = /^([A-Z])\s?-\s?(\d+)\.?\s+(\S.*)$/;
/** "Atelier 3 / Initiative 2 : Title". */
const WORDS_ITEM = new RegExp(`^${WORKSHOP_WORD}\\s+(\\d+)\\s*[/,|–—-]\\s*${ITEM_WORD}\\s+(\\d+)\\s*[:.–—-]?\\s+(\\S.*)$`, 'i');
/** "Atelier 3 : Title", "Workshop B – Title": a workshop heading in words. */
const WORDS_WORKSHOP = new RegExp(`^${WORKSHOP_WORD}\\s+(\\d+|[A-Z])\\s*[:.–—-]\\s*(\\S.*)$`, 'i');
/** "B. Title" (a bare letter): a workshop heading only when items "B-1" follow. */
const LETTER_WORKSHOP = /^([A-Z])[.)]\s+(\S.*)$/;
/**
 * A line that starts like an entry's number but is none of the forms above ("1.2.3Title", "1.2.",
 * "A-", "Atelier 3 / Initiative"): reported, never read as more of the previous entry's summary.
 */
function looksNumbered(text: string): boolean {
  return /^\d+\.\d+\.(?:\d|[^\s\d])/.test(text) ||
    /^\d+\.\d+\.?$/.test(text) ||
    /^[A-Z]\s?-\s?(?:\d+(?:[^\s\d.]|\.?$)|$)/.test(text) ||
    new RegExp(`^${WORKSHOP_WORD}\\s+\\d+\\s*(?:[/,|]|${ITEM_WORD})`, 'i').test(text);
}
/** "Présenté par : …", "Presenters: …", "Ponentes: …": presenters named without a web address. */
const PRESENTER_LABEL = /^(?:pr[ée]sent[ée]e?s?\s+par|pr[ée]sentat(?:eur|rice)s?|intervenant(?:e)?s?|presenters?|presented\s+by|speakers?|ponentes?|presentad[oa]s?\s+por|presentador(?:a|es)?)\s*:\s*/i;
const OVERVIEW = /^\d+(?:\.\d+)+\.?\t/;
const WORKSHOP = /^(\d+)\.(\d+)\.?\s+(\S.*)$/;
const ITEM = /^(\d+)\.(\d+)\.(\d+)\.?\s+(\S.*)$/;
const DAY = /^(\d{1,2})\s+(?:de\s+)?([A-Za-zÀ-ÿ]+)\s*\/\s*\S+/;
const URL = /<?(https?:\/\/[^\s<>]+?)>?(?=[\s.,;)*]*(?:\s|$))/g;
const COORDINATOR = /(?:coordonn[ée]+|organis[ée]+)\s+par\s+(?:l['’]|la\s+|le\s+|les\s+)?([^<*]+?)(?:\s*[-–<*]|\.\s|\.?$)/i;
const HONORIFIC = /^(?:M\.|Mme\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sr\.?|Sra\.?)\s+/;

/** Decodes a booklet file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252. */
export function decodeBooklet(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

interface Block { line: number; text: string }

export function parseBooklet(source: string): ParsedBooklet {
  const lines = source.replace(/^\uFEFF/, '').replace(/\u0000/g, '').split(/\r\n|\r|\n/);
  const result: ParsedBooklet = { days: [], sessions: [], workshops: [], entries: [], report: [], lang: 'fr' };
  const report = (line: number, level: ReportLine['level'], code: string | null, message: string) => result.report.push({ line, level, code, message });
  const year = Number(source.match(/\b(19|20)\d{2}\b/)?.[0]) || null;

  let day: ParsedDay | null = null;
  let sawDetailSinceDay = false;
  let session: string | null = null;
  let workshop: ParsedWorkshop | null = null;
  let current: { entry: ParsedEntry; blocks: Block[] } | null = null;
  let workshopBlocks: Block[] = [];
  let workshopHasItems = false;
  const seen = new Map<string, ParsedEntry>();
  // Entries are completed when their block ends; they are checked for duplicates once all are read.
  const addEntryLater: ParsedEntry[] = [];

  const newDay = (line: number, date: string | null) => {
    day = { position: result.days.length + 1, date, line };
    result.days.push(day);
    sawDetailSinceDay = false;
  };
  const flushEntry = () => {
    if (current) finishEntry(current.entry, current.blocks, report);
    current = null;
  };
  const flushWorkshop = () => {
    flushEntry();
    if (workshop && !workshopHasItems) {
      // A workshop presented as a whole (a partner's thematic session) with no numbered items.
      if (workshopBlocks.length > 0) {
        const entry = blankEntry(workshop.line, workshop.code, workshop.sessionCode, workshop.code, workshop.title);
        entry.kind = 'thematic_workshop';
        finishEntry(entry, workshopBlocks, report);
        addEntry(entry);
      } else report(workshop.line, 'warning', workshop.code, 'workshop without any item or description');
    }
    workshop = null;
    workshopBlocks = [];
    workshopHasItems = false;
  };
  const addEntry = (entry: ParsedEntry) => {
    const first = seen.get(entry.code);
    if (!first) {
      seen.set(entry.code, entry);
      result.entries.push(entry);
    } else if (first.title === entry.title && first.organisation === entry.organisation) {
      report(entry.line, 'warning', entry.code, `code ${entry.code} repeated (first at line ${first.line}); the repeat is ignored`);
    } else {
      report(entry.line, 'error', entry.code, `duplicate code ${entry.code}: already used at line ${first.line} by another entry`);
    }
  };
  const ensureSession = (code: string, line: number) => {
    if (!result.sessions.some((s) => s.code === code)) {
      if (!day) newDay(line, null);
      result.sessions.push({ code, day: day!.position, line });
    }
  };

  const openItem = (lineNo: number, sessionCode: string, workshopNumber: number, itemNumber: number, title: string, printedCode: string, printedWorkshop: string) => {
    endParagraph();
    flushEntry();
    const workshopCode = `${sessionCode}.${workshopNumber}`;
    ensureSession(sessionCode, lineNo);
    sawDetailSinceDay = true;
    if (!workshop || workshop.code !== workshopCode) {
      flushWorkshop();
      workshop = addWorkshop(result, workshopCode, sessionCode, printedWorkshop, lineNo);
      report(lineNo, 'warning', workshopCode, `no heading for workshop ${printedWorkshop}; its code is used as its title`);
    }
    workshopHasItems = true;
    const entry = blankEntry(lineNo, `${workshopCode}.${itemNumber}`, sessionCode, workshopCode, cleanText(title));
    entry.printedCode = printedCode;
    current = { entry, blocks: [] };
    addEntryLater.push(entry);
  };
  const openWorkshop = (lineNo: number, sessionCode: string, workshopNumber: number, title: string) => {
    endParagraph();
    flushWorkshop();
    ensureSession(sessionCode, lineNo);
    sawDetailSinceDay = true;
    workshop = addWorkshop(result, `${sessionCode}.${workshopNumber}`, sessionCode, cleanText(title), lineNo);
  };

  let paragraph: Block | null = null;
  const endParagraph = () => {
    if (!paragraph) return;
    if (current) current.blocks.push(paragraph);
    else if (workshop) workshopBlocks.push(paragraph);
    paragraph = null;
  };

  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1;
    const raw = lines[index]!.replace(/\t+$/, '');
    const text = raw.trim();
    if (text === '') { endParagraph(); continue; }
    if (OVERVIEW.test(raw)) { endParagraph(); continue; }

    const dayMatch = text.match(DAY);
    const month = dayMatch ? MONTHS[normalizeWord(dayMatch[2]!)] : undefined;
    if (dayMatch && month) {
      endParagraph();
      flushWorkshop();
      const d = Number(dayMatch[1]);
      newDay(lineNo, year && d >= 1 && d <= 31 ? `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null);
      session = null;
      continue;
    }

    const sessionMatch = text.match(SESSION);
    if (sessionMatch) {
      endParagraph();
      flushWorkshop();
      const isOverview = OVERVIEW.test(nextNonEmpty(lines, index + 1) ?? '');
      if (isOverview && day && sawDetailSinceDay) {
        // Each day opens with an overview of its sessions: a new overview after detailed
        // sessions, with no day heading, means the booklet skipped that day's heading.
        const previous = day as ParsedDay;
        newDay(lineNo, previous.date ? nextDate(previous.date) : null);
        report(lineNo, 'warning', null, `no day heading before this session list; assumed the next day${previous.date ? ` (${nextDate(previous.date)})` : ''}`);
      }
      session = sessionMatch[1]!;
      if (!isOverview) {
        ensureSession(session, lineNo);
        sawDetailSinceDay = true;
      }
      continue;
    }

    const item = text.match(ITEM);
    if (item) {
      const [, s, w, i, title] = item;
      const sessionCode = String(Number(s));
      if (session !== null && session !== sessionCode) report(lineNo, 'warning', `${sessionCode}.${Number(w)}.${Number(i)}`, `item numbered in session ${sessionCode} but printed under session ${session}`);
      openItem(lineNo, sessionCode, Number(w), Number(i), title!, `${sessionCode}.${Number(w)}.${Number(i)}`, `${sessionCode}.${Number(w)}`);
      continue;
    }
    const letterItem = text.match(LETTER_ITEM);
    if (letterItem) {
      const [, letter, i, title] = letterItem;
      openItem(lineNo, session ?? '1', letterNumber(letter!), Number(i), title!, `${letter}-${Number(i)}`, letter!);
      continue;
    }
    const wordsItem = text.match(WORDS_ITEM);
    if (wordsItem) {
      const [, w, i, title] = wordsItem;
      openItem(lineNo, session ?? '1', Number(w), Number(i), title!, text.slice(0, text.length - title!.length).replace(/[\s:.–-]+$/, ''), text.match(/^\S+\s+\d+/)![0]);
      continue;
    }

    const ws = text.match(WORKSHOP);
    if (ws && session !== null && (current === null || (current as { blocks: Block[] }).blocks.length > 0 || workshop === null) && looksLikeHeading(ws[3]!)) {
      openWorkshop(lineNo, String(Number(ws[1])), Number(ws[2]), ws[3]!);
      continue;
    }
    const wordsWorkshop = text.match(WORDS_WORKSHOP);
    const letterWorkshop = text.match(LETTER_WORKSHOP);
    if (wordsWorkshop && looksLikeHeading(wordsWorkshop[2]!)) {
      const number = /^\d+$/.test(wordsWorkshop[1]!) ? Number(wordsWorkshop[1]) : letterNumber(wordsWorkshop[1]!.toUpperCase());
      openWorkshop(lineNo, session ?? '1', number, wordsWorkshop[2]!);
      continue;
    }
    if (letterWorkshop && new RegExp(`^${letterWorkshop[1]}\\s?-\\s?1\\b`).test(nextNonEmpty(lines, index + 1)?.trim() ?? '')) {
      openWorkshop(lineNo, session ?? '1', letterNumber(letterWorkshop[1]!), letterWorkshop[2]!);
      continue;
    }
    if (PROGRAMME.test(text)) {
      // "TALLERES", "WORKSHOPS": the programme of a booklet without sessions starts here.
      endParagraph();
      flushWorkshop();
      session ??= '1';
      continue;
    }
    if ((session !== null || workshop || current) && looksNumbered(text)) {
      endParagraph();
      flushEntry();
      report(lineNo, 'error', null, `"${text.slice(0, 60)}" starts like an entry number but cannot be read (expected "1.2.3 Title", "A-1 Title" or "Atelier 3 / Initiative 2 : Title")`);
      continue;
    }

    if (session === null && !workshop) continue; // cover pages, introduction, partner lists
    if (/^(?:\*\*)?\d+\.\s/.test(text) || /^- /.test(text)) endParagraph();
    if (paragraph) (paragraph as Block).text += ` ${text}`;
    else paragraph = { line: lineNo, text };
    // After the last session, a line in capitals (e.g. the partners' list) closes the programme.
    if (!current && !workshop) paragraph = null;
    if (/^(PARTENAIRES|PARTNERS|SOCIOS|파트너)$/i.test(text)) { paragraph = null; flushWorkshop(); session = null; }
  }
  endParagraph();
  flushWorkshop();
  for (const entry of addEntryLater) addEntry(entry);
  for (const entry of result.entries) entry.lang = detectLang(`${entry.title}\n${entry.summary}`);
  result.lang = dominantLang(result.entries.map((entry) => entry.lang), 'fr');
  // The report speaks the booklet's numbering: "A-2 (1.1.2)" where the booklet printed A-2.
  const printed = new Map(addEntryLater.filter((entry) => entry.printedCode !== entry.code).map((entry) => [entry.code, entry.printedCode]));
  for (const line of result.report) if (line.code && printed.has(line.code)) line.code = `${printed.get(line.code)} (${line.code})`;
  result.entries.sort((a, b) => compareCodes(a.code, b.code));
  if (result.entries.length === 0) report(1, 'error', null, 'no numbered entries found: is this a booklet in the expected text form?');
  return result;
}

function addWorkshop(result: ParsedBooklet, code: string, sessionCode: string, title: string, line: number): ParsedWorkshop {
  const existing = result.workshops.find((w) => w.code === code);
  if (existing) return existing;
  const workshop = { code, sessionCode, title, line };
  result.workshops.push(workshop);
  return workshop;
}

function blankEntry(line: number, code: string, sessionCode: string, workshopCode: string, title: string): ParsedEntry {
  return { line, code, printedCode: code, lang: null, kind: 'initiative', sessionCode, workshopCode, title, organisation: null, city: null, subregion: null, country: null, summary: '', presenters: [], links: [] };
}

function finishEntry(entry: ParsedEntry, blocks: Block[], report: (line: number, level: ReportLine['level'], code: string | null, message: string) => void) {
  const rest = [...blocks];
  const first = rest[0];
  const coordinator = first?.text.match(COORDINATOR);
  if (first && (coordinator || /^(atelier|groupe de d[ée]bat|workshop|session)\b/i.test(first.text))) {
    entry.kind = 'thematic_workshop';
    entry.organisation = coordinator ? cleanText(coordinator[1]!).replace(/\s+(?:et|and|y)\s*$/i, '') : null;
    const moderator = first.text.match(/Mod[ée]rat(?:eur|rice)\s*:?\s*(?:M\.|Mme\.?)?\s*([^*]+)/i);
    if (moderator) entry.presenters.push(...parsePresenters(moderator[1]!).map((p) => ({ ...p, role: p.role ? `${p.role}` : null })));
    entry.links.push(...urls(first.text));
    rest.shift();
  } else if (first && isPlaceLine(first.text) && rest.length > 1) {
    const { unknownPlace, ...place } = parsePlaceLine(first.text);
    Object.assign(entry, place);
    rest.shift();
    if (unknownPlace) report(first.line, 'error', entry.code, `unknown country "${unknownPlace.slice(0, 80)}"`);
    else if (!entry.country) report(first.line, 'warning', entry.code, 'organisation line without a place');
  } else {
    report(entry.line, 'warning', entry.code, 'no "organisation. City, Country" line after the title');
  }
  const summary: string[] = [];
  for (const block of rest) {
    if (PRESENTER_LABEL.test(block.text)) {
      // A labelled list needs no web address: "Ponentes: Ana Ruiz, Directora; Luis Paz, Gerente".
      const named = block.text.replace(PRESENTER_LABEL, '').split(/\s*;\s*|\s+\/\s+/).filter(Boolean);
      entry.presenters.push(...named.flatMap((one) => parsePresenters(one)));
      entry.links.push(...urls(block.text));
    } else if (isPresenterBlock(block.text)) {
      entry.presenters.push(...parsePresenters(block.text));
      entry.links.push(...urls(block.text));
    } else summary.push(cleanText(block.text));
  }
  if (entry.presenters.length === 0 && entry.kind === 'initiative' && summary.length > 1) {
    // The last short paragraph, without a web address, names the presenter: "Name. Role" or "Name, Role".
    const last = summary[summary.length - 1]!;
    if (last.length < 200 && (/\.\s/.test(last) || NAME_COMMA_ROLE.test(last))) entry.presenters.push(...parsePresenters(summary.pop()!));
  }
  entry.summary = summary.join('\n\n');
  entry.links = [...new Set(entry.links)];
  if (!entry.summary) report(entry.line, 'warning', entry.code, 'no summary');
  if (entry.presenters.length === 0) report(entry.line, 'warning', entry.code, 'no presenter line');
}

function isPlaceLine(text: string): boolean {
  return text.length < 200 && !isPresenterBlock(text) && !/:\s/.test(text.slice(0, 40));
}

/** "Mairie de Barcelone. Barcelone, Catalogne, Espagne" → organisation, city, subregion, country. */
export function parsePlaceLine(text: string): Pick<ParsedEntry, 'organisation' | 'city' | 'subregion' | 'country'> & { unknownPlace: string | null } {
  const cleaned = cleanText(text).replace(/\.\s*$/, '');
  const segments = cleaned.split(/\.\s+/);
  if (segments.length === 1) {
    const parts = cleaned.split(/\s*,\s*/);
    const country = parts.length >= 2 ? resolveCountry(parts[parts.length - 1]!) : null;
    if (!country) return { organisation: cleaned, city: null, subregion: null, country: null, unknownPlace: null };
    return { organisation: parts[0]!, city: parts.length > 2 ? parts[1]! : null, subregion: parts.slice(2, -1).join(', ') || null, country, unknownPlace: null };
  }
  const place = segments.pop()!.replace(/\([^)]*\)\s*/g, '').trim();
  const parts = place.split(/\s*,\s*/).filter(Boolean);
  const last = parts.pop() ?? '';
  let country = resolveCountry(last);
  if (!country) {
    // "Madrid Espagne": the country is the last word(s), without a comma.
    const words = last.split(/\s+/);
    for (let n = Math.min(3, words.length - 1); n >= 1 && !country; n--) {
      country = resolveCountry(words.slice(-n).join(' '));
      if (country) parts.push(words.slice(0, -n).join(' '));
    }
    if (!country) return { organisation: segments.join('. '), city: parts[0] ?? null, subregion: null, country: null, unknownPlace: last };
  }
  let city = parts.shift() ?? null;
  if (!city && segments.length > 1) city = segments.pop()!;
  return { organisation: segments.join('. ') || null, city, subregion: parts.join(', ') || null, country, unknownPlace: null };
}

/** "Ana García Ruiz, Directora de …": two to four capitalised words, a comma or dash, a role. */
const NAME_COMMA_ROLE = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}\s*(?:,|\s[–-])\s+\S[^.]*\.?$/u;

function isPresenterBlock(text: string): boolean {
  return /https?:\/\//.test(text) || /^\d+\.\s/.test(text) || /^\*\*/.test(text);
}

/** "Name. Role. <url>. Name2. <url2>" or "1. Mme. Name. Role. <url>" → presenters. */
export function parsePresenters(text: string): ParsedPresenter[] {
  const presenters: ParsedPresenter[] = [];
  const plain = text.replace(/\*\*/g, '').replace(/\*/g, '');
  const pieces: { text: string; url: string | null }[] = [];
  let last = 0;
  for (const match of plain.matchAll(URL)) {
    pieces.push({ text: plain.slice(last, match.index), url: match[1]!.replace(/[.,]+$/, '') });
    last = match.index! + match[0].length;
  }
  pieces.push({ text: plain.slice(last), url: null });
  for (const piece of pieces) {
    let body = piece.text.replace(/^[\s.,;:\-–]+|[\s.,;:\-–]+$/g, '').replace(/^\d+\.\s+/, '');
    if (!body) {
      if (piece.url && presenters.length) presenters[presenters.length - 1]!.url ??= piece.url;
      continue;
    }
    let organisation: string | null = null;
    const inner = body.match(/^(.+?)[.,]\s+((?:M\.|Mme\.?)\s+.+)$/);
    if (inner) { organisation = inner[1]!.trim(); body = inner[2]!; }
    body = body.replace(HONORIFIC, '');
    const split = splitName(body);
    const name = split[0];
    const role = split[1]?.replace(/[.\s-]+$/, '').trim() ?? null;
    if (name.length < 2 || name.length > 80) continue;
    presenters.push({ name, role: role || null, organisation, url: piece.url });
  }
  return presenters;
}

/** "William J. Nègre. Director" → ["William J. Nègre", "Director"]: a lone initial is not the end of a name. */
function splitName(body: string): [string, string | null] {
  const separator = /\s*(?:[.:,]|\s[-–]|(?<=\p{L})-)\s+/gu;
  for (const match of body.matchAll(separator)) {
    const before = body.slice(0, match.index);
    if (/(?:^|\s)\p{Lu}$/u.test(before) && match[0].trim() === '.') continue;
    return [before.trim(), body.slice(match.index! + match[0].length) || null];
  }
  return [body.trim(), null];
}

function urls(text: string): string[] {
  return [...text.matchAll(URL)].map((m) => m[1]!.replace(/[.,]+$/, ''));
}

function cleanText(text: string): string {
  return text.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
}

/** Workshop A is 1, B is 2. */
function letterNumber(letter: string): number {
  return letter.charCodeAt(0) - 64;
}

function looksLikeHeading(title: string): boolean {
  return title.length <= 250;
}

function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function nextNonEmpty(lines: string[], from: number): string | undefined {
  for (let i = from; i < lines.length; i++) if (lines[i]!.trim() !== '') return lines[i];
  return undefined;
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

