import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { pdfFonts, pdfText } from '../../test/pdf-text.ts';
import { networkFigures } from './domain.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});


describe('the annual report as PDF', () => {
  it('holds the 2019 figures, as the lists give them, with embedded fonts, in English and Korean', async () => {
    const response = await t.app.inject('/en/reports/2019/report.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload, { layout: true });
    const fonts = pdfFonts(response.rawPayload).join('\n');
    const events = (await t.app.inject('/api/v1/events?year=2019&limit=1')).json().total as number;
    expect(text).toContain('Annual report 2019');
    expect(text).toContain(`${events} activities started in 2019, sub-events included.`);
    const figures = await networkFigures(t.app.ctx.db, '2019-12-31', 2019);
    expect(text.replace(/\s+/g, ' ')).toContain(`Active members recorded: 0 at the start of 2019, ${figures.members.total} on December 31, 2019.`);
    for (const row of figures.activities.types) {
      const typeTotal = (await t.app.inject(`/api/v1/events?year=2019&type=${row.key}&limit=1`)).json().total as number;
      expect(row.count).toBe(typeTotal);
    }
    expect(text).toMatch(/Participants 13, Countries 9/);
    expect(fonts).toMatch(/NotoSansKR.*yes/);
    const ko = pdfText((await t.app.inject('/ko/reports/2019/report.pdf')).rawPayload, { layout: true });
    expect(ko).toContain('2019년 연례 보고서');
  });

  it('answers 404 for a year without a report', async () => {
    expect((await t.app.inject('/en/reports/1999/report.pdf')).statusCode).toBe(404);
    expect((await t.app.inject('/en/reports/x/report.pdf')).statusCode).toBe(404);
  });
});
