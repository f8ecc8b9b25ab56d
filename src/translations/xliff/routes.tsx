import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLang, LANGS, type Lang } from '../../i18n/langs.ts';
import { CsrfField } from '../../web/components.tsx';
import { readCheckedForm } from '../../web/form-with-files.ts';
import type { PageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.tsx';
import { route } from '../../web/routes.ts';
import { HttpError } from '../../web/http-error.ts';
import { allowedLangs, filterQuery, parseFilter, requireLang } from '../queue/scope.ts';
import { countOf, exportXliff, importXliff, type ImportReport, type UnitOutcome } from './exchange.ts';

const OUTCOMES: UnitOutcome[] = ['applied', 'unchanged', 'source_changed', 'unknown_unit', 'language_refused', 'empty', 'invalid'];
const XLIFF_RULE = { types: ['application/xml', 'text/xml', 'text/plain', 'application/x-xliff+xml'], maxBytes: 5 * 1024 * 1024 };

/**
 * The queue's "Export as XLIFF" link brings its filters (state, module, age) here: the form carries
 * them on as hidden fields, else the file would hold every text of every module. The queue's one
 * language, if any, is the preselected target.
 */
function ExportForm({ ctx, langs, problem, carried, target }: { ctx: PageContext; langs: Lang[]; problem?: string; carried: URLSearchParams; target?: Lang }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('trq.xliff.export_title')}</h1>
      <p>{t('trq.xliff.export_hint')}</p>
      {problem && <p class="error" role="alert">{t(problem)}</p>}
      <form method="get" action={`/${ctx.lang}/admin/translations/export`}>
        {[...carried].filter(([name]) => name !== 'lang').map(([name, value]) => <input type="hidden" name={name} value={value} />)}
        <p>
          <label for="x-from">{t('trq.xliff.from')}</label>
          <select id="x-from" name="from">{LANGS.map((lang) => <option value={lang}>{t.langName(lang)}</option>)}</select>
        </p>
        <p>
          <label for="x-lang">{t('trq.xliff.to')}</label>
          <select id="x-lang" name="lang">{langs.map((lang) => <option value={lang} selected={lang === target}>{t.langName(lang)}</option>)}</select>
        </p>
        <button type="submit">{t('trq.xliff.download')}</button>
      </form>
    </>
  );
}

/** GET with one target and one source language: the file; otherwise the form to choose them. */
async function exportRoute(request: FastifyRequest<{ Querystring: Record<string, unknown> }>, reply: FastifyReply) {
  const langs = await allowedLangs(request);
  if (!langs.length) throw new HttpError(403, 'trq.refused.no_language');
  const filter = parseFilter(request.query, langs);
  const { lang, from } = request.query;
  const chosen = typeof lang === 'string' && typeof from === 'string';
  if (!chosen || !isLang(from) || from === lang) {
    const target = filter.langs.length === 1 ? filter.langs[0] : undefined;
    return sendPage(request, reply, {
      title: request.t('trq.xliff.export_title'),
      status: chosen ? 400 : 200,
      body: (ctx) => <ExportForm ctx={ctx} langs={langs} problem={chosen ? 'trq.xliff.same_language' : undefined} carried={filterQuery(filter, langs)} target={target} />,
    });
  }
  const target = requireLang(langs, lang);
  const { xml, count } = await exportXliff(request.server.ctx.db, { filter, target, from, baseUrl: request.server.ctx.config.baseUrl, lang: request.lang });
  const name = `translations-${from}-${target}-${new Date().toISOString().slice(0, 10)}.xlf`;
  return reply
    .type('application/xliff+xml; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-units', String(count))
    .header('cache-control', 'private, no-store')
    .send(xml);
}

function ImportPage({ ctx, report, status }: { ctx: PageContext; report?: ImportReport; status?: string }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('trq.xliff.import_title')}</h1>
      {status && <p class="error" role="alert" data-file-error={status}>{t(`trq.xliff.file.${status}`)}</p>}
      {report && !report.fileError && (
        <section aria-labelledby="report-h" data-report>
          <h2 id="report-h">{t('trq.xliff.report')}</h2>
          <ul>
            {OUTCOMES.map((outcome) => (
              <li data-outcome={outcome}>{t(`trq.xliff.outcome.${outcome}`, { n: countOf(report, outcome) })}</li>
            ))}
          </ul>
          <table>
            <caption>{t('trq.xliff.units')}</caption>
            <thead><tr><th scope="col">{t('trq.xliff.unit')}</th><th scope="col">{t('trq.xliff.result')}</th></tr></thead>
            <tbody>
              {report.units.map((unit) => (
                <tr data-unit={unit.id}><td><code>{unit.id}</code></td><td>{t(`trq.xliff.result.${unit.outcome}`)}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <form method="post" action={`/${ctx.lang}/admin/translations/import`} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <p>
          <label for="x-file">{t('trq.xliff.file_label')}</label>
          <input id="x-file" type="file" name="file" accept=".xlf,.xliff,application/xliff+xml" required />
        </p>
        <button type="submit">{t('trq.xliff.import')}</button>
      </form>
    </>
  );
}

async function importForm(request: FastifyRequest, reply: FastifyReply) {
  return sendPage(request, reply, { title: request.t('trq.xliff.import_title'), body: (ctx) => <ImportPage ctx={ctx} /> });
}

async function importRoute(request: FastifyRequest, reply: FastifyReply) {
  const ctx = request.server.ctx;
  const langs = await allowedLangs(request);
  if (!langs.length) throw new HttpError(403, 'trq.refused.no_language');
  const { files, fileErrors } = await readCheckedForm(request, { file: XLIFF_RULE });
  const file = files.find((candidate) => candidate.field === 'file');
  const show = (status: number, report?: ImportReport, problem?: string) =>
    sendPage(request, reply, { title: request.t('trq.xliff.import_title'), status, body: (page) => <ImportPage ctx={page} report={report} status={problem} /> });
  if (!file) return show(400, undefined, fileErrors.file ? 'malformed' : 'missing');
  const report = await importXliff(ctx.db, { text: file.content.toString('utf8'), baseUrl: ctx.config.baseUrl, langs, actor: request.user! });
  if (report.fileError) return show(report.fileError === 'language_refused' ? 403 : 422, report, report.fileError);
  if (countOf(report, 'applied')) await ctx.pageCache.invalidate();
  return show(200, report);
}

export const xliffRoutes = [
  route('GET', '/:lang/admin/translations/export', 'translations.translate', exportRoute),
  route('GET', '/:lang/admin/translations/import', 'translations.translate', importForm),
  route('POST', '/:lang/admin/translations/import', 'translations.translate', importRoute, { csrf: false }),
];
