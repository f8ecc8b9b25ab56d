// Small pieces of the archive's numbering that pages and forms need, kept apart from the booklet
// parser so that serving pages does not load the parser and its language detector.

/** An event's slug: lower-case letters, digits and hyphens. */
export const EVENT_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Orders entry codes ("4.1.2", "5.4") number by number, a shorter code before its children. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
