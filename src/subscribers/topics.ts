/**
 * What a subscriber can ask to receive. `newsletter` is the monthly newsletter itself; the others
 * narrow or widen it (a delivery may target subscribers of any of a set of topics). Names are in the
 * subscribers catalogs as `subscribers.topic.<slug>`.
 */
export const TOPICS = ['newsletter', 'events', 'calls', 'publications'] as const;
export type Topic = (typeof TOPICS)[number];

export const DEFAULT_TOPICS: readonly Topic[] = ['newsletter'];

export const isTopic = (value: string): value is Topic => (TOPICS as readonly string[]).includes(value);
