import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import { LANGS, type Lang } from '../i18n/langs.ts';
import type { DisplayLevel } from '../i18n/translatable.ts';
import { CsrfField } from '../web/components.tsx';
import { HttpError, notFound } from '../web/http-error.ts';
import { listParam } from '../web/listing.tsx';
import type { PageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';
import { DISPLAY_LEVELS, languageSettings, type LanguageSetting } from './settings.ts';

interface TranslatorRow {
  id: number;
  name: string;
  email: string;
  langs: string[];
}

async function translators(request: FastifyRequest): Promise<TranslatorRow[]> {
  const { rows } = await sql<TranslatorRow>`
    SELECT u.id, u.name, u.email, coalesce(array_agg(l.lang ORDER BY l.lang) FILTER (WHERE l.lang IS NOT NULL), '{}') AS langs
    FROM users AS u LEFT JOIN translator_languages AS l ON l.user_id = u.id
    WHERE 'translator' = ANY(u.roles) AND u.disabled_at IS NULL
    GROUP BY u.id ORDER BY u.name, u.id`.execute(request.server.ctx.db);
  return rows;
}

function SettingsPage({ ctx, settings, people, saved }: { ctx: PageContext; settings: Record<Lang, LanguageSetting>; people: TranslatorRow[]; saved: boolean }) {
  const { t } = ctx;
  const base = `/${ctx.lang}/admin/translations/settings`;
  return (
    <>
      <h1>{t('trq.settings.title')}</h1>
      {saved && <p class="success" role="status">{t('trq.settings.saved')}</p>}
      <form method="post" action={base}>
        <CsrfField ctx={ctx} />
        {LANGS.map((lang) => (
          <fieldset>
            <legend>{t.langName(lang)}</legend>
            <p>
              <label for={`shows-${lang}`}>{t('trq.settings.public_shows')}</label>
              <select id={`shows-${lang}`} name={`shows_${lang}`}>
                {DISPLAY_LEVELS.map((level) => (
                  <option value={level} selected={settings[lang].publicShows === level}>{t(`trq.settings.shows.${level}`)}</option>
                ))}
              </select>
            </p>
            <p>
              <input type="checkbox" id={`second-${lang}`} name="second" value={lang} checked={settings[lang].secondApproval} />
              <label for={`second-${lang}`}>{t('trq.settings.second_approval')}</label>
            </p>
          </fieldset>
        ))}
        <button type="submit">{t('trq.settings.save')}</button>
      </form>
      <h2>{t('trq.settings.translators')}</h2>
      {people.length === 0 && <p>{t('trq.settings.no_translators')}</p>}
      {people.map((person) => (
        <form method="post" action={`${base}/translators/${person.id}`} data-translator={person.id}>
          <CsrfField ctx={ctx} />
          <fieldset>
            <legend>{t('trq.settings.translator_langs', { name: person.name || person.email })}</legend>
            <ul class="plain inline">
              {LANGS.map((lang) => (
                <li>
                  <input type="checkbox" id={`tl-${person.id}-${lang}`} name="langs" value={lang} checked={person.langs.includes(lang)} />
                  <label for={`tl-${person.id}-${lang}`}>{t.langName(lang)}</label>
                </li>
              ))}
            </ul>
            <button type="submit">{t('trq.settings.save_translator')}</button>
          </fieldset>
        </form>
      ))}
    </>
  );
}

async function settingsPage(request: FastifyRequest<{ Querystring: { saved?: string } }>, reply: FastifyReply) {
  const [settings, people] = await Promise.all([languageSettings(request.server.ctx.db), translators(request)]);
  return sendPage(request, reply, {
    title: request.t('trq.settings.title'),
    body: (ctx) => <SettingsPage ctx={ctx} settings={settings} people={people} saved={request.query.saved === '1'} />,
  });
}

async function saveSettings(request: FastifyRequest<{ Body: Record<string, unknown> }>, reply: FastifyReply) {
  const ctx = request.server.ctx;
  const body = request.body ?? {};
  const second = listParam(body.second);
  const shows: Record<string, DisplayLevel> = {};
  for (const lang of LANGS) {
    const level = body[`shows_${lang}`];
    if (!DISPLAY_LEVELS.includes(level as DisplayLevel)) throw new HttpError(400, 'trq.error.setting', { [`shows_${lang}`]: 'validation.invalid' });
    shows[lang] = level as DisplayLevel;
  }
  if (second.some((lang) => !(LANGS as readonly string[]).includes(lang))) throw new HttpError(400, 'trq.error.setting', { second: 'validation.invalid' });
  await ctx.db.transaction().execute(async (trx) => {
    for (const lang of LANGS) {
      await sql`UPDATE translation_language_settings SET public_shows = ${shows[lang]}, second_approval = ${second.includes(lang)}, updated_at = now(), updated_by = ${request.user!.id}
        WHERE lang = ${lang}`.execute(trx);
    }
    await recordAudit(trx, { actorId: request.user!.id, action: 'translations.settings', entityType: 'translations', details: { shows, second } });
  });
  // Public pages are drawn with the new policy from now on.
  await ctx.pageCache.invalidate();
  return reply.redirect(`/${request.lang}/admin/translations/settings?saved=1`, 303);
}

async function saveTranslator(request: FastifyRequest<{ Params: { id: string }; Body: Record<string, unknown> }>, reply: FastifyReply) {
  const ctx = request.server.ctx;
  if (!/^\d{1,9}$/.test(request.params.id)) throw notFound();
  const id = Number(request.params.id);
  const langs = listParam(request.body?.langs);
  if (langs.some((lang) => !(LANGS as readonly string[]).includes(lang))) throw new HttpError(400, 'trq.error.setting', { langs: 'validation.invalid' });
  const found = await sql<{ id: number }>`SELECT id FROM users WHERE id = ${id} AND 'translator' = ANY(roles)`.execute(ctx.db);
  if (!found.rows.length) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await sql`DELETE FROM translator_languages WHERE user_id = ${id}`.execute(trx);
    for (const lang of new Set(langs)) await sql`INSERT INTO translator_languages (user_id, lang) VALUES (${id}, ${lang})`.execute(trx);
    await recordAudit(trx, { actorId: request.user!.id, action: 'translations.translator_languages', entityType: 'user', entityId: String(id), details: { langs } });
  });
  return reply.redirect(`/${request.lang}/admin/translations/settings?saved=1`, 303);
}

export const settingsRoutes = [
  route('GET', '/:lang/admin/translations/settings', 'translations.manage', settingsPage),
  route('POST', '/:lang/admin/translations/settings', 'translations.manage', saveSettings),
  route('POST', '/:lang/admin/translations/settings/translators/:id', 'translations.manage', saveTranslator),
];
