/** A stable iCalendar UID per activity: the slug, which never changes once published. */
export const uidFor = (slug: string) => `${slug}@activities.gsef-net.org`;
