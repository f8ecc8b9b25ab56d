import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, signInFromMail as signInFromMailOf, Visitor, type TestApp } from '../../../test/helpers.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { findOrCreateOrganisation } from '../../organisations/domain.ts';
import { RENEWAL_JOB, dailyFees } from './jobs.ts';
import { recordPayment } from './domain.ts';
import { issueDocument } from './numbering.ts';

let t: TestApp;
let editorId = 0;
let editor: Visitor;
let reviewer: Visitor;
let seoulContact: Visitor;
let montrealContact: Visitor;
const YEAR = new Date().getUTCFullYear();
const ISSUE_YEAR = YEAR;
const FEE_YEAR = 2026;

const db = () => t.app.ctx.db;
const signInFromMail = (email: string) => signInFromMailOf(t.app, email);
const fees = (year: number) => db().selectFrom('fees').innerJoin('members', 'members.id', 'fees.member_id').select(['fees.id', 'members.slug', 'fees.state', 'fees.amount_minor', 'fees.currency']).where('fees.year', '=', year).orderBy('fees.id').execute();
const feeOf = async (slug: string, year = FEE_YEAR) => (await fees(year)).find((fee) => fee.slug === slug)!;
const numbers = async (kind: 'invoice' | 'receipt') => (await db().selectFrom('fee_documents').select('number').where('kind', '=', kind).where('year', '=', ISSUE_YEAR).orderBy('number').execute()).map((row) => row.number);
const memberRow = (slug: string) => db().selectFrom('members').select(['id', 'status', 'fee_status', 'joined_on']).where('slug', '=', slug).executeTakeFirstOrThrow();
const mails = (to: string, purpose: string) => db().selectFrom('outgoing_mail').select(['subject', 'text_body']).where('to_address', '=', to).where('purpose', '=', purpose).orderBy('id').execute();
const consecutive = (list: number[]) => list.every((value, index) => value === index + 1);

/** The text of a PDF as poppler reads it, spaces (incl. narrow no-break) made plain. */
const plainText = (pdf: Buffer) => pdfText(pdf).replace(/[\s\u00a0\u202f]+/g, ' ');

/** An applicant member as the committee's approval leaves it (or, without `approved`, one never decided). */
async function applicant(name: string, slug: string, approved: boolean) {
  await db().transaction().execute(async (trx) => {
    const organisation = await findOrCreateOrganisation(trx, { name, lang: 'es', kind: 'local_government', city: 'Rosario', country: 'AR' });
    const member = await trx.insertInto('members').values({ slug, organisation_id: organisation.id, kind: 'local_government', category: 'city', status: 'applicant', fee_status: 'pending', contacts: JSON.stringify({ focal: { email: `${slug}@example.org` } }) }).returning('id').executeTakeFirstOrThrow();
    if (approved) {
      const meeting = await trx.selectFrom('meetings').select('id').where('slug', '=', 'steering-committee-2019-q4').executeTakeFirstOrThrow();
      await trx.insertInto('meeting_decisions').values({ meeting_id: meeting.id, kind: 'membership', outcome: 'approved', method: 'consensus', member_id: member.id }).execute();
    }
  });
}

beforeAll(async () => {
  t = await createTestApp();
  editorId = await createUser(t.app, 'fees-editor@example.org', ['editor']);
  await createUser(t.app, 'fees-reviewer@example.org', ['reviewer']);
  editor = await signIn(t.app, 'fees-editor@example.org');
  reviewer = await signIn(t.app, 'fees-reviewer@example.org');
  for (const [slug, email, lang] of [['seoul', 'jiwon@seoul.example.kr', 'ko'], ['montreal', 'claire@montreal.example.ca', 'fr'], ['bilbao', 'ane@bilbao.example.es', 'es']] as const) {
    const invited = await editor.post(`/en/admin/members/${slug}/contacts`, { name: email.split('@')[0]!, email, lang }, { from: `/en/admin/members/${slug}/space` });
    expect(invited.statusCode).toBe(303);
  }
  seoulContact = await signInFromMail('jiwon@seoul.example.kr');
  montrealContact = await signInFromMail('claire@montreal.example.ca');
  await applicant('Municipalidad de Rosario', 'rosario', true);
  await applicant('Municipalidad de Córdoba', 'cordoba', true);
  await applicant('Municipalidad de Mendoza', 'mendoza', false);
});
afterAll(() => t?.close());

