import type { Translatable } from '../../i18n/translatable.ts';

export interface Presenter { name?: string; organisation?: string; role?: string }

/** What a reviewer is shown of a submission. */
export interface ReviewCopy {
  id: number;
  title: Translatable | null;
  summary: Translatable | null;
  sourceLang: string | null;
  city: string | null;
  country: string | null;
  themes: string[];
  answers: Record<string, unknown>;
  /** Absent on a blind copy. */
  names: {
    email: string;
    organisation: string | null;
    presenters: Presenter[];
    links: string[];
    files: string[];
  } | null;
}

interface SubmissionRow {
  id: number;
  title: Translatable | null;
  summary: Translatable | null;
  source_lang: string | null;
  city: string | null;
  country: string | null;
  themes: string[];
  answers: unknown;
  email: string;
  organisation_name: string | null;
  presenters: unknown;
  links: string[];
  file_names: string[] | null;
}

/**
 * The copy a reviewer reads. Blind: no e-mail, presenters, organisation, links or file names — only
 * what the work says and where it happens (city and country are kept: region matters to the review).
 */
export function reviewCopy(row: SubmissionRow, blind: boolean): ReviewCopy {
  const copy: ReviewCopy = {
    id: row.id, title: row.title, summary: row.summary, sourceLang: row.source_lang, city: row.city, country: row.country,
    themes: row.themes, answers: (row.answers ?? {}) as Record<string, unknown>, names: null,
  };
  if (blind) return copy;
  return {
    ...copy,
    names: {
      email: row.email,
      organisation: row.organisation_name,
      presenters: Array.isArray(row.presenters) ? (row.presenters as Presenter[]) : [],
      links: row.links,
      files: row.file_names ?? [],
    },
  };
}
