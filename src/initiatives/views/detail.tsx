import { pick, textOf, type Translatable } from '../../i18n/translatable.ts';
import { countryName } from '../../places/countries.ts';
import { LocalText } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { eventName, type eventProgramme, type initiativeDetail } from '../domain.ts';
import { dateFormat } from '../../i18n/formats.ts';

type Detail = NonNullable<Awaited<ReturnType<typeof initiativeDetail>>>;
type Programme = NonNullable<Awaited<ReturnType<typeof eventProgramme>>>;

/**
 * Structured data as a `<script type="application/ld+json">` data block (never executed, so the
 * script-src policy does not apply). `<`, `>` and `&` are escaped so no text can close the element.
 */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}

/** A translatable text inline (lists, headings), marked with its language when it is not the reader's. */
export function Text({ ctx, field }: { ctx: PageContext; field: Translatable | null | undefined }) {
  const picked = pick(field, ctx.lang);
  if (!picked) return null;
  return <span lang={picked.lang === ctx.lang ? undefined : picked.lang}>{picked.text}</span>;
}

export function initiativeJsonLd(detail: Detail, ctx: PageContext): Record<string, unknown> {
  const { initiative } = detail;
  const url = `${ctx.baseUrl}/${ctx.lang}/initiatives/${initiative.slug}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': url,
    url,
    name: textOf(initiative.title, ctx.lang),
    description: textOf(initiative.summary, ctx.lang) || undefined,
    identifier: initiative.code,
    inLanguage: ctx.lang,
    keywords: initiative.themes.join(', ') || undefined,
    ...(initiative.organisation_name && {
      creator: {
        '@type': 'Organization',
        name: textOf(initiative.organisation_name, ctx.lang),
        ...(initiative.organisation_website && { url: initiative.organisation_website }),
        ...(initiative.country && { address: { '@type': 'PostalAddress', addressLocality: initiative.city ?? undefined, addressCountry: initiative.country } }),
      },
    }),
    ...(initiative.latitude !== null && initiative.longitude !== null && {
      locationCreated: { '@type': 'Place', name: initiative.city ?? undefined, geo: { '@type': 'GeoCoordinates', latitude: initiative.latitude, longitude: initiative.longitude } },
    }),
    contributor: initiative.presenters.map((presenter) => ({ '@type': 'Person', name: presenter.name, ...(presenter.role && { jobTitle: presenter.role }) })),
    subjectOf: { '@type': 'Event', name: eventName(detail.events, initiative.event_slug, ctx.lang), url: `${ctx.baseUrl}/${ctx.lang}/initiatives/programme/${initiative.event_slug}` },
  };
}

export function InitiativePage({ ctx, detail }: { ctx: PageContext; detail: Detail }) {
  const { t, lang } = ctx;
  const { initiative, related, themes } = detail;
  const place = [initiative.city, initiative.subregion, initiative.country ? countryName(initiative.country, lang) : null].filter(Boolean).join(', ');
  return (
    <article class="initiative">
      <JsonLd data={initiativeJsonLd(detail, ctx)} />
      <p class="meta">
        <a href={`/${lang}/initiatives`}>{t('initiatives.title')}</a> › <a href={`/${lang}/initiatives/programme/${initiative.event_slug}`}>{eventName(detail.events, initiative.event_slug, lang)}</a>
      </p>
      <LocalText ctx={ctx} field={initiative.title} as="h1" />
      <dl class="initiative-facts">
        <dt>{t('initiatives.code')}</dt>
        <dd>{initiative.code}{initiative.kind === 'thematic_workshop' ? ` · ${t('initiatives.kind.thematic_workshop')}` : ''}</dd>
        {initiative.workshop_code && (
          <>
            <dt>{t('initiatives.presented_in')}</dt>
            <dd>
              {t('initiatives.session', { code: initiative.session_code ?? '' })}
              {initiative.day_date ? ` (${dateFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${initiative.day_date}T00:00:00Z`))})` : ''} ·{' '}
              {initiative.workshop_code} <Text ctx={ctx} field={initiative.workshop_title} />
            </dd>
          </>
        )}
        {initiative.organisation_name && (
          <>
            <dt>{t('initiatives.organisation')}</dt>
            <dd><Text ctx={ctx} field={initiative.organisation_name} />{initiative.organisation_kind ? ` (${t(`initiatives.organisation_kind_${initiative.organisation_kind}`)})` : ''}</dd>
          </>
        )}
        {place && (
          <>
            <dt>{t('initiatives.place')}</dt>
            <dd>{place}</dd>
          </>
        )}
        {initiative.themes.length > 0 && (
          <>
            <dt>{t('initiatives.themes')}</dt>
            <dd>
              {initiative.themes.map((slug, index) => (
                <>
                  {index > 0 ? ', ' : ''}
                  <a href={`/${lang}/initiatives?theme=${slug}`}>{textOf(themes.find((theme) => theme.slug === slug)?.name, lang) || slug}</a>
                </>
              ))}
            </dd>
          </>
        )}
        {initiative.sdgs.length > 0 && (
          <>
            <dt>{t('initiatives.sdgs')}</dt>
            <dd>{initiative.sdgs.map((goal) => t('initiatives.sdg', { goal })).join(', ')}</dd>
          </>
        )}
      </dl>
      {initiative.summary && (
        <section aria-labelledby="initiative-summary">
          <h2 id="initiative-summary">{t('initiatives.summary')}</h2>
          <LocalText ctx={ctx} field={initiative.summary} as="div" />
        </section>
      )}
      {initiative.presenters.length > 0 && (
        <section aria-labelledby="initiative-presenters">
          <h2 id="initiative-presenters">{t('initiatives.presenters')}</h2>
          <ul>
            {initiative.presenters.map((presenter) => (
              <li>
                <span lang="fr">{[presenter.name, presenter.role, presenter.organisation].filter(Boolean).join(' — ')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {initiative.links.length > 0 && (
        <section aria-labelledby="initiative-links">
          <h2 id="initiative-links">{t('initiatives.links')}</h2>
          <ul>
            {initiative.links.map((link) => (
              <li>
                <a href={link} rel="nofollow noopener">{link}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <RelatedList ctx={ctx} id="related-theme" title={t('initiatives.related_theme')} items={related.sameTheme} />
      <RelatedList ctx={ctx} id="related-place" title={t('initiatives.related_place')} items={related.samePlace} />
    </article>
  );
}

function RelatedList({ ctx, id, title, items }: { ctx: PageContext; id: string; title: string; items: Detail['related']['sameTheme'] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {items.map((item) => (
          <li>
            <a href={`/${ctx.lang}/initiatives/${item.slug}`}>{item.code} <Text ctx={ctx} field={item.title} /></a>
            {item.country ? ` (${[item.city, countryName(item.country, ctx.lang)].filter(Boolean).join(', ')})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProgrammePage({ ctx, eventSlug, eventName, programme }: { ctx: PageContext; eventSlug: string; eventName: string; programme: Programme }) {
  const { t, lang } = ctx;
  const dayFormat = dateFormat(lang, { dateStyle: 'full', timeZone: 'UTC' });
  const dayGroups = [...programme.days.map((day) => ({ day, sessions: programme.sessions.filter((s) => s.day_id === day.id) })),
    { day: null, sessions: programme.sessions.filter((s) => s.day_id === null) }].filter((group) => group.sessions.length > 0);
  return (
    <div class="initiatives-programme">
      <h1>{t('initiatives.programme_title', { event: eventName })}</h1>
      <p class="meta">
        <a href={`/${lang}/initiatives?event=${eventSlug}`}>{t('initiatives.programme_list')}</a>
        {' · '}
        <a href={`/${lang}/initiatives/programme/${eventSlug}/booklet`}>{t('booklet.link')}</a>
      </p>
      {dayGroups.map(({ day, sessions }) => (
        <section aria-labelledby={`day-${day?.position ?? 0}`}>
          <h2 id={`day-${day?.position ?? 0}`}>
            {day?.date ? dayFormat.format(new Date(`${day.date}T00:00:00Z`)) : t('initiatives.day', { n: day?.position ?? '?' })}
          </h2>
          {sessions.map((session) => (
            <section aria-labelledby={`session-${session.code}`}>
              <h3 id={`session-${session.code}`}>{t('initiatives.session', { code: session.code })}</h3>
              {programme.workshops.filter((w) => w.session_id === session.id).map((workshop) => (
                <section aria-labelledby={`workshop-${workshop.code}`}>
                  <h4 id={`workshop-${workshop.code}`}>
                    {workshop.code} <Text ctx={ctx} field={workshop.title} />
                  </h4>
                  {(workshop.room || workshop.moderators.length > 0 || workshop.partner) && (
                    <p class="meta">{[workshop.room && t('programme.room_is', { room: workshop.room }), workshop.moderators.length > 0 && t('programme.moderators_are', { names: workshop.moderators.join(', ') }),
                      workshop.partner && t('programme.partner_is', { partner: workshop.partner })].filter(Boolean).join(' · ')}</p>
                  )}
                  <ol class="initiatives-programme-items">
                    {programme.items.filter((item) => item.workshop_id === workshop.id).map((item) => (
                      <li>
                        <a href={`/${lang}/initiatives/${item.slug}`}>{item.code} <Text ctx={ctx} field={item.title} /></a>
                        {item.organisation_name ? <> — <Text ctx={ctx} field={item.organisation_name} /></> : ''}
                        {item.country ? ` (${[item.city, countryName(item.country, lang)].filter(Boolean).join(', ')})` : ''}
                      </li>
                    ))}
                  </ol>
                </section>
              ))}
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