describe('fee schedules', () => {
  it('refuses a negative amount, an unknown currency and a bad year, named in the reader’s language', async () => {
    const negative = await editor.post('/fr/admin/fees/schedules', { member_kind: 'local_government', region: '', from_year: '2026', to_year: '', amount: '-100', currency: 'EUR' }, { from: '/fr/admin/fees' });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain('<p class="field-error" id="amount-error">Un montant ne peut pas être négatif.</p>');
    const currency = await editor.post('/es/admin/fees/schedules', { member_kind: 'local_government', region: '', from_year: '2026', to_year: '', amount: '100', currency: 'XYZ' }, { from: '/es/admin/fees' });
    expect(currency.statusCode).toBe(400);
    expect(currency.body).toContain('<p class="field-error" id="currency-error">Introduzca una moneda con su código ISO de tres letras, como EUR.</p>');
    const cents = await editor.post('/ko/admin/fees/schedules', { member_kind: 'local_government', region: 'asia-pacific', from_year: '2026', to_year: '2025', amount: '100.5', currency: 'KRW' }, { from: '/ko/admin/fees' });
    expect(cents.statusCode).toBe(400);
    expect(cents.body).toContain('id="amount-error">1500 또는 1500.50처럼 금액을 입력하세요.');
    const year = await editor.post('/en/admin/fees/schedules', { member_kind: 'sse_network', region: '', from_year: '1800', to_year: '', amount: '100', currency: 'EUR' }, { from: '/en/admin/fees' });
    expect(year.body).toContain('id="from_year-error">Enter a year between 2000 and 2200.</p>');
    expect(await db().selectFrom('fee_schedules').selectAll().execute()).toEqual([]);
  });

  it('adds schedules by kind and region; only the secretariat may', async () => {
    const add = (fields: Record<string, string>) => editor.post('/en/admin/fees/schedules', { region: '', to_year: '', ...fields }, { from: '/en/admin/fees' });
    expect((await add({ member_kind: 'local_government', from_year: '2026', amount: '1 000', currency: 'eur' })).statusCode).toBe(303);
    expect((await add({ member_kind: 'local_government', region: 'asia-pacific', from_year: '2026', amount: '1000000', currency: 'KRW' })).statusCode).toBe(303);
    expect((await add({ member_kind: 'sse_network', from_year: '2026', amount: '500.50', currency: 'EUR' })).statusCode).toBe(303);
    const rows = await db().selectFrom('fee_schedules').select(['member_kind', 'region', 'amount_minor', 'currency']).orderBy('id').execute();
    expect(rows).toEqual([
      { member_kind: 'local_government', region: null, amount_minor: '100000', currency: 'EUR' },
      { member_kind: 'local_government', region: 'asia-pacific', amount_minor: '1000000', currency: 'KRW' },
      { member_kind: 'sse_network', region: null, amount_minor: '50050', currency: 'EUR' },
    ]);
    const page = await editor.get('/fr/admin/fees');
    expect(page.body).toContain('1\u202f000\u202f000\u00a0₩');
    expect((await reviewer.get('/en/admin/fees')).statusCode).toBe(403);
    expect((await reviewer.post('/en/admin/fees/schedules', { member_kind: 'sse_network', from_year: '2026', amount: '1', currency: 'EUR' }, { from: '/en/admin' })).statusCode).toBe(403);
    expect((await seoulContact.get('/ko/admin/fees')).statusCode).toBe(403);
    expect((await t.app.inject('/en/admin/fees')).statusCode).not.toBe(200);
  });
});

