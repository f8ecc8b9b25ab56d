import type { PageContext } from '../../../web/page-context.ts';
import type { callListing } from '../domain.ts';
import { CallItem } from './parts.tsx';

/** /{lang}/calls: calls open now, announced, and past. */
export function CallsPage({ ctx, listing }: { ctx: PageContext; listing: Awaited<ReturnType<typeof callListing>> }) {
  const { t } = ctx;
  const section = (key: 'open' | 'upcoming' | 'past') => (
    <section aria-labelledby={`calls-${key}`}>
      <h2 id={`calls-${key}`}>{t(`calls.public.${key}`)}</h2>
      {listing[key].length === 0 ? <p>{t(`calls.public.none_${key}`)}</p> : <ul>{listing[key].map((call) => <CallItem ctx={ctx} call={call} />)}</ul>}
    </section>
  );
  return (
    <>
      <h1>{t('calls.public.title')}</h1>
      <p>{t('calls.public.intro')}</p>
      {section('open')}
      {section('upcoming')}
      {section('past')}
    </>
  );
}
