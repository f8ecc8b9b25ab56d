import type { Permission } from '../auth/permissions.ts';

/**
 * What can reach staff by mail, and who may receive it: a notice goes only to those whose roles
 * allow them to act on it (the same permission the page it links to asks for).
 */
export const NOTICE_EVENTS = {
  'application.received': 'members.review',
  'application.information': 'members.review',
  'news.contribution': 'news.review',
  'registration.full': 'activities.manage',
  'newsletter.bounces': 'newsletter.manage',
} as const satisfies Record<string, Permission>;

export type NoticeEvent = keyof typeof NOTICE_EVENTS;
export const NOTICE_EVENT_NAMES = Object.keys(NOTICE_EVENTS) as NoticeEvent[];
export const DELIVERIES = ['off', 'each', 'digest'] as const;
export type Delivery = (typeof DELIVERIES)[number];
/** Without a choice of their own, people get a daily digest of what they may act on. */
export const DEFAULT_DELIVERY: Delivery = 'digest';