describe('the year’s fees, payments and receipts', () => {
  it('creates one fee per fee-paying member with a schedule, each with its invoice; again, nothing more', async () => {
    const renew = await editor.post('/en/admin/fees/renewal', { year: String(FEE_YEAR), due_on: `${FEE_YEAR}-03-31` }, { from: '/en/admin/fees' });
    expect(renew.statusCode).toBe(303);
    const expected = await db().selectFrom('members').select('slug').where('status', 'in', ['applicant', 'active', 'suspended']).where('kind', 'in', ['local_government', 'sse_network']).orderBy('slug').execute();
    const created = await fees(FEE_YEAR);
    expect(created.map((fee) => fee.slug).sort()).toEqual(expected.map((row) => row.slug));
    expect(created.find((fee) => fee.slug === 'dakar')).toBeUndefined();
    expect(await feeOf('seoul')).toMatchObject({ amount_minor: '1000000', currency: 'KRW', state: 'due' });
    expect(await feeOf('bamako')).toMatchObject({ amount_minor: '100000', currency: 'EUR' });
    expect(await feeOf('ripess')).toMatchObject({ amount_minor: '50050', currency: 'EUR' });
    const invoices = await numbers('invoice');
    expect(invoices).toHaveLength(created.length);
    expect(consecutive(invoices)).toBe(true);
    expect((await editor.post('/en/admin/fees/renewal', { year: String(FEE_YEAR), due_on: `${FEE_YEAR}-03-31` }, { from: '/en/admin/fees' })).statusCode).toBe(303);
    expect(await fees(FEE_YEAR)).toEqual(created);
    expect(await numbers('invoice')).toEqual(invoices);
    expect((await memberRow('seoul')).fee_status).toBe('pending');
    const bad = await editor.post('/fr/admin/fees/renewal', { year: '2026', due_on: '31/03/2026' }, { from: '/fr/admin/fees' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="due_on-error">Saisissez une date au format AAAA-MM-JJ.</p>');
  });

  it('records a transfer and issues the receipt; paying twice or waiving a paid fee is refused', async () => {
    const seoul = await feeOf('seoul');
    const url = `/fr/admin/members/seoul/fees/${seoul.id}`;
    const page = await editor.get('/fr/admin/members/seoul/fees');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Facture INV-${ISSUE_YEAR}-`);
    const bad = await editor.post(`${url}/payment`, { paid_on: '2026-02-30', reference: '' }, { from: '/fr/admin/members/seoul/fees' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="paid_on-error">Saisissez une date au format AAAA-MM-JJ.</p>');
    expect(bad.body).toContain('id="reference-error">Ce champ est obligatoire.</p>');
    const paid = await editor.post(`${url}/payment`, { paid_on: '2026-02-15', reference: 'SHINHAN-20260215-0042' }, { from: '/fr/admin/members/seoul/fees' });
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe('/fr/admin/members/seoul/fees?notice=paid');
    expect(await numbers('receipt')).toEqual([1]);
    expect(await memberRow('seoul')).toMatchObject({ status: 'active', fee_status: 'paid' });
    const twice = await editor.post(`${url}/payment`, { paid_on: '2026-02-16', reference: 'again' }, { from: '/fr/admin/members/bamako/fees' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Cette cotisation est déjà payée.');
    const waive = await editor.post(`/es/admin/members/seoul/fees/${seoul.id}/waiver`, { reason: 'Error' }, { from: '/es/admin/members/bamako/fees' });
    expect(waive.statusCode).toBe(409);
    expect(waive.body).toContain('Una cuota pagada no se puede exonerar.');
    expect(await numbers('receipt')).toEqual([1]);
    // A fee reached through another member's address is not found.
    expect((await editor.post(`/en/admin/members/bamako/fees/${seoul.id}/payment`, { paid_on: '2026-02-16', reference: 'x' }, { from: '/en/admin/members/bamako/fees' })).statusCode).toBe(404);
    expect((await reviewer.post(`/en/admin/members/bamako/fees/${seoul.id}/payment`, { paid_on: '2026-02-16', reference: 'x' }, { from: '/en/admin' })).statusCode).toBe(403);
    expect((await reviewer.get('/en/admin/members/seoul/fees')).statusCode).toBe(403);
  });

  it('waives a fee with its reason, without a receipt', async () => {
    const bamako = await feeOf('bamako');
    const empty = await editor.post(`/en/admin/members/bamako/fees/${bamako.id}/waiver`, { reason: ' ' }, { from: '/en/admin/members/bamako/fees' });
    expect(empty.statusCode).toBe(400);
    const waived = await editor.post(`/en/admin/members/bamako/fees/${bamako.id}/waiver`, { reason: 'Flood in the city: the committee waived the fee.' }, { from: '/en/admin/members/bamako/fees' });
    expect(waived.statusCode).toBe(303);
    expect(await feeOf('bamako')).toMatchObject({ state: 'waived' });
    expect(await memberRow('bamako')).toMatchObject({ fee_status: 'waived' });
    expect(await db().selectFrom('fee_documents').select('kind').where('fee_id', '=', bamako.id).execute()).toEqual([{ kind: 'invoice' }]);
    const again = await editor.post(`/en/admin/members/bamako/fees/${bamako.id}/payment`, { paid_on: '2026-02-16', reference: 'x' }, { from: '/en/admin/members/bamako/fees' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This fee is already waived.');
  });

  it('numbers receipts issued at once without gaps or repeats; a rolled-back issue gives its number back', async () => {
    const open = (await fees(FEE_YEAR)).filter((fee) => fee.state === 'due' && !['rosario', 'cordoba', 'mendoza', 'montreal', 'bilbao'].includes(fee.slug)).slice(0, 12);
    expect(open.length).toBeGreaterThanOrEqual(8);
    const member = async (feeId: number) => (await db().selectFrom('fees').select('member_id').where('id', '=', feeId).executeTakeFirstOrThrow()).member_id;
    const abandoned = (async () => {
      await db().transaction().execute(async (trx) => {
        await issueDocument(trx, open[0]!.id, 'receipt', 'en', null);
        throw new Error('the bank transfer was booked twice');
      });
    })().catch((error: Error) => error.message);
    const payments = open.map(async (fee, index) => recordPayment(t.app.ctx, editorId, await member(fee.id), fee.id, { paid_on: '2026-03-01', reference: index % 2 ? `=HYPERLINK("http://evil.example")` : `@SUM(${index})` }));
    const [outcome, ...receipts] = await Promise.all([abandoned, ...payments]);
    expect(outcome).toBe('the bank transfer was booked twice');
    expect(new Set(receipts.map((receipt) => receipt.number)).size).toBe(open.length);
    const all = await numbers('receipt');
    expect(all).toHaveLength(open.length + 1);
    expect(consecutive(all)).toBe(true);
    const counter = await db().selectFrom('fee_document_counters').select('last_number').where('kind', '=', 'receipt').where('year', '=', ISSUE_YEAR).executeTakeFirstOrThrow();
    expect(counter.last_number).toBe(all.length);
  });
});

describe('approval before payment', () => {
  it('makes an approved applicant active when its first fee is paid or waived, and no one else', async () => {
    for (const slug of ['rosario', 'cordoba', 'mendoza']) expect(await memberRow(slug)).toMatchObject({ status: 'applicant', fee_status: 'pending' });
    const pay = (slug: string) => editor.post(`/en/admin/members/${slug}/fees/${(feesBySlug.get(slug))!}/payment`, { paid_on: '2026-03-02', reference: `TR-${slug}` }, { from: `/en/admin/members/${slug}/fees` });
    const feesBySlug = new Map((await fees(FEE_YEAR)).map((fee) => [fee.slug, fee.id]));
    expect((await pay('rosario')).statusCode).toBe(303);
    expect(await memberRow('rosario')).toMatchObject({ status: 'active', fee_status: 'paid', joined_on: new Date().toISOString().slice(0, 10) });
    expect((await mails('rosario@example.org', 'membership.welcome'))).toHaveLength(1);
    const waived = await editor.post(`/en/admin/members/cordoba/fees/${feesBySlug.get('cordoba')}/waiver`, { reason: 'Founding city' }, { from: '/en/admin/members/cordoba/fees' });
    expect(waived.statusCode).toBe(303);
    expect(await memberRow('cordoba')).toMatchObject({ status: 'active', fee_status: 'waived' });
    // Paid, but the committee never approved it: still an applicant.
    expect((await pay('mendoza')).statusCode).toBe(303);
    expect(await memberRow('mendoza')).toMatchObject({ status: 'applicant', fee_status: 'paid' });
    const events = await db().selectFrom('membership_events').select('action').where('member_id', '=', (await memberRow('rosario')).id).orderBy('id').execute();
    expect(events.map((event) => event.action)).toEqual(['fee_paid', 'activated']);
    // The old flag form does not bypass the fee records.
    const flag = await editor.post('/en/admin/members/mendoza/fee', { fee: 'paid', note: '' }, { from: '/en/admin/members/mendoza' });
    expect(flag.statusCode).toBe(409);
  });
});

describe('overdue fees and reminders', () => {
  const before = async (to: string) => mails(to, 'fees.reminder.before');
  const after = async (to: string) => mails(to, 'fees.reminder.after');

  it('mails a reminder before the due date once, in the member’s language, to its contacts', async () => {
    expect(await dailyFees(t.app.ctx, `${FEE_YEAR}-03-10`)).toEqual({ overdue: 0, reminded: 0 });
    const first = await dailyFees(t.app.ctx, `${FEE_YEAR}-03-20`);
    expect(first.overdue).toBe(0);
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    const montreal = await before('claire@montreal.example.ca');
    expect(montreal).toHaveLength(1);
    expect(montreal[0]!.subject).toBe(`Cotisation ${FEE_YEAR} : échéance le 31 mars ${FEE_YEAR}`);
    expect(montreal[0]!.text_body).toContain('http://passerelle.test/fr/my-member/montreal/fees');
    expect(montreal[0]!.text_body).toContain(`(facture INV-${ISSUE_YEAR}-`);
    const bilbao = await before('ane@bilbao.example.es');
    expect(bilbao.map((mail) => mail.subject)).toEqual([`Cuota ${FEE_YEAR}: vence el 31 de marzo de ${FEE_YEAR}`]);
    // Paid or waived fees get none; the focal point on the record is mailed too.
    expect(await before('jiwon@seoul.example.kr')).toEqual([]);
    expect(await dailyFees(t.app.ctx, `${FEE_YEAR}-03-21`)).toEqual({ overdue: 0, reminded: 0 });
    expect(await before('claire@montreal.example.ca')).toHaveLength(1);
  });

  it('marks fees overdue after the due date, counts them on the back-office home, and reminds once after', async () => {
    const due = (await fees(FEE_YEAR)).filter((fee) => fee.state === 'due').length;
    expect(due).toBeGreaterThan(0);
    expect(await dailyFees(t.app.ctx, `${FEE_YEAR}-04-01`)).toEqual({ overdue: due, reminded: 0 });
    expect((await fees(FEE_YEAR)).filter((fee) => fee.state === 'overdue')).toHaveLength(due);
    expect((await memberRow('montreal')).fee_status).toBe('pending');
    const home = await editor.get('/fr/admin');
    expect(home.body).toContain(`<a href="/fr/admin/fees">${due} cotisations en retard</a>`);
    expect((await reviewer.get('/en/admin')).body).not.toContain('fees overdue');
    const later = await dailyFees(t.app.ctx, `${FEE_YEAR}-04-08`);
    expect(later.reminded).toBeGreaterThanOrEqual(2);
    const montreal = await after('claire@montreal.example.ca');
    expect(montreal.map((mail) => mail.subject)).toEqual([`Cotisation ${FEE_YEAR} : en retard depuis le 31 mars ${FEE_YEAR}`]);
    expect(await dailyFees(t.app.ctx, `${FEE_YEAR}-04-09`)).toEqual({ overdue: 0, reminded: 0 });
    expect(await after('claire@montreal.example.ca')).toHaveLength(1);
  });
});

describe('the accounting export', () => {
  it('lists the year’s fees and payments with numbers, a BOM and formulas disarmed', async () => {
    const response = await editor.get(`/en/admin/fees/accounting/${FEE_YEAR}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = response.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFinvoice,receipt,member,member_name,year,amount,currency,due_on,state,paid_on,payment_reference,waived_reason\r\n')).toBe(true);
    const lines = text.split('\r\n');
    const seoul = lines.find((line) => line.includes(',seoul,'))!;
    expect(seoul).toMatch(new RegExp(`^INV-${ISSUE_YEAR}-\\d{4},REC-${ISSUE_YEAR}-0001,seoul,City of Seoul,${FEE_YEAR},1000000,KRW,${FEE_YEAR}-03-31,paid,${FEE_YEAR}-02-15,SHINHAN-20260215-0042,$`));
    expect(lines.find((line) => line.includes(',ripess,'))).toContain(',500.50,EUR,');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).toContain(`'@SUM(`);
    expect(text).not.toMatch(/,=HYPERLINK|,@SUM/);
    expect(lines.filter((line) => line.startsWith('INV-'))).toHaveLength((await fees(FEE_YEAR)).length);
    expect((await reviewer.get(`/en/admin/fees/accounting/${FEE_YEAR}`)).statusCode).toBe(403);
  });
});

describe('invoices and receipts in the members’ space', () => {
  it('lets a contact download its member’s receipt as a numbered PDF in the member’s language', async () => {
    const page = await seoulContact.get('/ko/my-member/seoul/fees');
    expect(page.statusCode).toBe(200);
    const receipt = await db().selectFrom('fee_documents as d').innerJoin('fees', 'fees.id', 'd.fee_id').innerJoin('members', 'members.id', 'fees.member_id').select(['d.id', 'd.lang']).where('members.slug', '=', 'seoul').where('d.kind', '=', 'receipt').executeTakeFirstOrThrow();
    expect(receipt.lang).toBe('ko');
    expect(page.body).toContain(`href="/ko/my-member/seoul/fees/documents/${receipt.id}"`);
    const download = await seoulContact.get(`/ko/my-member/seoul/fees/documents/${receipt.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="REC-${ISSUE_YEAR}-0001.pdf"`);
    const text = plainText(download.rawPayload);
    expect(text).toContain(`영수증 REC-${ISSUE_YEAR}-0001`);
    expect(text).toContain('서울특별시');
    expect(text).toContain('₩1,000,000');
    expect(text).toContain('SHINHAN-20260215-0042');
    expect(text).toContain(`${FEE_YEAR}년 회원 회비`);
    // Stored once rendered: the second download is the same file.
    expect((await seoulContact.get(`/ko/my-member/seoul/fees/documents/${receipt.id}`)).rawPayload.equals(download.rawPayload)).toBe(true);
  });

  it('writes a French invoice for a French-speaking member', async () => {
    const invoice = await db().selectFrom('fee_documents as d').innerJoin('fees', 'fees.id', 'd.fee_id').innerJoin('members', 'members.id', 'fees.member_id').select(['d.id', 'd.number', 'd.lang']).where('members.slug', '=', 'montreal').where('d.kind', '=', 'invoice').executeTakeFirstOrThrow();
    expect(invoice.lang).toBe('fr');
    const download = await montrealContact.get(`/fr/my-member/montreal/fees/documents/${invoice.id}`);
    expect(download.statusCode).toBe(200);
    const text = plainText(download.rawPayload);
    const number = `INV-${ISSUE_YEAR}-${String(invoice.number).padStart(4, '0')}`;
    expect(text).toContain(`Facture ${number}`);
    expect(text).toContain('Montréal');
    expect(text).toContain('1 000,00 €');
    expect(text).toContain(`Cotisation de membre ${FEE_YEAR}`);
    expect(text).toContain(`Échéance 31 mars ${FEE_YEAR}`);
    // The secretariat downloads the same document from the back-office.
    expect((await editor.get(`/en/admin/fees/documents/${invoice.id}`)).rawPayload.equals(download.rawPayload)).toBe(true);
  });

  it('never shows or serves one member’s documents to a contact of another', async () => {
    const seoulDoc = await db().selectFrom('fee_documents as d').innerJoin('fees', 'fees.id', 'd.fee_id').innerJoin('members', 'members.id', 'fees.member_id').select('d.id').where('members.slug', '=', 'seoul').executeTakeFirstOrThrow();
    expect((await montrealContact.get('/fr/my-member/seoul/fees')).statusCode).toBe(404);
    expect((await montrealContact.get(`/fr/my-member/seoul/fees/documents/${seoulDoc.id}`)).statusCode).toBe(404);
    expect((await montrealContact.get(`/fr/my-member/montreal/fees/documents/${seoulDoc.id}`)).statusCode).toBe(404);
    expect((await montrealContact.get(`/fr/admin/fees/documents/${seoulDoc.id}`)).statusCode).toBe(403);
    expect((await editor.get('/en/my-member/seoul/fees')).statusCode).toBe(403);
    expect((await montrealContact.get('/fr/my-member/montreal/fees/documents/not-a-number')).statusCode).toBe(400);
  });
});

describe('the yearly renewal job', () => {
  it('creates next year’s fees from the schedules, and nothing more when it runs again', async () => {
    const next = YEAR + 1;
    await t.app.ctx.jobs.send(RENEWAL_JOB, {});
    expect(await t.app.ctx.jobs.drain([RENEWAL_JOB])).toBe(1);
    const created = await fees(next);
    expect(created.length).toBeGreaterThan(20);
    const invoicesAfterFirst = await numbers('invoice');
    await t.app.ctx.jobs.send(RENEWAL_JOB, {});
    expect(await t.app.ctx.jobs.drain([RENEWAL_JOB])).toBe(1);
    expect(await fees(next)).toEqual(created);
    expect(await numbers('invoice')).toEqual(invoicesAfterFirst);
    expect(consecutive(invoicesAfterFirst)).toBe(true);
    // The latest fee (due) now sets the flag the figures read.
    expect((await memberRow('seoul')).fee_status).toBe('pending');
  });
});
