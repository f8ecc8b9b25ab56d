import { LANGS } from '../../../i18n/langs.ts';
import { textOf, type Translatable } from '../../../i18n/translatable.ts';
import { CsrfField } from '../../../web/components.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { CallRow } from '../../selection/queries.ts';
import type { CallProgramme } from '../queries.ts';

type Workshop = CallProgramme['workshops'][number];
type Item = CallProgramme['items'][number];

/** The programme of a call in the back-office: build days, sessions, workshops; place, renumber, publish. */
export function ProgrammeAdminPage({ ctx, call, programme, notice }: { ctx: PageContext; call: CallRow; programme: CallProgramme; notice?: string }) {
  const { t, lang } = ctx;
  const base = `/${lang}/admin/calls/${call.slug}/programme`;
  const unplaced = programme.items.filter((item) => item.workshop_id === null);
  return (
    <div class="programme-admin">
      <h1>{t('programme.title', { call: textOf(call.title, lang) })}</h1>
      <p>
        <a href={`/${lang}/initiatives/programme/${call.event_slug}`}>{t('programme.public_link')}</a>{' · '}
        <a href={`/${lang}/admin/calls/${call.slug}/selection`}>{t('selection.back')}</a>
      </p>
      <p>{t('programme.numbering')}</p>
      {notice && <p role="status" class="notice">{notice}</p>}
      {programme.days.map((day) => (
        <section aria-labelledby={`day-${day.id}`}>
          <h2 id={`day-${day.id}`}>{t('programme.day', { n: day.position })}{day.date ? ` — ${t.date(day.date)}` : ''}</h2>
          {programme.sessions.filter((s) => s.day_id === day.id).map((session) => <Session ctx={ctx} base={base} session={session} programme={programme} />)}
        </section>
      ))}
      {programme.sessions.filter((s) => s.day_id === null).map((session) => <Session ctx={ctx} base={base} session={session} programme={programme} />)}
      <section aria-labelledby="unplaced">
        <h2 id="unplaced">{t('programme.unplaced', { count: unplaced.length })}</h2>
        <ul>{unplaced.map((item) => <li><PlaceForm ctx={ctx} base={base} item={item} workshops={programme.workshops} /></li>)}</ul>
      </section>
      <AddForms ctx={ctx} base={base} programme={programme} />
      <section aria-labelledby="finish">
        <h2 id="finish">{t('programme.finish')}</h2>
        <form method="post" action={`${base}/renumber`}><CsrfField ctx={ctx} /><button type="submit">{t('programme.renumber')}</button></form>
        <p>{t('programme.publish_intro')}</p>
        <form method="post" action={`${base}/publish`}><CsrfField ctx={ctx} /><button type="submit">{t('programme.publish')}</button></form>
      </section>
    </div>
  );
}

function Session({ ctx, base, session, programme }: { ctx: PageContext; base: string; session: CallProgramme['sessions'][number]; programme: CallProgramme }) {
  return (
    <section aria-labelledby={`session-${session.id}`}>
      <h3 id={`session-${session.id}`}>{ctx.t('programme.session', { code: session.code })}</h3>
      {programme.workshops.filter((w) => w.session_id === session.id).map((workshop) => (
        <section class="programme-workshop" aria-labelledby={`workshop-${workshop.id}`}>
          <h4 id={`workshop-${workshop.id}`}>{workshop.code} {textOf(workshop.title, ctx.lang)}</h4>
          <WorkshopFacts ctx={ctx} workshop={workshop} />
          <ol>{programme.items.filter((item) => item.workshop_id === workshop.id).map((item) => (
            <li><PlaceForm ctx={ctx} base={base} item={item} workshops={programme.workshops} /></li>
          ))}</ol>
          <details>
            <summary>{ctx.t('programme.edit_workshop', { code: workshop.code })}</summary>
            <WorkshopForm ctx={ctx} action={`${base}/workshops/update`} programme={programme} workshop={workshop} />
          </details>
        </section>
      ))}
    </section>
  );
}

export function WorkshopFacts({ ctx, workshop }: { ctx: PageContext; workshop: Pick<Workshop, 'room' | 'moderators' | 'partner'> }) {
  const { t } = ctx;
  const facts = [
    workshop.room ? t('programme.room_is', { room: workshop.room }) : null,
    workshop.moderators.length ? t('programme.moderators_are', { names: workshop.moderators.join(', ') }) : null,
    workshop.partner ? t('programme.partner_is', { partner: workshop.partner }) : null,
  ].filter(Boolean);
  return facts.length ? <p class="meta">{facts.join(' · ')}</p> : null;
}

