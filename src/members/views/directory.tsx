import { textOf } from '../../i18n/translatable.ts';
import { roleTitle } from '../../governance/role-title.ts';
import { Picture } from '../../images/picture.tsx';
import { countryName } from '../../places/countries.ts';
import { LocalText, ScrollingTable } from '../../web/components.tsx';
import { Facet, FilterForm, Pagination } from '../../web/listing.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { SORTS, type memberDirectory, type memberProfile, type MemberFilters, type MemberSort } from '../domain.ts';
import { collator } from '../../i18n/formats.ts';

type Directory = Awaited<ReturnType<typeof memberDirectory>>;
type Profile = NonNullable<Awaited<ReturnType<typeof memberProfile>>>;

export function MembersPage({ ctx, directory, filters, sort, page, query }: {
  ctx: PageContext;
  directory: Directory;
  filters: MemberFilters;
  sort: MemberSort;
  page: number;
  query: URLSearchParams;
}) {
  const { t, lang } = ctx;
  const { rows, total, facets } = directory;
  const byLabel = <T extends { label: string }>(options: T[]) => options.sort((a, b) => collator(lang).compare(a.label, b.label));
  const action = `/${lang}/members`;
  return (
    <div class="members">
      <h1>{t('members.title')}</h1>
      <p class="lead">{t('members.intro')}</p>
      <JoinInvite ctx={ctx} />
      <div class="members-layout">
        <FilterForm ctx={ctx} action={action}>
          <div class="field">
            <label for="q">{t('members.search')}</label>
            <input type="search" id="q" name="q" value={filters.q ?? ''} />
          </div>
          <div class="field">
            <label for="sort">{t('members.sort')}</label>
            <select id="sort" name="sort">
              {SORTS.map((value) => (
                <option value={value} selected={sort === value}>
                  {t(`members.sort.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <Facet name="region" legend={t('members.region')} selected={filters.region}
            options={facets.region.map((f) => ({ ...f, label: t(`members.region.${f.value}`) }))} />
          <Facet name="kind" legend={t('members.kind')} selected={filters.kind}
            options={facets.kind.map((f) => ({ ...f, label: t(`members.kind.${f.value}`) }))} />
          <Facet name="status" legend={t('members.status')} selected={filters.status}
            options={facets.status.map((f) => ({ ...f, label: t(`members.status.${f.value}`) }))} />
          <Facet name="country" legend={t('members.country')} selected={filters.country}
            options={byLabel(facets.country.map((f) => ({ ...f, label: countryName(f.value, lang) })))} />
        </FilterForm>
        <div>
          <ScrollingTable captionId="members-caption">
            <caption id="members-caption">
              {directory.counted === total
                ? t.plural('members.count', total)
                : t('members.count_split', { members: t.plural('members.count', directory.counted), others: t.plural('members.count_others', total - directory.counted) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.kind')}</th>
                <th scope="col">{t('members.city')}</th>
                <th scope="col">{t('members.country')}</th>
                <th scope="col">{t('members.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>
                    <a href={`/${lang}/members/${row.slug}`}>{textOf(row.name, lang)}</a>
                  </td>
                  <td>{t(`members.kind.${row.kind}`)}</td>
                  <td>{row.city ?? ''}</td>
                  <td>{row.country ? countryName(row.country, lang) : ''}</td>
                  <td>{t(`members.status.${row.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
          <Pagination ctx={ctx} total={total} page={page} path={action} query={query} />
          <p class="meta">
            <a href={`/api/v1/members.csv?lang=${lang}`}>{t('members.download_csv')}</a> · <a href={`/api/v1/members?lang=${lang}`}>{t('members.api')}</a>
          </p>
        </div>
      </div>
    </div>
  );
}

/**
 * Structured data (schema.org) as a `<script type="application/ld+json">` data block. `<`, `>`, `&`
 * and the line separators are written as \u escapes, so no text (a name with `</script>`) can end it.
 */
export function jsonLdScript(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A member as a schema.org Organization, member of GSEF; coordinates only when the gazetteer knows them. */
export function memberJsonLd(ctx: PageContext, member: Profile['member']): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: textOf(member.name, ctx.lang),
    url: `${ctx.baseUrl}/${ctx.lang}/members/${member.slug}`,
    ...(member.website ? { sameAs: member.website } : {}),
    ...(member.city || member.country
      ? { address: { '@type': 'PostalAddress', ...(member.city ? { addressLocality: member.city } : {}), ...(member.country ? { addressCountry: member.country } : {}) } }
      : {}),
    ...(member.latitude !== null && member.longitude !== null ? { geo: { '@type': 'GeoCoordinates', latitude: member.latitude, longitude: member.longitude } } : {}),
    memberOf: { '@type': 'Organization', name: 'Global Social Economy Forum (GSEF)', url: `${ctx.baseUrl}/${ctx.lang}` },
  };
}

/** The way in for a city or organisation reading about the network's members. */
function JoinInvite({ ctx }: { ctx: PageContext }) {
  return (
    <p class="join-invite">
      {ctx.t('members.join_invite')} <a href={`/${ctx.lang}/join`}>{ctx.t('members.join_link')}</a>
    </p>
  );
}

export function MemberPage({ ctx, profile, showPrivate }: { ctx: PageContext; profile: Profile; showPrivate: boolean }) {
  const { t, lang } = ctx;
  const { member, mandates, timeline } = profile;
  const contacts = Object.entries(member.contacts ?? {}).filter(([, c]) => c && Object.values(c).some(Boolean));
  return (
    <div class="members">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(memberJsonLd(ctx, member)) }} />
      <h1>{textOf(member.name, lang)}</h1>
      {profile.logo ? (
        <Picture image={profile.logo} lang={lang} sizes="10rem" class="member-logo" lazy={false} />
      ) : (
        member.logo_key && <img class="member-logo" src={`/media/members/${member.slug}/logo`} alt={t('members.logo_of', { name: textOf(member.name, lang) })} />
      )}
      <dl class="member-facts">
        <dt>{t('members.kind')}</dt>
        <dd>{t(`members.kind.${member.kind}`)}</dd>
        <dt>{t('members.category')}</dt>
        <dd>{t(`members.category.${member.category}`)}</dd>
        <dt>{t('members.status')}</dt>
        <dd>{t(`members.status.${member.status}`)}</dd>
        {member.joined_on && (
          <>
            <dt>{t('members.joined')}</dt>
            <dd>{t.date(member.joined_on, 'long')}</dd>
          </>
        )}
        {member.region && (
          <>
            <dt>{t('members.region')}</dt>
            <dd>{t(`members.region.${member.region}`)}</dd>
          </>
        )}
        {(member.city || member.country) && (
          <>
            <dt>{t('members.place')}</dt>
            <dd>{[member.city, member.country ? countryName(member.country, lang) : ''].filter(Boolean).join(', ')}</dd>
          </>
        )}
        {/* Raw coordinates mean nothing to a reader: the member is shown on the map of its region. */}
        {member.latitude !== null && member.longitude !== null && (
          <>
            <dt>{t('nav.map')}</dt>
            <dd>
              <a href={`/${lang}/map${member.region ? `?zoom=${member.region}` : ''}`}>{t('members.on_map')}</a>
            </dd>
          </>
        )}
        {member.website && (
          <>
            <dt>{t('members.website')}</dt>
            <dd>
              <a href={member.website} rel="noopener">{member.website}</a>
            </dd>
          </>
        )}
      </dl>
      <LocalText ctx={ctx} field={member.description} />

      <h2>{t('members.roles')}</h2>
      {mandates.length === 0 ? (
        <p>{t('members.no_roles')}</p>
      ) : (
        <ul>
          {mandates.map((mandate) => (
            <li>
              {`${textOf(mandate.body_name, lang)}: ${roleTitle(t, mandate.role, mandate.holder_form)}`}
              {mandate.region ? ` (${t(`members.region.${mandate.region}`)})` : ''}
              {mandate.starts_on ? ` · ${t('governance.since', { year: mandate.starts_on.slice(0, 4) })}` : ''}
            </li>
          ))}
        </ul>
      )}

      {showPrivate && (
        <section aria-labelledby="contacts-title" class="member-private">
          <h2 id="contacts-title">{t('members.contacts')}</h2>
          {contacts.length === 0 ? (
            <p>{t('members.no_contacts')}</p>
          ) : (
            <dl>
              {contacts.map(([role, contact]) => (
                <>
                  <dt>{t(`members.contact.${role}`)}</dt>
                  <dd>{[contact.name, contact.title, contact.email, contact.phone].filter(Boolean).join(' · ')}</dd>
                </>
              ))}
            </dl>
          )}
          <h2>{t('members.timeline')}</h2>
          <Timeline ctx={ctx} events={timeline} />
          <p>
            <a href={`/${lang}/admin/members/${member.slug}`}>{t('members.manage')}</a>
          </p>
        </section>
      )}
      <JoinInvite ctx={ctx} />
    </div>
  );
}

export interface TimelineEvent {
  id: number;
  action: string;
  status: string | null;
  effective_on: string | null;
  reason: string;
  at: Date;
  actor_email: string | null;
}

export function Timeline({ ctx, events }: { ctx: PageContext; events: TimelineEvent[] }) {
  const { t } = ctx;
  return (
    <ol class="members-timeline">
      {events.map((event) => (
        <li>
          <strong>{t(`members.event.${event.action}`)}</strong>
          {event.status ? ` → ${t(`members.status.${event.status}`)}` : ''}
          {event.effective_on ? ` (${t.date(event.effective_on, 'medium')})` : ''}
          <br />
          <span class="meta">{`${t.date(event.at, 'medium')} · ${event.actor_email ?? t('audit.system')}`}</span>
          {event.reason && <p>{event.reason}</p>}
        </li>
      ))}
    </ol>
  );
}
