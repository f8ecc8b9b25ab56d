import { activitySearchSource, eventSearchSource } from '../activities/search-source.ts';
import { initiativeSearchSource } from '../initiatives/search-source.ts';
import { memberSearchSource } from '../members/search-source.ts';
import { resourceSearchSource } from '../library/search-source.ts';
import { newsSearchSource } from '../news/search-source.ts';
import { meetingSearchSource, personSearchSource } from '../governance/search-source.ts';
import { newsletterSearchSource } from '../newsletter/search-source.ts';
import type { SearchSource } from './types.ts';

/**
 * Every module's description of its searchable rows. Append a module's source here when it has
 * one (library resources: src/library/search-source.ts; news: src/news/search-source.ts).
 */
// A function rather than a constant: modules that index on write import the indexer, which imports
// this file; read at call time, the list never meets a module still being loaded.
export function searchSources(): readonly SearchSource[] {
  return [memberSearchSource, activitySearchSource, eventSearchSource, initiativeSearchSource, resourceSearchSource, newsSearchSource,
    personSearchSource, meetingSearchSource, newsletterSearchSource];
}
