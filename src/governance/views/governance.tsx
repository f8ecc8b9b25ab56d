import { textOf } from '../../i18n/translatable.ts';
import { roleTitle } from '../role-title.ts';
import { countryName } from '../../places/countries.ts';
import { LocalText } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { governanceOverview } from '../domain.ts';
import { dateFormat } from '../../i18n/formats.ts';

type Overview = Awaited<ReturnType<typeof governanceOverview>>;
type Meeting = Overview['past'][number];

export function GovernancePage({ ctx, overview }: { ctx: PageContext; overview: Overview }) {
  const { t, lang } = ctx;
  const anchored = new Set<string>();
  // One anchor per person, on their first seat: ids stay unique when someone holds two seats.
  const firstSeat = (slug: string | null) => (slug && !anchored.has(slug) && anchored.add(slug) ? `person-${slug}` : undefined);
  return (
    <div class="governance">
      <h1>{t('governance.title')}</h1>
      <p class="lead">{t('governance.intro')}</p>
      {overview.bodies.map((body) => (
        <section aria-labelledby={`body-${body.slug}`} class="governance-body">
          <h2 id={`body-${body.slug}`}>{textOf(body.name, lang)}</h2>
          <LocalText ctx={ctx} field={body.description} />
          {body.kind === 'general_assembly' ? (
            <p>
              <a href={`/${lang}/members?status=active`}>{t('governance.all_members')}</a>
            </p>
          ) : body.mandates.length === 0 ? (
            <p class="meta">{t('governance.no_mandates')}</p>
          ) : (
            <ul class="governance-seats">
              {body.mandates.map((mandate) => (
                <li>
                  {mandate.member_slug ? (
                    <a href={`/${lang}/members/${mandate.member_slug}`}>{textOf(mandate.member_name, lang)}</a>
                  ) : (
                    // The search links a person here (governance/search-source.ts): their first seat.
                    <span id={firstSeat(mandate.person_slug)}>{mandate.person_name}</span>
                  )}
                  {' — '}
                  {roleTitle(t, mandate.role, mandate.holder_form, mandate.person_form)}
                  {mandate.region ? ` (${t(`members.region.${mandate.region}`)})` : ''}
                  {mandate.starts_on ? ` · ${t('governance.since', { year: mandate.starts_on.slice(0, 4) })}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('governance.upcoming')}</h2>
        {overview.upcoming.length === 0 ? <p>{t('governance.no_upcoming')}</p> : <MeetingList ctx={ctx} meetings={overview.upcoming} />}
      </section>
      <section aria-labelledby="past-title">
        <h2 id="past-title">{t('governance.past')}</h2>
        {overview.past.length === 0 ? <p>{t('governance.no_past')}</p> : <MeetingList ctx={ctx} meetings={overview.past} />}
      </section>
    </div>
  );
}

/** "Week of 25 January 2019", "February 2019" or a plain date, as precise as the plan was. */
export function meetingWhen(ctx: PageContext, meeting: Pick<Meeting, 'starts_on' | 'ends_on' | 'date_precision'>): string {
  const { t, lang } = ctx;
  if (meeting.date_precision === 'month') {
    return dateFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${meeting.starts_on}T00:00:00Z`));
  }
  if (meeting.date_precision === 'week') return t('governance.week_of', { from: t.date(meeting.starts_on, 'long'), to: t.date(meeting.ends_on, 'long') });
  return meeting.starts_on === meeting.ends_on ? t.date(meeting.starts_on, 'long') : `${t.date(meeting.starts_on, 'long')} – ${t.date(meeting.ends_on, 'long')}`;
}

function MeetingList({ ctx, meetings }: { ctx: PageContext; meetings: Meeting[] }) {
  const { t, lang } = ctx;
  return (
    <ul class="cards governance-meetings">
      {meetings.map((meeting) => (
        <li class="card" id={meeting.slug}>
          <h3>{textOf(meeting.body_name, lang)}</h3>
          <p>
            {meetingWhen(ctx, meeting)}
            <br />
            {t(`governance.format.${meeting.format}`)}
            {meeting.city ? ` · ${meeting.city}${meeting.country ? `, ${countryName(meeting.country, lang)}` : ''}` : ''}
          </p>
          {meeting.agenda.length > 0 && (
            <>
              <h4>{t('governance.agenda')}</h4>
              <ol>
                {meeting.agenda.map((item) => (
                  <li>
                    <LocalText ctx={ctx} field={item.title} as="span" />
                  </li>
                ))}
              </ol>
            </>
          )}
          {meeting.summary && <LocalText ctx={ctx} field={meeting.summary} />}
          {meeting.attachments.length > 0 && (
            <>
              <h4>{t('governance.attachments')}</h4>
              <ul class="governance-attachments">
                {meeting.attachments.map((file) => (
                  <li>
                    <a href={`/media/governance/attachments/${file.id}`} download>
                      {file.file_name}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
