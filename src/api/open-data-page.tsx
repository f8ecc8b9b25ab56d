import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.tsx';
import { route } from '../web/routes.ts';

/** The collections of /api/v1 (see ../../shared/CONTRACT.md), each with its CSV export. */
const COLLECTIONS = ['members', 'activities', 'events', 'initiatives', 'resources', 'news'] as const;

/**
 * A page a person can read about the open data (issue 18: the footer used to open raw JSON):
 * what there is, how to ask for it, and the OpenAPI file for programs.
 */
function OpenDataPage({ ctx }: { ctx: PageContext }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('open_data.title')}</h1>
      <p class="lead">{t('open_data.intro')}</p>
      <h2>{t('open_data.collections')}</h2>
      <ul>
        {COLLECTIONS.map((name) => (
          <li>
            <strong>{t(`open_data.collection.${name}`)}</strong>: <a href={`/api/v1/${name}?lang=${lang}`}>JSON</a> ·{' '}
            <a href={`/api/v1/${name}.csv?lang=${lang}`}>CSV</a>
          </li>
        ))}
        <li>
          <strong>{t('open_data.search')}</strong>: <code>/api/v1/search?q=…&amp;lang={lang}</code>
        </li>
        <li>
          <strong>{t('open_data.map')}</strong>: <a href={`/api/v1/map.geojson?lang=${lang}`}>GeoJSON</a>
        </li>
        <li>
          <strong>{t('open_data.calendar')}</strong>: <a href="/calendar.ics">iCalendar</a>
        </li>
        <li>
          <strong>{t('open_data.feed')}</strong>: <a href={`/${lang}/feed.xml`}>Atom</a>
        </li>
      </ul>
      <h2>{t('open_data.how')}</h2>
      <p>{t('open_data.parameters')}</p>
      <p>
        <code>/api/v1/initiatives?lang={lang}&amp;q=finance&amp;limit=20&amp;offset=20</code>
      </p>
      <p>{t('open_data.errors')}</p>
      <h2>{t('open_data.openapi')}</h2>
      <p>
        {t('open_data.openapi_text')} <a href="/api/openapi.json" type="application/json">openapi.json</a>
      </p>
    </>
  );
}

async function openDataPage(request: FastifyRequest, reply: FastifyReply) {
  return sendPage(request, reply, {
    title: request.t('open_data.title'),
    description: request.t('open_data.intro'),
    body: (ctx) => <OpenDataPage ctx={ctx} />,
  });
}

export const openDataRoutes = [route('GET', '/:lang/open-data', 'public', openDataPage)];
