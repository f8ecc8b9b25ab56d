import { LocalText } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { networkOverview } from '../domain.ts';
import { textOf } from '../../i18n/translatable.ts';
import { MembersMiniMap } from '../../map/views/mini-map.tsx';
import { OpenCalls } from '../../calls/public/views/parts.tsx';
import { HomeActions, HomeEvents, HomeForum, HomeNews, HomeNewsletter } from './home-sections.tsx';

type Overview = NonNullable<Awaited<ReturnType<typeof networkOverview>>>;

export function HomePage({ ctx, overview }: { ctx: PageContext; overview: Overview }) {
  const { t, lang } = ctx;
  const { profile, bodies, figures } = overview;
  const languageNames = new Intl.DisplayNames([lang], { type: 'language' });
  const regionNames = new Intl.DisplayNames([lang], { type: 'region' });
  return (
    <>
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{textOf(profile.name, lang)}</h1>
        <p class="lead">{t('home.intro', { acronym: profile.acronym, year: String(profile.launched_year) })}</p>
        <HomeActions ctx={ctx} />
      </section>
      <OpenCalls ctx={ctx} calls={overview.calls} />

      <div class="home-grid">
        <HomeForum ctx={ctx} forum={overview.forum} images={overview.images} />
        <HomeEvents ctx={ctx} events={overview.upcoming} recent={overview.latestActivities} />
      </div>
      <div class="home-grid">
        <HomeNews ctx={ctx} news={overview.news} images={overview.images} />
        <MembersMiniMap ctx={ctx} places={overview.members.places} members={overview.members.members} countries={overview.members.countries} />
      </div>
      <HomeNewsletter ctx={ctx} />

      <section aria-labelledby="mission-title">
        <h2 id="mission-title">{t('home.mission')}</h2>
        <LocalText ctx={ctx} field={profile.mission} />
      </section>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t('home.figures')}</h2>
        <ul class="figures">
          {figures.map((figure) => (
            <li>
              <span class="figure-value">{t.number(figure.value)}</span>{' '}
              <span class="figure-label">{t.plural(figure.labelKey, figure.value)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="bodies-title">
        <h2 id="bodies-title">{t('home.bodies')}</h2>
        <ul class="cards">
          {bodies.map((body) => (
            <li class="card">
              <h3>{textOf(body.name, lang)}</h3>
              <LocalText ctx={ctx} field={body.description} />
              {(body.seats || body.meets) && (
                <p class="meta">
                  {[body.seats ? t.plural('body.seats', body.seats) : '', body.meets ? t(`body.meets.${body.meets}`) : '']
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="languages-title">
        <h2 id="languages-title">{t('home.languages')}</h2>
        <p>
          {t('home.official_languages', { list: listFormat(lang, profile.official_languages.map((code) => languageNames.of(code) ?? code)) })}{' '}
          {t('home.working_languages', { list: listFormat(lang, profile.working_languages.map((code) => languageNames.of(code) ?? code)) })}
        </p>
        <p>{t('home.secretariat', { city: textOf(profile.hq_city, lang), country: regionNames.of(profile.hq_country) ?? profile.hq_country })}</p>
      </section>
    </>
  );
}

function listFormat(lang: string, items: string[]): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}