function PlaceForm({ ctx, base, item, workshops }: { ctx: PageContext; base: string; item: Item; workshops: Workshop[] }) {
  const { t, lang } = ctx;
  const title = textOf(item.title as Translatable, lang) || `#${item.id}`;
  return (
    <form method="post" action={`${base}/place`} class="programme-place">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="submission" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <span class="programme-code">{item.code ?? ''}</span> {title}{item.organisation_name ? ` — ${item.organisation_name}` : ''}{' '}
      <label for={`place-${item.id}`} class="visually-hidden">{t('programme.workshop_for', { title })}</label>
      <select id={`place-${item.id}`} name="workshop">
        <option value="" selected={item.workshop_id === null}>{t('programme.not_placed')}</option>
        {workshops.map((w) => <option value={w.id} selected={w.id === item.workshop_id}>{`${w.code} ${textOf(w.title, lang)}`}</option>)}
      </select>{' '}
      <button type="submit">{t(item.workshop_id === null ? 'programme.place' : 'programme.move')}</button>
    </form>
  );
}

function WorkshopForm({ ctx, action, programme, workshop }: { ctx: PageContext; action: string; programme: CallProgramme; workshop?: Workshop }) {
  const { t } = ctx;
  const id = (name: string) => `${name}-${workshop?.id ?? 'new'}`;
  return (
    <form method="post" action={action}>
      <CsrfField ctx={ctx} />
      {workshop && <input type="hidden" name="workshop" value={workshop.id} />}
      <div class="field">
        <label for={id('session')}>{t('programme.session_field')}</label>
        <select id={id('session')} name="session">
          {programme.sessions.map((s) => <option value={s.id} selected={s.id === workshop?.session_id}>{t('programme.session', { code: s.code })}</option>)}
        </select>
      </div>
      <div class="field">
        <label for={id('source')}>{t('programme.source')}</label>
        <select id={id('source')} name="source">{LANGS.map((l) => <option value={l} selected={l === ctx.lang}>{t.langName(l)}</option>)}</select>
      </div>
      {LANGS.map((l) => (
        <div class="field">
          <label for={id(`title_${l}`)}>{t('programme.workshop_title', { lang: t.langName(l) })}</label>
          <input id={id(`title_${l}`)} name={`title_${l}`} lang={l} value={workshop?.title[l]?.text ?? ''} maxlength={300} />
        </div>
      ))}
      <div class="field"><label for={id('room')}>{t('programme.room')}</label><input id={id('room')} name="room" value={workshop?.room ?? ''} maxlength={200} /></div>
      <div class="field"><label for={id('moderators')}>{t('programme.moderators')}</label><textarea id={id('moderators')} name="moderators" rows={3}>{workshop?.moderators.join('\n') ?? ''}</textarea></div>
      <div class="field"><label for={id('partner')}>{t('programme.partner')}</label><input id={id('partner')} name="partner" value={workshop?.partner ?? ''} maxlength={300} /></div>
      <button type="submit">{t(workshop ? 'programme.save_workshop' : 'programme.add_workshop')}</button>
    </form>
  );
}

function AddForms({ ctx, base, programme }: { ctx: PageContext; base: string; programme: CallProgramme }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="build">
      <h2 id="build">{t('programme.build')}</h2>
      <form method="post" action={`${base}/days`}>
        <CsrfField ctx={ctx} />
        <div class="field"><label for="day-date">{t('programme.day_date')}</label><input id="day-date" name="date" type="date" /></div>
        <button type="submit">{t('programme.add_day')}</button>
      </form>
      <form method="post" action={`${base}/sessions`}>
        <CsrfField ctx={ctx} />
        <div class="field">
          <label for="session-day">{t('programme.session_day')}</label>
          <select id="session-day" name="day">
            <option value="">{t('programme.no_day')}</option>
            {programme.days.map((d) => <option value={d.id}>{t('programme.day', { n: d.position })}</option>)}
          </select>
        </div>
        <button type="submit">{t('programme.add_session')}</button>
      </form>
      {programme.sessions.length > 0 && <WorkshopForm ctx={ctx} action={`${base}/workshops`} programme={programme} />}
    </section>
  );
}
