import { meetingWhen } from '../../governance/views/governance.tsx';
import { textOf } from '../../i18n/translatable.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { MemberRecord } from '../space-record.ts';
import type { Translatable } from '../../i18n/translatable.ts';

/** A member's life in the network, as its contacts see it: meetings and documents, registrations, news, calls. */
export function MemberRecordPage({ ctx, member, record }: { ctx: PageContext; member: { slug: string; name: Translatable }; record: MemberRecord }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('record.title', { name: textOf(member.name, lang) })}</h1>
      <p><a href={`/${lang}/my-member/${member.slug}`}>{t('record.back')}</a></p>
      <Meetings ctx={ctx} meetings={record.meetings} />
      <h2>{t('record.registrations')}</h2>
      {record.registrations.length ? (
        <ul>{record.registrations.map((row) => (
          <li><a href={`/${lang}/activities/${row.slug}`}>{textOf(row.title, lang)}</a>{` · ${row.name} · ${t(`registration.status.${row.status}`)}`}
            {row.attended === true ? ` · ${t('record.attended')}` : ''}</li>
        ))}</ul>
      ) : <p>{t('record.none')}</p>}
      <h2>{t('record.news')}</h2>
      {record.news.length ? (
        <ul>{record.news.map((row) => (
          <li>{row.status === 'accepted' ? <a href={`/${lang}/news/${row.slug}`}>{textOf(row.title, lang)}</a> : textOf(row.title, lang)}{` · ${t(`news.status.${row.status}`)}`}</li>
        ))}</ul>
      ) : <p>{t('record.none')}</p>}
      <h2>{t('record.calls')}</h2>
      {record.submissions.length ? (
        <ul>{record.submissions.map((row) => (
          <li><a href={`/${lang}/calls/${row.slug}`}>{textOf(row.call_title, lang)}</a>{row.title ? ` · ${textOf(row.title, lang)}` : ''}
            {` · ${t(row.decision ? `record.decision.${row.decision}` : `record.state.${row.state}`)}`}</li>
        ))}</ul>
      ) : <p>{t('record.none')}</p>}
    </>
  );
}

function Meetings({ ctx, meetings }: { ctx: PageContext; meetings: MemberRecord['meetings'] }) {
  const { t, lang } = ctx;
  return (
    <>
      <h2>{t('record.meetings')}</h2>
      <p class="hint">{t('record.meetings_hint')}</p>
      {meetings.length ? meetings.map((meeting) => (
        <section class="card" aria-labelledby={`meeting-${meeting.id}`}>
          <h3 id={`meeting-${meeting.id}`}>{`${textOf(meeting.body_name, lang)} · ${meetingWhen(ctx, meeting)}`}</h3>
          <p>{t(`governance.format.${meeting.format}`)}{meeting.attendance ? ` · ${meeting.attendance.split(',').map((status) => t(`convocation.status.${status}`)).join(', ')}` : ''}</p>
          {meeting.agenda.length ? <ol>{meeting.agenda.map((item) => <li>{textOf(item, lang)}</li>)}</ol> : null}
          {meeting.summary ? <p>{textOf(meeting.summary, lang)}</p> : null}
          {meeting.decisions.length ? (
            <ul>{meeting.decisions.map((d) => (
              <li>{[t(`governance.decision.${d.kind === 'other' ? 'misc' : d.kind}`), d.subject ? textOf(d.subject, lang) : null,
                d.outcome ? t(`membership.status.${d.outcome}`) : null, t(`membership.method.${d.method}`),
                d.votes_for !== null ? t('record.votes', { for: d.votes_for, against: d.votes_against ?? 0, abstentions: d.abstentions ?? 0 }) : null].filter(Boolean).join(' · ')}</li>
            ))}</ul>
          ) : null}
          {meeting.attachments.length ? (
            <ul>{meeting.attachments.map((file) => <li><a href={`/${lang}/governance/attachments/${file.id}`}>{file.file_name}</a></li>)}</ul>
          ) : null}
        </section>
      )) : <p>{t('record.none')}</p>}
    </>
  );
}
