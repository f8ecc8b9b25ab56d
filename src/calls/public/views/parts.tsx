import type { Lang } from '../../../i18n/langs.ts';
import { pick, textOf, type Translatable } from '../../../i18n/translatable.ts';
import { TranslationNotice } from '../../../web/components.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { dateInZone } from '../../admin/model.ts';
import { phaseOf, type CallDeadline, type PublicCall } from '../domain.ts';
import { bookletPath, callPath, eventInitiativesPath, programmePath, submitPath } from '../paths.ts';

/** A plain text in paragraphs (blank lines), escaped, with the notice when another language is shown. */
export function Paragraphs({ ctx, field }: { ctx: PageContext; field: Translatable | null | undefined }) {
  const picked = pick(field, ctx.lang);
  if (!picked) return null;
  return (
    <>
      <TranslationNotice ctx={ctx} picked={picked} />
      <div class="prose" lang={picked.lang === ctx.lang ? undefined : picked.lang}>
        {picked.text.split(/\n\s*\n/).map((paragraph) => <p>{paragraph.trim()}</p>)}
      </div>
    </>
  );
}

/** The links of a published call: its programme, the initiatives it selected, its booklet. */
export function PublishedLinks({ lang, t, eventSlug }: { lang: Lang; t: PageContext['t']; eventSlug: string }) {
  return (
    <>
      <li><a href={programmePath(lang, eventSlug)}>{t('calls.public.programme')}</a></li>
      <li><a href={eventInitiativesPath(lang, eventSlug)}>{t('calls.public.initiatives')}</a></li>
      <li><a href={bookletPath(lang, eventSlug)}>{t('calls.public.booklet')}</a></li>
    </>
  );
}

/** One call in a list: title, state and closing date in its zone. */
export function CallItem({ ctx, call }: { ctx: PageContext; call: PublicCall }) {
  const { t, lang } = ctx;
  const phase = phaseOf(call);
  return (
    <li>
      <a href={callPath(lang, call.slug)}>{textOf(call.title, lang)}</a>{' '}
      <span class="meta">
        ({t(`calls.state.${call.state}`)}
        {call.closes_at && <> · {t(phase === 'past' ? 'calls.public.closed_on' : 'calls.public.closes_on', { date: dateInZone(call.closes_at, call.time_zone, lang) })}</>})
      </span>
    </li>
  );
}

/** The forum page's part: its call, and once published its programme, initiatives and booklet. */
export function ForumCalls({ ctx, calls }: { ctx: PageContext; calls: PublicCall[] }) {
  const { t, lang } = ctx;
  if (calls.length === 0) return null;
  return (
    <section aria-labelledby="forum-calls-heading">
      <h2 id="forum-calls-heading">{t('calls.public.forum_heading')}</h2>
      {calls.map((call) => (
        <ul class="inline-list">
          <li><a href={callPath(lang, call.slug)}>{textOf(call.title, lang)}</a> ({t(`calls.state.${call.state}`)})</li>
          {phaseOf(call) === 'open' && <li><a href={submitPath(lang, call.slug)}>{t('calls.public.submit')}</a></li>}
          {call.state === 'published' && <PublishedLinks lang={lang} t={t} eventSlug={call.event_slug} />}
        </ul>
      ))}
    </section>
  );
}

/** The home page's part: calls open now, each with its closing date. */
export function OpenCalls({ ctx, calls }: { ctx: PageContext; calls: PublicCall[] }) {
  const { t, lang } = ctx;
  const open = calls.filter((call) => phaseOf(call) === 'open');
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="open-calls-heading">
      <h2 id="open-calls-heading">{t('calls.public.open_heading')}</h2>
      <ul>{open.map((call) => <CallItem ctx={ctx} call={call} />)}</ul>
      <p><a href={`/${lang}/calls`}>{t('calls.public.all')}</a></p>
    </section>
  );
}

/** The calendar's part: calls closing in the period shown, each on its day in the call's zone. */
export function CallDeadlines({ ctx, deadlines }: { ctx: PageContext; deadlines: CallDeadline[] }) {
  const { t, lang } = ctx;
  if (deadlines.length === 0) return null;
  return (
    <section aria-labelledby="cal-call-deadlines" class="cal-month">
      <h3 id="cal-call-deadlines">{t('calls.public.deadlines')}</h3>
      <ul>
        {deadlines.map((deadline) => (
          <li>
            <a href={callPath(lang, deadline.slug)}>{t('calls.public.deadline', { title: deadline.title })}</a>{' '}
            <span class="meta">{deadline.closesText}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
