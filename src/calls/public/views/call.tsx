import type { Lang } from '../../../i18n/langs.ts';
import { pick, textOf } from '../../../i18n/translatable.ts';
import { formatSize } from '../../../web/components.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { dateInZone, kindOfMime } from '../../admin/model.ts';
import { phaseOf, type CallDetail } from '../domain.ts';
import { submitPath } from '../paths.ts';
import { Paragraphs, PublishedLinks } from './parts.tsx';

type Question = CallDetail['questions'][number];

function QuestionItem({ ctx, question }: { ctx: PageContext; question: Question }) {
  const { t, lang } = ctx;
  const label = pick(question.label, lang);
  const limits = question.kind === 'text' && question.max_length ? t('calls.public.q_max_length', { n: question.max_length })
    : question.kind === 'number' && (question.min_value !== null || question.max_value !== null) ? t('calls.public.q_range', { min: question.min_value ?? '—', max: question.max_value ?? '—' })
    : null;
  return (
    <li>
      <span lang={label && label.lang !== lang ? label.lang : undefined}>{label?.text}</span>{' '}
      <span class="meta">
        ({[t(`calls.question.kind_${question.kind}`), question.required ? t('calls.public.q_required') : t('calls.public.q_optional'), limits].filter(Boolean).join(' · ')})
      </span>
      {question.kind === 'choice' && <ul>{question.choices.map((choice) => <li>{textOf(choice.label, lang)}</li>)}</ul>}
    </li>
  );
}

/** /{lang}/calls/{slug}: the call in the reader's language, its dates in its own zone. */
export function CallPage({ ctx, detail }: { ctx: PageContext; detail: CallDetail }) {
  const { t, lang } = ctx;
  const { call, questions, themes, selected, received } = detail;
  const phase = phaseOf(call);
  const title = pick(call.title, lang);
  const kinds = call.attachment_types.map((mime) => kindOfMime(mime)).filter(Boolean).map((kind) => t(`calls.attachment.${kind}`));
  return (
    <>
      <h1 lang={title && title.lang !== lang ? title.lang : undefined}>{title?.text}</h1>
      <p class="call-state">{t('calls.public.state', { state: t(`calls.state.${call.state}`) })}</p>
      {call.forum_slug && <p><a href={`/${lang}/activities/${call.forum_slug}`}>{textOf(call.forum_title, lang)}</a></p>}
      {phase === 'open' && <p><a class="button" href={submitPath(lang, call.slug)}>{t('calls.public.submit')}</a></p>}
      {call.state === 'published' && (
        <section aria-labelledby="call-outcome">
          <h2 id="call-outcome">{t('calls.public.outcome')}</h2>
          <p>{t(call.received_count_reported !== null ? 'calls.public.outcome_reported' : 'calls.public.outcome_counted', { received, selected: selected.selected, countries: selected.countries })}</p>
          <ul><PublishedLinks lang={lang} t={t} eventSlug={call.event_slug} /></ul>
        </section>
      )}
      <Paragraphs ctx={ctx} field={call.body} />
      {/* A call run before Passerelle (no dates recorded) has no terms to show: its outcome is the page. */}
      {(call.opens_at || call.closes_at) && (
        <>
          <h2>{t('calls.public.details')}</h2>
          <dl class="facts">
            <dt>{t('calls.field.opens_at')}</dt>
            <dd>{call.opens_at ? dateInZone(call.opens_at, call.time_zone, lang) : t('calls.admin.no_date')}</dd>
            <dt>{t('calls.field.closes_at')}</dt>
            <dd>{call.closes_at ? dateInZone(call.closes_at, call.time_zone, lang) : t('calls.admin.no_date')}</dd>
            <dt>{t('calls.field.languages')}</dt>
            <dd>{call.languages.map((l) => t.langName(l as Lang)).join(', ')}</dd>
            {themes.length > 0 && <><dt>{t('calls.field.themes')}</dt><dd>{themes.map((theme) => textOf(theme.name, lang)).join(', ')}</dd></>}
            <dt>{t('calls.public.attachments')}</dt>
            <dd>{call.max_attachments === 0 || kinds.length === 0 ? t('calls.public.no_attachments') : t('calls.public.attachments_allowed', { count: call.max_attachments, kinds: kinds.join(', '), size: formatSize(ctx, call.attachment_max_bytes) })}</dd>
          </dl>
        </>
      )}
      {questions.length > 0 && (
        <section aria-labelledby="call-questions">
          <h2 id="call-questions">{t('calls.public.questions')}</h2>
          <ol>{questions.map((question) => <QuestionItem ctx={ctx} question={question} />)}</ol>
        </section>
      )}
      <p><a href={`/${lang}/calls`}>{t('calls.public.all')}</a></p>
    </>
  );
}
