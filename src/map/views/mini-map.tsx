import type { PageContext } from '../../web/page-context.ts';
import { MINI_HEIGHT, MINI_LAND_PATH, MINI_WIDTH, miniProject } from '../mini-world.ts';

export interface Place {
  latitude: number;
  longitude: number;
}

/**
 * A small map of where members are, drawn on the server as a few kilobytes of SVG inline in the
 * page (no script, no tiles, no request). It is a picture with a text equivalent: its title says
 * how many members in how many countries, and the links lead to the full map and the list.
 */
export function MembersMiniMap({ ctx, places, members, countries }: { ctx: PageContext; places: Place[]; members: number; countries: number }) {
  const { t, lang } = ctx;
  const dots = [...new Set(places.map((place) => miniProject(place.longitude, place.latitude).join(',')))];
  const summary = t('home.map.summary', { members: t.number(members), countries: t.number(countries) });
  return (
    <section aria-labelledby="home-map-title" class="home-map">
      <h2 id="home-map-title">{t('home.map.title')}</h2>
      <svg viewBox={`0 0 ${MINI_WIDTH} ${MINI_HEIGHT}`} width={MINI_WIDTH} height={MINI_HEIGHT} role="img" aria-labelledby="home-map-summary" class="mini-map">
        <title id="home-map-summary">{summary}</title>
        <path class="mini-land" d={MINI_LAND_PATH} />
        {dots.map((dot) => {
          const [x, y] = dot.split(',');
          return <circle class="mini-dot" cx={x} cy={y} r="3.5" />;
        })}
      </svg>
      <p>
        {summary}{' '}
        <a href={`/${lang}/map`}>{t('home.map.full')}</a> · <a href={`/${lang}/members`}>{t('home.map.list')}</a>
      </p>
    </section>
  );
}
