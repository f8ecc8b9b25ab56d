import { can } from '../../auth/permissions.ts';
import { textOf } from '../../i18n/translatable.ts';
import { countryName } from '../../places/countries.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame, ScrollingTable } from '../../web/components.tsx';
import { ALT_MAX } from '../../images/upload.ts';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { applicationDetail, applicationQueue } from '../applications.ts';
import { QUEUE_STATUSES } from '../applications.ts';
import type { memberProfile, membershipFigures } from '../domain.ts';
import { Timeline } from './directory.tsx';

export interface FormState {
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}

type Figures = Awaited<ReturnType<typeof membershipFigures>>;
type Queue = Awaited<ReturnType<typeof applicationQueue>>;
type Detail = NonNullable<Awaited<ReturnType<typeof applicationDetail>>>;
type Profile = NonNullable<Awaited<ReturnType<typeof memberProfile>>>;
type Meeting = { id: number; slug: string; starts_on: string; body_name: unknown; body_kind: string };

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** A required-by-default select with the form's chosen value and its error, as the member forms draw it. */
export function Choice({ ctx, name, label, options, state, required = true }: { ctx: PageContext; name: string; label: string; options: { value: string; label: string }[]; state: FormState; required?: boolean }) {
  const error = state.errors?.[name];
  const chosen = str(state.values?.[name]);
  return (
    <FieldFrame ctx={ctx} name={name} label={label} error={error} required={required}>
      <select id={name} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${name}-error` : undefined}>
        <option value="">{ctx.t('join.choose')}</option>
        {options.map((option) => (
          <option value={option.value} selected={chosen === option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

function TextArea({ ctx, name, label, state, required }: { ctx: PageContext; name: string; label: string; state: FormState; required?: boolean }) {
  const error = state.errors?.[name];
  return (
    <FieldFrame ctx={ctx} name={name} label={label} error={error} required={required}>
      <textarea id={name} name={name} rows={4} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${name}-error` : undefined}>
        {str(state.values?.[name])}
      </textarea>
    </FieldFrame>
  );
}

