import type { Lang } from '../../i18n/langs.ts';
import { bookletPath } from '../booklet/routes.tsx';

/** Every address a call links to, in one place (the other calls pages are built by other parts). */
export const callPath = (lang: Lang, slug: string) => `/${lang}/calls/${slug}`;
export const submitPath = (lang: Lang, slug: string) => `/${lang}/calls/${slug}/submit`;
export const programmePath = (lang: Lang, eventSlug: string) => `/${lang}/initiatives/programme/${eventSlug}`;
export const eventInitiativesPath = (lang: Lang, eventSlug: string) => `/${lang}/initiatives?event=${encodeURIComponent(eventSlug)}`;
export const bookletAdminPath = (lang: Lang, eventSlug: string) => `/${lang}/admin/booklets/${eventSlug}`;
export { bookletPath };

/** The back-office pages of one call, as [catalog key, address]. */
export const subPages = (lang: Lang, slug: string): [string, string][] =>
  (['submissions', 'review', 'selection', 'programme'] as const).map((page) => [page, `/${lang}/admin/calls/${slug}/${page}`]);
