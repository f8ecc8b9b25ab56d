import type { Lang } from '../i18n/langs.ts';
import { isLang } from '../i18n/langs.ts';
import { sourceLang } from '../i18n/translatable.ts';
import type { SearchDocument, SearchSource } from '../search/types.ts';
import { publishersOf, extractedTextsOf, resourcesByIds } from './queries.ts';

/**
 * The library as the search sees it: a resource's title and summary, its authors and publishers as
 * names, and the text extracted from each of its files in that file's language (the resource's
 * original language when the file's is not given).
 */
export const resourceSearchSource: SearchSource = {
  kind: 'resource',
  async load(db, ids) {
    const rows = await resourcesByIds(db, ids);
    const resourceIds = rows.map((row) => row.id);
    const [texts, publishers] = await Promise.all([extractedTextsOf(db, resourceIds), publishersOf(db, resourceIds)]);
    return rows.map((row): SearchDocument => {
      const fallback: Lang = sourceLang(row.title) ?? 'en';
      return {
        kind: 'resource',
        sourceId: row.id,
        slug: row.slug,
        path: `/library/${row.slug}`,
        title: row.title,
        summary: row.summary ?? {},
        bodies: texts
          .filter((text) => text.resource_id === row.id && text.extracted_text)
          .map((text) => ({ lang: isLang(text.lang) ? text.lang : fallback, text: text.extracted_text! })),
        names: [...row.authors, ...publishers.filter((p) => p.resource_id === row.id).flatMap((p) => Object.values(p.name).map((entry) => entry!.text))],
        date: row.published_on,
        region: null,
        themes: row.themes,
        visibility: row.visibility,
      };
    });
  },
};