export function MembershipPage({ ctx, figures, state }: { ctx: PageContext; figures: Figures; state: FormState }) {
  const { t, lang, user } = ctx;
  const { progress, byYear } = figures;
  const errors = state.errors ?? {};
  return (
    <>
      <h1>{t('admin.membership')}</h1>
      <p>
        <a href={`/${lang}/admin/applications`}>{t('admin.applications')}</a>
      </p>
      {can(user, 'members.manage') && (
        <nav aria-label={t('records.links')}>
          <ul>
            <li><a href={`/${lang}/admin/members/new`}>{t('records.new_title')}</a></li>
            <li><a href={`/${lang}/admin/members/import`}>{t('records.import_title')}</a></li>
            <li><a href={`/${lang}/admin/organisations/merge`}>{t('records.merge_title')}</a></li>
          </ul>
        </nav>
      )}
      <h2>{t('membership.target')}</h2>
      {progress ? (
        <>
          <p class="membership-progress">
            {t('membership.progress', { current: progress.current, baseline: progress.baseline, joined: progress.joined, left: progress.left, recorded: progress.recorded, percent: progress.percent, target: progress.target, deadline: t.date(progress.deadline, 'long') })}
          </p>
          <progress max={100} value={progress.percent} aria-label={t('membership.target')}>{`${progress.percent}%`}</progress>
        </>
      ) : (
        <p>{t('membership.no_target')}</p>
      )}
      {can(user, 'members.manage') && (
        <form method="post" action={`/${lang}/admin/membership/target`} novalidate aria-labelledby="target-title">
          <h3 id="target-title">{t('membership.set_target')}</h3>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={errors} labels={{ baseline: t('membership.baseline'), target: t('membership.target_value'), deadline: t('membership.deadline') }} />
          <Field ctx={ctx} name="baseline" label={t('membership.baseline')} errors={errors} value={str(state.values?.baseline ?? progress?.baseline)} required />
          <Field ctx={ctx} name="target" label={t('membership.target_value')} errors={errors} value={str(state.values?.target ?? progress?.target)} required />
          <Field ctx={ctx} name="deadline" label={t('membership.deadline')} hint={t('membership.date_hint')} errors={errors} value={str(state.values?.deadline ?? progress?.deadline)} required />
          <button type="submit">{t('membership.save_target')}</button>
        </form>
      )}
      <h2>{t('membership.over_time')}</h2>
      <ScrollingTable captionId="years-caption">
        <caption id="years-caption">{t('membership.over_time_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('membership.year')}</th>
            <th scope="col">{t('membership.total')}</th>
            <th scope="col">{t('members.kind')}</th>
            <th scope="col">{t('members.region')}</th>
            <th scope="col">{t('members.country')}</th>
          </tr>
        </thead>
        <tbody>
          {byYear.map((row) => (
            <tr>
              <th scope="row">{row.year}</th>
              <td>{t.number(row.total)}</td>
              <td>{Object.entries(row.byKind).map(([kind, n]) => `${t(`members.kind.${kind}`)}: ${n}`).join(', ')}</td>
              <td>{Object.entries(row.byRegion).map(([region, n]) => `${region === '—' ? '—' : t(`members.region.${region}`)}: ${n}`).join(', ')}</td>
              <td>{Object.entries(row.byCountry).map(([country, n]) => `${country === '—' ? '—' : countryName(country, lang)}: ${n}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </>
  );
}

export function QueuePage({ ctx, queue, statuses }: { ctx: PageContext; queue: Queue; statuses: string[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('admin.applications')}</h1>
      <nav aria-label={t('membership.queue_filter')}>
        <ul class="membership-tabs">
          <li>
            <a href={`/${lang}/admin/applications`} aria-current={statuses.length === 0 ? 'page' : undefined}>{t('membership.all')}</a>
          </li>
          {QUEUE_STATUSES.map((status) => (
            <li>
              <a href={`/${lang}/admin/applications?status=${status}`} aria-current={statuses.length === 1 && statuses[0] === status ? 'page' : undefined}>
                {`${t(`membership.status.${status}`)} (${queue.counts[status] ?? 0})`}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ScrollingTable captionId="queue-caption">
        <caption id="queue-caption">{t.plural('membership.queue_caption', queue.rows.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('join.organisation')}</th>
            <th scope="col">{t('members.place')}</th>
            <th scope="col">{t('members.status')}</th>
            <th scope="col">{t('membership.submitted')}</th>
            <th scope="col">{t('membership.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {queue.rows.map((row) => (
            <tr>
              <td>
                <a href={`/${lang}/admin/applications/${row.id}`}>{row.organisation_name}</a>
              </td>
              <td>{[row.city, row.country ? countryName(row.country, lang) : ''].filter(Boolean).join(', ')}</td>
              <td>{t(`membership.status.${row.status}`)}</td>
              <td>{row.submitted_at ? t.date(row.submitted_at, 'medium') : ''}</td>
              <td>{row.duplicate_member_id || row.duplicate_application_id ? t('membership.duplicate') : ''}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </>
  );
}

export function ApplicationPage({ ctx, detail, meetings, forms }: { ctx: PageContext; detail: Detail; meetings: Meeting[]; forms: Record<string, FormState> }) {
  const { t, lang, user } = ctx;
  const { application: a, documents, comments, events, decisions, decidable, memberSlug } = detail;
  const review = forms.review ?? {};
  const comment = forms.comment ?? {};
  const decision = forms.decision ?? { values: { method: 'consensus' } };
  const committee = meetings.filter((m) => m.body_kind === 'steering_committee');
  const contacts = a.contacts;
  return (
    <>
      <h1>{a.organisation_name}</h1>
      <p>
        <strong>{t(`membership.status.${a.status}`)}</strong>
        {a.submitted_at ? ` · ${t('membership.submitted')} ${t.date(a.submitted_at, 'medium')}` : ''}
      </p>
      {memberSlug && can(user, 'members.contacts') && (
        <p>
          <a href={`/${lang}/admin/members/${memberSlug}`}>{t('members.manage')}</a>
        </p>
      )}
      {(a.duplicate_member_id || a.duplicate_application_id) && (
        <p class="content-notice" role="note">
          {a.duplicate_member_id ? t('membership.duplicate_member') : t('membership.duplicate_application', { id: a.duplicate_application_id ?? 0 })}
        </p>
      )}
      <dl class="member-facts">
        <dt>{t('join.kind')}</dt>
        <dd>{a.kind ? t(`members.kind.${a.kind}`) : '—'}</dd>
        <dt>{t('join.category')}</dt>
        <dd>{a.category ? t(`members.category.${a.category}`) : '—'}</dd>
        <dt>{t('members.place')}</dt>
        <dd>
          {[a.city, a.country ? countryName(a.country, lang) : ''].filter(Boolean).join(', ')}
          {a.city && a.latitude === null ? ` (${t('membership.city_unknown')})` : ''}
        </dd>
        <dt>{t('join.email')}</dt>
        <dd>{a.email}</dd>
        <dt>{t('join.focal_name')}</dt>
        <dd>{[contacts.focal?.name, contacts.focal?.phone].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{t('join.head_name')}</dt>
        <dd>{[contacts.head?.name, contacts.head?.title].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{t('join.signatory_name')}</dt>
        <dd>{[a.signatory_name, a.signatory_title].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{t('join.website')}</dt>
        <dd>{a.website ?? '—'}</dd>
      </dl>
      <h2>{t('join.sse_situation')}</h2>
      <p class="membership-text" lang={a.lang}>{a.sse_situation ?? ''}</p>
      <h2>{t('join.documents')}</h2>
      {documents.length === 0 ? (
        <p>{t('membership.no_documents')}</p>
      ) : (
        <ul>
          {documents.map((document) => (
            <li>
              <a href={`/${lang}/admin/applications/${a.id}/documents/${document.id}`}>{document.file_name}</a>
              {` (${document.mime}, ${t.number(Math.ceil(document.size / 1024))} KB)`}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('membership.comments')}</h2>
      <ul>
        {comments.map((c) => (
          <li>
            <span class="meta">{`${t.date(c.created_at, 'medium')} · ${c.author_email ?? t('audit.system')}`}</span>
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
      {can(user, 'members.review') && (
        <>
          <form method="post" action={`/${lang}/admin/applications/${a.id}/comments`} novalidate aria-labelledby="comment-title">
            <h3 id="comment-title">{t('membership.add_comment')}</h3>
            <CsrfField ctx={ctx} />
            <ErrorSummary ctx={ctx} errors={comment.errors ?? {}} labels={{ comment: t('membership.comment') }} />
            <TextArea ctx={ctx} name="comment" label={t('membership.comment')} state={comment} required />
            <button type="submit">{t('membership.add_comment')}</button>
          </form>
          {decidable && (
            <form method="post" action={`/${lang}/admin/applications/${a.id}/review`} novalidate aria-labelledby="review-title">
              <h3 id="review-title">{t('membership.review')}</h3>
              <CsrfField ctx={ctx} />
              <ErrorSummary ctx={ctx} errors={review.errors ?? {}} labels={{ status: t('membership.recommendation') }} />
              <Choice ctx={ctx} name="status" label={t('membership.recommendation')} state={review}
                options={['needs_information', 'recommended', 'not_recommended'].map((value) => ({ value, label: t(`membership.status.${value}`) }))} />
              <TextArea ctx={ctx} name="comment" label={t('membership.review_comment')} state={{ ...review, errors: {} }} />
              <button type="submit">{t('membership.save_review')}</button>
            </form>
          )}
        </>
      )}

      <h2>{t('membership.decisions')}</h2>
      {decisions.length === 0 ? (
        <p>{t('membership.no_decisions')}</p>
      ) : (
        <ul>
          {decisions.map((d) => (
            <li>
              {`${t(`membership.status.${d.outcome ?? 'deferred'}`)} · ${t(`membership.method.${d.method}`)}`}
              {d.method === 'vote' ? ` (${t('membership.votes', { for: d.votes_for ?? 0, against: d.votes_against ?? 0, abstain: d.abstentions ?? 0 })})` : ''}
              {` · ${t.date(d.starts_on, 'medium')}`}
              {d.note ? ` · ${d.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      {decidable && can(user, 'members.decide') && (
        <form method="post" action={`/${lang}/admin/applications/${a.id}/decision`} novalidate aria-labelledby="decision-title">
          <h3 id="decision-title">{t('membership.record_decision')}</h3>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={decision.errors ?? {}} labels={{ meeting_id: t('membership.meeting'), outcome: t('membership.outcome'), method: t('membership.method'), votes_for: t('membership.votes_for') }} />
          <Choice ctx={ctx} name="meeting_id" label={t('membership.meeting')} state={decision}
            options={committee.map((m) => ({ value: String(m.id), label: `${t.date(m.starts_on, 'medium')} · ${textOf(m.body_name as never, lang)}` }))} />
          <Choice ctx={ctx} name="outcome" label={t('membership.outcome')} state={decision}
            options={['approved', 'rejected', 'deferred'].map((value) => ({ value, label: t(`membership.status.${value}`) }))} />
          <Choice ctx={ctx} name="method" label={t('membership.method')} state={decision}
            options={['consensus', 'vote'].map((value) => ({ value, label: t(`membership.method.${value}`) }))} />
          <Field ctx={ctx} name="votes_for" label={t('membership.votes_for')} errors={decision.errors} value={str(decision.values?.votes_for)} />
          <Field ctx={ctx} name="votes_against" label={t('membership.votes_against')} errors={decision.errors} value={str(decision.values?.votes_against)} />
          <Field ctx={ctx} name="abstentions" label={t('membership.abstentions')} errors={decision.errors} value={str(decision.values?.abstentions)} />
          <TextArea ctx={ctx} name="note" label={t('membership.note')} state={{ ...decision, errors: {} }} />
          <button type="submit">{t('membership.record_decision')}</button>
        </form>
      )}

      <h2>{t('members.timeline')}</h2>
      <Timeline ctx={ctx} events={events} />
    </>
  );
}

export function MemberAdminPage({ ctx, profile, meetings, forms }: { ctx: PageContext; profile: Profile; meetings: Meeting[]; forms: Record<string, FormState> }) {
  const { t, lang, user } = ctx;
  const { member, timeline } = profile;
  const fee = forms.fee ?? {};
  const today = new Date().toISOString().slice(0, 10);
  const end = forms.end ?? { values: { effective_on: today } };
  const statusChange = member.status === 'suspended' ? 'reinstate' : 'suspend';
  // An error from either action shows in the one form the page offers (the member's status may have changed meanwhile).
  const change = forms.suspend ?? forms.reinstate ?? { values: { change_on: today } };
  const disqualify = forms.disqualify ?? { values: { disqualify_on: today } };
  const committee = meetings.filter((m) => m.body_kind === 'steering_committee');
  const ended = member.status === 'withdrawn' || member.status === 'disqualified';
  const profileState = forms.profile ?? {};
  const contacts = member.contacts ?? {};
  const profileValues: Record<string, unknown> = profileState.values ?? {
    focal_name: contacts.focal?.name, focal_email: contacts.focal?.email, focal_phone: contacts.focal?.phone,
    head_name: contacts.head?.name, head_title: contacts.head?.title, general_email: contacts.general?.email,
  };
  const profileErrors = profileState.errors ?? {};
  return (
    <>
      <h1>{textOf(member.name, lang)}</h1>
      <p>
        <a href={`/${lang}/members/${member.slug}`}>{t('membership.public_page')}</a>
        {can(user, 'places.correct') && <> · <a href={`/${lang}/admin/places/member/${member.slug}`}>{t('places.correct')}</a></>}
        {can(user, 'members.manage') && (
          <>
            {' · '}
            <a href={`/${lang}/admin/members/${member.slug}/record`}>{t('records.edit_link')}</a>
            {' · '}
            <a href={`/${lang}/admin/members/${member.slug}/space`}>{t('space.admin_link')}</a>
            {' · '}
            <a href={`/${lang}/admin/members/${member.slug}/fees`}>{t('fees.link')}</a>
          </>
        )}
      </p>
      <dl class="member-facts">
        <dt>{t('members.status')}</dt>
        <dd class="member-status">{t(`members.status.${member.status}`)}</dd>
        <dt>{t('membership.fee')}</dt>
        <dd class="member-fee">{member.fee_status ? t(`membership.fee.${member.fee_status}`) : '—'}</dd>
        <dt>{t('members.joined')}</dt>
        <dd>{member.joined_on ? t.date(member.joined_on, 'long') : '—'}</dd>
      </dl>
      {can(user, 'members.manage') && member.fee_status === 'pending' && member.status === 'applicant' && (
        <form method="post" action={`/${lang}/admin/members/${member.slug}/fee`} novalidate aria-labelledby="fee-title">
          <h2 id="fee-title">{t('membership.settle_fee')}</h2>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={fee.errors ?? {}} labels={{ fee: t('membership.fee') }} />
          <Choice ctx={ctx} name="fee" label={t('membership.fee')} state={fee}
            options={['paid', 'waived'].map((value) => ({ value, label: t(`membership.fee.${value}`) }))} />
          <TextArea ctx={ctx} name="note" label={t('membership.note')} state={{ ...fee, errors: {} }} />
          <button type="submit">{t('membership.settle_fee')}</button>
        </form>
      )}
      {can(user, 'members.manage') && !ended && (
        <form method="post" action={`/${lang}/admin/members/${member.slug}/end`} novalidate aria-labelledby="end-title">
          <h2 id="end-title">{t('membership.end')}</h2>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={end.errors ?? {}} labels={{ outcome: t('membership.end_kind'), reason: t('membership.reason'), effective_on: t('membership.effective_on') }} />
          <Choice ctx={ctx} name="outcome" label={t('membership.end_kind')} state={end}
            options={['withdrawn'].map((value) => ({ value, label: t(`membership.end.${value}`) }))} />
          <TextArea ctx={ctx} name="reason" label={t('membership.reason')} state={end} required />
          <Field ctx={ctx} name="effective_on" label={t('membership.effective_on')} hint={t('membership.date_hint')} errors={end.errors} value={str(end.values?.effective_on)} required />
          <button type="submit">{t('membership.end_submit')}</button>
        </form>
      )}
      {can(user, 'members.manage') && (member.status === 'active' || member.status === 'suspended') && (
        <form method="post" action={`/${lang}/admin/members/${member.slug}/${statusChange}`} novalidate aria-labelledby="status-title">
          <h2 id="status-title">{t(`membership.${statusChange}`)}</h2>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={change.errors ?? {}} labels={{ change_reason: t('membership.reason'), change_on: t('membership.effective_on') }} />
          <TextArea ctx={ctx} name="change_reason" label={t('membership.reason')} state={change} required />
          <Field ctx={ctx} name="change_on" label={t('membership.effective_on')} hint={t('membership.date_hint')} errors={change.errors} value={str(change.values?.change_on)} required />
          <button type="submit">{t(`membership.${statusChange}`)}</button>
        </form>
      )}
      {can(user, 'members.manage') && !ended && (
        <form method="post" action={`/${lang}/admin/members/${member.slug}/disqualify`} novalidate aria-labelledby="disqualify-title">
          <h2 id="disqualify-title">{t('membership.disqualify')}</h2>
          <p class="hint">{t('membership.disqualify_hint')}</p>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={disqualify.errors ?? {}}
            labels={{ meeting_id: t('membership.meeting'), method: t('membership.method'), votes_for: t('membership.votes_for'), disqualify_reason: t('membership.reason'), disqualify_on: t('membership.effective_on') }} />
          <Choice ctx={ctx} name="meeting_id" label={t('membership.meeting')} state={disqualify}
            options={committee.map((m) => ({ value: String(m.id), label: `${t.date(m.starts_on, 'medium')} · ${textOf(m.body_name as never, lang)}` }))} />
          <Choice ctx={ctx} name="method" label={t('membership.method')} state={disqualify}
            options={['consensus', 'vote'].map((value) => ({ value, label: t(`membership.method.${value}`) }))} />
          <Field ctx={ctx} name="votes_for" label={t('membership.votes_for')} errors={disqualify.errors} value={str(disqualify.values?.votes_for)} />
          <Field ctx={ctx} name="votes_against" label={t('membership.votes_against')} errors={disqualify.errors} value={str(disqualify.values?.votes_against)} />
          <Field ctx={ctx} name="abstentions" label={t('membership.abstentions')} errors={disqualify.errors} value={str(disqualify.values?.abstentions)} />
          <TextArea ctx={ctx} name="disqualify_reason" label={t('membership.reason')} state={disqualify} required />
          <Field ctx={ctx} name="disqualify_on" label={t('membership.effective_on')} hint={t('membership.date_hint')} errors={disqualify.errors} value={str(disqualify.values?.disqualify_on)} required />
          <button type="submit">{t('membership.disqualify')}</button>
        </form>
      )}
      {can(user, 'members.manage') && (
        <form method="post" action={`/${lang}/admin/members/${member.slug}/profile`} enctype="multipart/form-data" novalidate aria-labelledby="profile-title">
          <h2 id="profile-title">{t('membership.profile')}</h2>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={profileErrors} labels={{ description: t('membership.description'), focal_email: t('join.email'), general_email: t('join.general_email'), logo: t('membership.logo') }} />
          <TextArea ctx={ctx} name="description" label={t('membership.description')} state={{ errors: profileErrors, values: profileValues }} />
          <Choice ctx={ctx} name="description_lang" label={t('membership.written_in')} required={false} state={{ values: { description_lang: profileValues.description_lang ?? lang } }}
            options={(['en', 'fr', 'es', 'ko'] as const).map((code) => ({ value: code, label: t.langName(code) }))} />
          <Field ctx={ctx} name="focal_name" label={t('join.focal_name')} errors={profileErrors} value={str(profileValues.focal_name)} />
          <Field ctx={ctx} name="focal_email" type="email" label={t('join.email')} errors={profileErrors} value={str(profileValues.focal_email)} />
          <Field ctx={ctx} name="focal_phone" type="tel" label={t('join.focal_phone')} errors={profileErrors} value={str(profileValues.focal_phone)} />
          <Field ctx={ctx} name="head_name" label={t('join.head_name')} errors={profileErrors} value={str(profileValues.head_name)} />
          <Field ctx={ctx} name="head_title" label={t('join.head_title')} errors={profileErrors} value={str(profileValues.head_title)} />
          <Field ctx={ctx} name="general_email" type="email" label={t('join.general_email')} errors={profileErrors} value={str(profileValues.general_email)} />
          <div class={profileErrors.logo ? 'field has-error' : 'field'}>
            <label for="logo">{t('membership.logo')}</label>
            <p class="hint" id="logo-hint">{t('membership.logo_hint')}</p>
            {profileErrors.logo && (
              <p class="field-error" id="logo-error">
                {t(profileErrors.logo)}
              </p>
            )}
            <input type="file" id="logo" name="logo" accept="image/png,image/jpeg,image/webp" aria-describedby={profileErrors.logo ? 'logo-hint logo-error' : 'logo-hint'} />
          </div>
          <FieldFrame ctx={ctx} name="logo_alt" label={t('images.alt')} hint={t('images.alt_hint')} error={profileErrors.logo_alt}>
            <input type="text" id="logo_alt" name="logo_alt" maxLength={ALT_MAX} value={str(profileValues.logo_alt)} aria-describedby={profileErrors.logo_alt ? 'logo_alt-hint logo_alt-error' : 'logo_alt-hint'} aria-invalid={profileErrors.logo_alt ? 'true' : undefined} />
          </FieldFrame>
          <button type="submit">{t('membership.save_profile')}</button>
        </form>
      )}
      <h2>{t('members.timeline')}</h2>
      <Timeline ctx={ctx} events={timeline} />
    </>
  );
}
