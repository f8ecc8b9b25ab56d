import { countryName } from '../../places/countries.ts';
import { REGIONS } from '../../places/regions.ts';
import { FilterForm } from '../../web/listing.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { textOf } from '../../i18n/translatable.ts';
import { SHOWS, type Cluster, type MapChoices, type MapFilters, type MapView } from '../domain.ts';
import { MAP_HEIGHT, MAP_WIDTH, SPHERE_PATH, WORLD_PATH } from '../world.ts';
import { collator } from '../../i18n/formats.ts';

/** Items listed per place; a busier place links to the archive (keeps the page light at any size). */
const LIST_LIMIT = 12;

export function MapPage({ ctx, clusters, filters, choices, query, view }: {
  ctx: PageContext;
  clusters: Cluster[];
  filters: MapFilters;
  choices: MapChoices;
  query: string;
  view: MapView;
}) {
  const { t, lang } = ctx;
  const label = (cluster: Cluster) => [cluster.place, cluster.country ? countryName(cluster.country, lang) : null].filter(Boolean).join(', ');
  return (
    <div class="map">
      <h1>{t('map.title')}</h1>
      <p class="lead">{t('map.intro')}</p>
      <FilterForm ctx={ctx} action={`/${lang}/map`}>
        {view.zoom && <input type="hidden" name="zoom" value={view.zoom} />}
        <fieldset class="facet">
          <legend>{t('map.show')}</legend>
          {SHOWS.map((show) => (
            <label class="check">
              <input type="radio" name="show" value={show} checked={filters.show === show} /> {t(`map.show.${show}`)}
            </label>
          ))}
        </fieldset>
        <fieldset class="facet">
          <legend>{t('initiatives.facet.region')}</legend>
          {REGIONS.map((region) => (
            <label class="check">
              <input type="checkbox" name="region" value={region} checked={filters.region.includes(region)} /> {t(`initiatives.region.${region}`)}
            </label>
          ))}
        </fieldset>
        <p class="map-select">
          <label for="map-country">{t('initiatives.facet.country')}</label>
          <select id="map-country" name="country">
            <option value="">{t('map.any')}</option>
            {[...new Set([...choices.countries, ...filters.country.filter((code) => /^[A-Z]{2}$/.test(code))])].map((code) => ({ code, name: countryName(code, lang) || code }))
              .sort((a, b) => collator(lang).compare(a.name, b.name))
              .map(({ code, name }) => <option value={code} selected={filters.country.includes(code)}>{name}</option>)}
          </select>
        </p>
        <p class="map-select">
          <label for="map-event">{t('initiatives.facet.event')}</label>
          <select id="map-event" name="event">
            <option value="">{t('map.any')}</option>
            {choices.events.map((event) => <option value={event.slug} selected={filters.event.includes(event.slug)}>{textOf(event.title ?? undefined, lang) || event.slug}</option>)}
          </select>
        </p>
        <fieldset class="facet">
          <legend>{t('initiatives.facet.theme')}</legend>
          {choices.themes.map((theme) => (
            <label class="check">
              <input type="checkbox" name="theme" value={theme.slug} checked={filters.theme.includes(theme.slug)} /> {textOf(theme.name, lang)}
            </label>
          ))}
        </fieldset>
      </FilterForm>
      <ZoomLinks ctx={ctx} view={view} query={query} />
      <figure class="map-figure">
        <svg viewBox={`${view.box.x} ${view.box.y} ${view.box.width} ${view.box.height}`} role="group" aria-labelledby="map-svg-title" aria-describedby="map-svg-desc" class="map-svg">
          <title id="map-svg-title">{view.zoom ? t('map.svg_title_region', { region: t(`initiatives.region.${view.zoom}`) }) : t('map.svg_title')}</title>
          <desc id="map-svg-desc">{t('map.svg_desc')}</desc>
          <path class="map-sphere" d={SPHERE_PATH} />
          <path class="map-land" d={WORLD_PATH} />
          {clusters.map((cluster) => {
            const count = cluster.items.length;
            // At least 24 CSS pixels across on a phone, to tap; wider screens scale markers down in CSS.
            const radius = Math.round(view.unit * (12 + Math.min(5, Math.sqrt(count))) * 10) / 10;
            return (
              <a href={`#${cluster.id}`} aria-label={t.plural('map.point', count, { place: label(cluster) })}>
                <g class="map-marker" transform={`translate(${cluster.x} ${cluster.y})`}>
                  <circle class={cluster.items.some((item) => item.type === 'initiative') ? 'map-point map-point-initiative' : 'map-point'} r={radius} />
                  {count > 1 && <text class="map-count" font-size={Math.round(view.unit * 12 * 10) / 10} dy="0.35em" text-anchor="middle" aria-hidden="true">{count}</text>}
                </g>
              </a>
            );
          })}
        </svg>
      </figure>
      <h2 id="map-list">{t('map.list')}</h2>
      <p role="status">{t.plural('map.count', clusters.length)}</p>
      <ul class="map-list" aria-labelledby="map-list">
        {clusters.map((cluster) => (
          <li id={cluster.id}>
            <strong>{label(cluster) || '—'}</strong>
            <ul>
              {cluster.items.slice(0, LIST_LIMIT).map((item) => (
                <li>
                  {item.type === 'initiative'
                    ? <>{t('map.initiatives')}: <a href={`/${lang}/initiatives/${item.slug}`}>{item.code} {item.name}</a></>
                    : <>{t('map.organisations')}: {item.name}</>}
                  {item.city && cluster.place !== item.city ? ` (${item.city})` : ''}
                </li>
              ))}
              {cluster.items.length > LIST_LIMIT && (
                <li>
                  <a href={`/${lang}/initiatives${cluster.country ? `?country=${cluster.country}` : ''}`}>{t.plural('map.more', cluster.items.length - LIST_LIMIT)}</a>
                </li>
              )}
            </ul>
          </li>
        ))}
      </ul>
      <p class="meta">
        <a href={`/api/v1/map.geojson${query ? `?${query}` : ''}`}>{t('map.geojson')}</a>
      </p>
    </div>
  );
}

/** Links to the world and to each region, drawn by the server: zooming needs no script. */
function ZoomLinks({ ctx, view, query }: { ctx: PageContext; view: MapView; query: string }) {
  const { t, lang } = ctx;
  const href = (zoom: string | null) => {
    const params = new URLSearchParams(query);
    params.delete('zoom');
    if (zoom) params.set('zoom', zoom);
    const search = params.toString();
    return `/${lang}/map${search ? `?${search}` : ''}`;
  };
  const views: (string | null)[] = [null, ...REGIONS];
  return (
    <nav class="map-zoom" aria-label={t('map.zoom')}>
      <ul>
        {views.map((zoom) => (
          <li>
            <a href={href(zoom)} aria-current={view.zoom === zoom ? 'true' : undefined}>
              {zoom ? t(`initiatives.region.${zoom}`) : t('map.zoom_world')}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
