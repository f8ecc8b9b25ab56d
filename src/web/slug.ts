import { nameKey } from '../places/normalize.ts';

/** A URL slug from any title: ASCII letters and digits joined by hyphens, at most 80 characters. */
export function slugify(text: string): string {
  const slug = nameKey(text)
    .normalize('NFKD')
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'item';
}

/** The slug, or the slug with -2, -3… appended until `taken` says no. */
export async function uniqueSlug(slug: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? slug : `${slug}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
