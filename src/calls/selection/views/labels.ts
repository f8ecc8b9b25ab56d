import type { Lang } from '../../../i18n/langs.ts';
import { textOf, type Translatable } from '../../../i18n/translatable.ts';
import { countryName } from '../../../places/countries.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { Dimension } from '../tables.ts';

/** The names a facet value is shown under, in the reader's language. */
export interface Names {
  themes: { slug: string; name: Translatable }[];
}

export function valueName(ctx: PageContext, names: Names, dimension: Dimension | 'kind' | 'state', value: string): string {
  const { t, lang } = ctx;
  switch (dimension) {
    case 'region': return t(`initiatives.region.${value}`);
    case 'country': return countryName(value, lang);
    case 'language': return t.langName(value as Lang);
    case 'theme': return textOf(names.themes.find((theme) => theme.slug === value)?.name, lang) || value;
    case 'kind': return t(`initiatives.organisation_kind_${value}`);
    case 'state': return t(`selection.state.${value}`);
  }
}
