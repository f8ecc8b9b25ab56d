import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCall } from '../../../test/calls-fixtures.ts';
import { FORM, form, createTestApp, type TestApp } from '../../../test/helpers.ts';
import { TestSmtpServer } from '../../../test/smtp.ts';
import { mailTo, postDraft, startFromMail, submissionRow } from '../../../test/calls-submit.ts';
import { original } from '../../i18n/translatable.ts';

const smtp = new TestSmtpServer();
let t: TestApp;
let questionId: number;
beforeAll(async () => {
  t = await createTestApp({ smtpUrl: await smtp.start() });
  const callId = await insertCall(t.app.ctx.db, { slug: 'forum-2027', title: JSON.stringify({ ...original('en', 'Forum 2027 call'), fr: { text: 'Appel du Forum 2027', status: 'human' } }) });
  questionId = (await t.app.ctx.db.insertInto('call_questions').values({
    call_id: callId, position: 1, kind: 'number', label: JSON.stringify(original('en', 'People involved')), required: true, min_value: '1', max_value: '100000',
  }).returning('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const SUBMISSIONS = [
  {
    lang: 'fr', email: 'coop@quartier.example', linkSubject: /^Votre brouillon pour l’appel « Appel du Forum 2027 »$/, confirmSubject: /^Proposition reçue : Appel du Forum 2027$/,
    fields: { title: 'Épiceries coopératives de quartier', summary: 'Des épiceries gérées par leurs membres.', organisation_name: 'Réseau des coopératives', city: 'Montréal', country: 'CA' },
    presenter: 'Éloïse Tremblay', region: 'north-america', confirmWords: ['Épiceries coopératives de quartier', '- Éloïse Tremblay, Directrice, Réseau des coopératives', 'Canada'],
  },
  {
    lang: 'es', email: 'red@economia.example', linkSubject: /^Su borrador para la convocatoria «Forum 2027 call»$/, confirmSubject: /^Propuesta recibida: /,
    fields: { title: 'Mercados solidarios', summary: 'Mercados de productores locales gestionados en común.', organisation_name: 'Red de Economía Solidaria', city: 'Bilbao', country: 'ES' },
    presenter: 'Ane Etxeberria', region: 'europe', confirmWords: ['Mercados solidarios', 'España', 'Ane Etxeberria'],
  },
  {
    lang: 'ko', email: 'seoul@sse.example', linkSubject: /공모 제출 초안$/, confirmSubject: /^제출 접수: /,
    fields: { title: '마을 공동체 부엌', summary: '주민이 함께 운영하는 공동체 부엌입니다.', organisation_name: '서울사회적경제네트워크', city: 'Seoul', country: 'KR' },
    presenter: '김민지', region: 'asia-pacific', confirmWords: ['마을 공동체 부엌', '- 김민지', '대한민국'],
  },
] as const;

describe('a submission from the start mail to the confirmation mail', () => {
  it.each(SUBMISSIONS)('in $lang: start, mailed link, save, autosave, submit, confirmation in the same language', async (input) => {
    const { visitor, link } = await startFromMail(t, smtp, { lang: input.lang, slug: 'forum-2027', email: input.email, sourceLang: input.lang, subject: input.linkSubject });
    const page = await visitor.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.body).toContain(`<html lang="${input.lang}"`);
    const row = await t.app.ctx.db.selectFrom('submissions').selectAll().where('email', '=', input.email).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'draft', lang: input.lang, source_lang: input.lang, version: 1 });
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);

    // Save draft (no script): the first fields and a presenter.
    const saved = await postDraft(t, visitor, link, { intent: 'save', source_lang: input.lang, title: input.fields.title, presenter_name: [input.presenter], presenter_organisation: [input.fields.organisation_name], presenter_role: [input.lang === 'fr' ? 'Directrice' : ''] });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${link}?notice=saved`);
    expect((await submissionRow(t, row.id)).version).toBe(2);

    // Autosave (what the script posts): urlencoded, the page's CSRF token and version.
    const draftPage = await visitor.get(link);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(draftPage.body)![1]!;
    const autosaved = await t.app.inject({
      method: 'POST', url: `${link}/autosave`, remoteAddress: visitor.remoteAddress, headers: { ...FORM, cookie: visitor.cookies },
      payload: form({ _csrf: csrf, version: '2', source_lang: input.lang, ...input.fields, presenter_name: input.presenter, presenter_organisation: input.fields.organisation_name, presenter_role: input.lang === 'fr' ? 'Directrice' : '', [`q_${questionId}`]: '40' }),
    });
    expect(autosaved.statusCode).toBe(200);
    expect(autosaved.json()).toEqual({ version: 3 });
    const afterAutosave = await submissionRow(t, row.id);
    expect(afterAutosave.summary?.[input.lang]).toMatchObject({ text: input.fields.summary, status: 'original' });
    expect(afterAutosave).toMatchObject({ country: input.fields.country, region: input.region, answers: { [questionId]: 40 }, state: 'draft' });
    expect(afterAutosave.latitude).not.toBeNull();

    // Submit from the form as loaded now (version 3).
    const submitted = await postDraft(t, visitor, link, {
      intent: 'submit', source_lang: input.lang, ...input.fields, themes: ['local-development'], links: 'https://example.org/initiative',
      presenter_name: [input.presenter, ''], presenter_organisation: [input.fields.organisation_name, ''], presenter_role: [input.lang === 'fr' ? 'Directrice' : '', ''], [`q_${questionId}`]: '40',
    });
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe(`${link}?notice=submitted`);
    const final = await submissionRow(t, row.id);
    expect(final).toMatchObject({ state: 'submitted', version: 4, themes: ['local-development'], links: ['https://example.org/initiative'], presenters: [{ name: input.presenter }] });
    expect(final.submitted_at).not.toBeNull();
    expect(final.title?.[input.lang]?.status).toBe('original');
    expect(final.dedup_key).toContain('|');

    const confirmation = await mailTo(t, smtp, input.email, input.confirmSubject);
    for (const words of input.confirmWords) expect(confirmation.text).toContain(words);
    expect(confirmation.text).toContain(input.fields.summary);

    // Still editable until the close: the form says "save changes".
    const again = await visitor.get(link);
    expect(again.body).toContain('name="intent" value="submit"');
  });
});
