import { LANGS, type Lang } from '../../i18n/langs.ts';
import { textOf, type Translatable } from '../../i18n/translatable.ts';
import { CsrfField, ErrorSummary, Field, FieldFrame, ScrollingTable } from '../../web/components.tsx';
import type { FieldErrors } from '../../web/forms.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { EditionState, IssueDetail } from '../issues.ts';
import { SECTION_KINDS } from '../tables.ts';

export interface FormState {
  errors?: FieldErrors;
  values: Record<string, unknown>;
}

const str = (value: unknown) => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));
const base = (ctx: PageContext, id?: number) => `/${ctx.lang}/admin/newsletter${id ? `/${id}` : ''}`;

function LangSelect({ ctx, name, label, value, error }: { ctx: PageContext; name: string; label: string; value: string; error?: string }) {
  return (
    <FieldFrame ctx={ctx} name={name} label={label} error={error}>
      <select id={name} name={name} aria-describedby={error ? `${name}-error` : undefined}>
        {LANGS.map((lang) => (
          <option value={lang} selected={value === lang}>
            {ctx.t.langName(lang)}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function StateBadge({ ctx, state }: { ctx: PageContext; state: EditionState }) {
  return <span class={`nl-state nl-state-${state}`}>{ctx.t(`newsletter.state.${state}`)}</span>;
}

export function IssueListPage({ ctx, rows, state }: { ctx: PageContext; rows: { issue: IssueDetail['issue']; states: Record<Lang, EditionState> }[]; state: FormState }) {
  const { t } = ctx;
  const errors = state.errors ?? {};
  const labels = { slug: t('newsletter.slug'), issue_date: t('newsletter.issue_date'), source_lang: t('newsletter.source_lang'), fallback_lang: t('newsletter.fallback_lang'), events_count: t('newsletter.events_count') };
  return (
    <>
      <h1>{t('newsletter.admin.title')}</h1>
      <ScrollingTable captionId="nl-issues-caption">
        <caption id="nl-issues-caption">{t.plural('newsletter.issue_count', rows.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('newsletter.issue')}</th>
            <th scope="col">{t('newsletter.status')}</th>
            {LANGS.map((lang) => (
              <th scope="col">{t.langName(lang)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ issue, states }) => (
            <tr>
              <th scope="row">
                <a href={base(ctx, issue.id)}>{t('newsletter.issue_label', { number: issue.number, slug: issue.slug })}</a>
              </th>
              <td>{t(`newsletter.issue_status.${issue.status}`)}</td>
              {LANGS.map((lang) => (
                <td>
                  <StateBadge ctx={ctx} state={states[lang]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
      <h2>{t('newsletter.admin.new')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={base(ctx)} novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="slug" label={labels.slug} errors={errors} value={str(state.values.slug)} required hint={t('newsletter.slug_hint')} />
        <Field ctx={ctx} name="issue_date" label={labels.issue_date} errors={errors} value={str(state.values.issue_date)} required hint={t('newsletter.date_hint')} />
        <LangSelect ctx={ctx} name="source_lang" label={labels.source_lang} value={str(state.values.source_lang)} error={errors.source_lang} />
        <LangSelect ctx={ctx} name="fallback_lang" label={labels.fallback_lang} value={str(state.values.fallback_lang)} error={errors.fallback_lang} />
        <Field ctx={ctx} name="events_count" label={labels.events_count} errors={errors} value={str(state.values.events_count)} required />
        <button type="submit">{t('newsletter.admin.create')}</button>
      </form>
    </>
  );
}

export interface IssuePageProps {
  ctx: PageContext;
  detail: IssueDetail;
  members: { slug: string; name: Translatable }[];
  news: { id: number; title: Translatable }[];
  notice?: string | null;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}

function Progress({ ctx, detail }: { ctx: PageContext; detail: IssueDetail }) {
  const { t } = ctx;
  const statuses = ['queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled'] as const;
  const total = Object.values(detail.counts).reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="nl-progress">
      <h2 id="nl-progress">{t('newsletter.progress')}</h2>
      <p role="status">{t.plural('newsletter.progress_total', total)}</p>
      <dl class="nl-counts">
        {statuses.map((status) => (
          <div>
            <dt>{t(`newsletter.delivery.${status}`)}</dt>
            <dd data-status={status}>{t.number(detail.counts[status] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      {detail.issue.status === 'sending' && (
        <p>
          {t('newsletter.progress_auto')} <a href={`${base(ctx, detail.issue.id)}`}>{t('newsletter.reload')}</a>
        </p>
      )}
    </section>
  );
}

function Sections({ ctx, detail, members, news }: IssuePageProps) {
  const { t, lang } = ctx;
  const editable = detail.issue.status === 'draft' || detail.issue.status === 'scheduled';
  const url = base(ctx, detail.issue.id);
  return (
    <section aria-labelledby="nl-sections">
      <h2 id="nl-sections">{t('newsletter.sections')}</h2>
      <ol class="nl-sections">
        {detail.sections.map((section, index) => (
          <li>
            <h3>{t(`newsletter.section.${section.kind}`)}</h3>
            {editable && (
              <div class="nl-actions">
                {index > 0 && (
                  <form method="post" action={`${url}/sections/${section.id}/move`}>
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="direction" value="up" />
                    <button type="submit">{t('newsletter.move_up')}</button>
                  </form>
                )}
                {index < detail.sections.length - 1 && (
                  <form method="post" action={`${url}/sections/${section.id}/move`}>
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="direction" value="down" />
                    <button type="submit">{t('newsletter.move_down')}</button>
                  </form>
                )}
                <form method="post" action={`${url}/sections/${section.id}/remove`}>
                  <CsrfField ctx={ctx} />
                  <button type="submit">{t('newsletter.remove')}</button>
                </form>
              </div>
            )}
            {section.kind === 'events' && <p>{t.plural('newsletter.events_note', detail.issue.events_count)}</p>}
            {editable && (section.kind === 'member' || section.kind === 'news' || section.kind === 'important') && (
              <form method="post" action={`${url}/sections/${section.id}/content`}>
                <CsrfField ctx={ctx} />
                {section.kind === 'member' ? (
                  <FieldFrame ctx={ctx} name={`member_slug_${section.id}`} label={t('newsletter.member')}>
                    <select id={`member_slug_${section.id}`} name="member_slug">
                      <option value="">{t('newsletter.none')}</option>
                      {members.map((m) => (
                        <option value={m.slug} selected={section.member_slug === m.slug}>
                          {textOf(m.name, lang)}
                        </option>
                      ))}
                    </select>
                  </FieldFrame>
                ) : (
                  <fieldset>
                    <legend>{t('newsletter.news_in_section')}</legend>
                    {news.length === 0 && <p>{t('newsletter.no_news')}</p>}
                    {news.map((item) => (
                      <label class="check">
                        <input type="checkbox" name="news" value={String(item.id)} checked={section.news_ids.includes(item.id)} /> {textOf(item.title, lang)}
                      </label>
                    ))}
                  </fieldset>
                )}
                <button type="submit">{t('newsletter.save')}</button>
              </form>
            )}
          </li>
        ))}
      </ol>
      {editable && (
        <form method="post" action={`${url}/sections`}>
          <CsrfField ctx={ctx} />
          <FieldFrame ctx={ctx} name="kind" label={t('newsletter.section_kind')}>
            <select id="kind" name="kind">
              {SECTION_KINDS.map((kind) => (
                <option value={kind}>{t(`newsletter.section.${kind}`)}</option>
              ))}
            </select>
          </FieldFrame>
          <button type="submit">{t('newsletter.add_section')}</button>
        </form>
      )}
    </section>
  );
}

export function IssuePage(props: IssuePageProps) {
  const { ctx, detail, notice } = props;
  const { t } = ctx;
  const { issue } = detail;
  const url = base(ctx, issue.id);
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const editable = issue.status === 'draft' || issue.status === 'scheduled';
  return (
    <>
      <h1>{t('newsletter.issue_label', { number: issue.number, slug: issue.slug })}</h1>
      <p>
        {t('newsletter.status')}: <strong>{t(`newsletter.issue_status.${issue.status}`)}</strong>
        {issue.scheduled_at && issue.status === 'scheduled' && <> · {t('newsletter.scheduled_for', { at: `${issue.scheduled_at.toISOString().slice(0, 16).replace('T', ' ')} UTC` })}</>}
        {issue.status === 'sent' && <> · <a href={`/${ctx.lang}/newsletter/${issue.slug}`}>{t('newsletter.web_version')}</a></>}
      </p>
      {notice && (
        <p class="success" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} labels={{ email: t('newsletter.test_address'), at: t('newsletter.schedule_at'), _form: '' }} />
      <section aria-labelledby="nl-editions">
        <h2 id="nl-editions">{t('newsletter.editions')}</h2>
        <ScrollingTable captionId="nl-editions-caption">
          <caption id="nl-editions-caption">{t('newsletter.editions_caption', { source: t.langName(issue.source_lang), fallback: t.langName(issue.fallback_lang) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('newsletter.language')}</th>
              <th scope="col">{t('newsletter.translation')}</th>
              <th scope="col">{t('newsletter.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {LANGS.map((lang) => (
              <tr>
                <th scope="row">{t.langName(lang)}</th>
                <td>
                  <StateBadge ctx={ctx} state={detail.states[lang]} />
                </td>
                <td>
                  {editable && <a href={`${url}/editions/${lang}`}>{t('newsletter.edit_edition', { lang: t.langName(lang) })}</a>}
                  {editable && ' · '}
                  <a href={`${url}/editions/${lang}/preview`}>{t('newsletter.preview', { lang: t.langName(lang) })}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      </section>
      <Sections {...props} />
      {editable && (
        <section aria-labelledby="nl-settings">
          <h2 id="nl-settings">{t('newsletter.settings')}</h2>
          <form method="post" action={`${url}/settings`} novalidate>
            <CsrfField ctx={ctx} />
            <Field ctx={ctx} name="issue_date" label={t('newsletter.issue_date')} errors={errors} value={str(values.issue_date ?? issue.issue_date)} required hint={t('newsletter.date_hint')} />
            <LangSelect ctx={ctx} name="fallback_lang" label={t('newsletter.fallback_lang')} value={str(values.fallback_lang ?? issue.fallback_lang)} error={errors.fallback_lang} />
            <Field ctx={ctx} name="events_count" label={t('newsletter.events_count')} errors={errors} value={str(values.events_count ?? issue.events_count)} required />
            <button type="submit">{t('newsletter.save')}</button>
          </form>
        </section>
      )}
      <section aria-labelledby="nl-test">
        <h2 id="nl-test">{t('newsletter.test_send')}</h2>
        <form method="post" action={`${url}/test`} novalidate>
          <CsrfField ctx={ctx} />
          <Field ctx={ctx} name="email" type="email" label={t('newsletter.test_address')} errors={errors} value={str(values.email)} required />
          <LangSelect ctx={ctx} name="lang" label={t('newsletter.language')} value={str(values.lang ?? issue.source_lang)} />
          <button type="submit">{t('newsletter.send_test')}</button>
        </form>
      </section>
      {editable && (
        <section aria-labelledby="nl-send">
          <h2 id="nl-send">{t('newsletter.sending')}</h2>
          {detail.blockers.length > 0 ? (
            <div class="error-summary" role="alert">
              <p>{t('newsletter.blocked_intro')}</p>
              <ul>
                {detail.blockers.map((blocker) => (
                  <li>{t(blocker.key, { lang: t.langName(blocker.lang) })}</li>
                ))}
              </ul>
            </div>
          ) : (
            <>
              <form method="post" action={`${url}/send`}>
                <CsrfField ctx={ctx} />
                <button type="submit">{t('newsletter.send_now')}</button>
              </form>
              <form method="post" action={`${url}/schedule`} novalidate>
                <CsrfField ctx={ctx} />
                <Field ctx={ctx} name="at" label={t('newsletter.schedule_at')} errors={errors} value={str(values.at)} required hint={t('newsletter.schedule_hint')} />
                <button type="submit">{t('newsletter.schedule')}</button>
              </form>
            </>
          )}
          {issue.status === 'scheduled' && (
            <form method="post" action={`${url}/unschedule`}>
              <CsrfField ctx={ctx} />
              <button type="submit">{t('newsletter.unschedule')}</button>
            </form>
          )}
        </section>
      )}
      {(issue.status === 'sending' || issue.status === 'sent') && <Progress ctx={ctx} detail={detail} />}
    </>
  );
}

export function EditionPage({ ctx, detail, lang, state }: { ctx: PageContext; detail: IssueDetail; lang: Lang; state: FormState }) {
  const { t } = ctx;
  const errors = state.errors ?? {};
  const v = state.values;
  const written = detail.sections.filter((s) => s.kind === 'important' || s.kind === 'text');
  const source = detail.issue.source_lang;
  const sourceEdition = detail.editions.find((e) => e.lang === source);
  const labels: Record<string, string> = { subject: t('newsletter.subject'), intro: t('newsletter.intro'), status: t('newsletter.translation') };
  const textarea = (name: string, label: string, sourceText?: string) => (
    <FieldFrame ctx={ctx} name={name} label={label} error={errors[name]} hint={lang !== source && sourceText ? t('newsletter.source_text', { text: sourceText.slice(0, 300) }) : undefined}>
      <textarea id={name} name={name} rows={5} lang={lang} aria-describedby={[errors[name] ? `${name}-error` : '', lang !== source && sourceText ? `${name}-hint` : ''].filter(Boolean).join(' ') || undefined}>
        {str(v[name])}
      </textarea>
    </FieldFrame>
  );
  return (
    <>
      <h1>{t('newsletter.edition_of', { lang: t.langName(lang), number: detail.issue.number })}</h1>
      <p>
        <StateBadge ctx={ctx} state={detail.states[lang]} /> · <a href={base(ctx, detail.issue.id)}>{t('newsletter.back_to_issue')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`${base(ctx, detail.issue.id)}/editions/${lang}`} novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="subject" label={labels.subject!} errors={errors} value={str(v.subject)} hint={lang !== source && sourceEdition ? t('newsletter.source_text', { text: sourceEdition.subject }) : undefined} />
        {textarea('intro', labels.intro!, sourceEdition?.intro)}
        {written.map((section) => (
          <fieldset>
            <legend>{t(`newsletter.section.${section.kind}`)}</legend>
            <Field ctx={ctx} name={`title_${section.id}`} label={t('newsletter.section_title')} errors={errors} value={str(v[`title_${section.id}`])} />
            {textarea(`body_${section.id}`, t('newsletter.section_body'), section.texts[source]?.body)}
          </fieldset>
        ))}
        <fieldset>
          <legend>{labels.status}</legend>
          {(['draft', 'ready', 'skipped'] as const).map((status) => (
            <label class="check">
              <input type="radio" name="status" value={status} checked={str(v.status || 'draft') === status} /> {t(`newsletter.state.${status}`)}
            </label>
          ))}
          <p class="hint">{t('newsletter.skip_hint', { fallback: t.langName(detail.issue.fallback_lang) })}</p>
        </fieldset>
        <button type="submit">{t('newsletter.save')}</button>
      </form>
    </>
  );
}
