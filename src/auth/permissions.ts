/**
 * Who may do what: the one place where roles are turned into permissions. Routes name the
 * permission they need on the same line as their path; `can` is the only check.
 */
export const ROLES = ['member_contact', 'editor', 'reviewer', 'steering_committee', 'admin', 'call_reviewer', 'translator'] as const;
export type Role = (typeof ROLES)[number];

const STAFF: Role[] = ['editor', 'reviewer', 'steering_committee', 'admin', 'call_reviewer', 'translator'];

export const PERMISSIONS = {
  /** Anyone, signed in or not. */
  public: 'everyone',
  /** Any signed-in account. */
  'account.self': 'signed-in',
  'admin.access': STAFF,
  /** Accounts: creating them, changing their roles, deactivating them, ending their sessions. */
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  /** Creating and editing activities, and the registrations of their events (the secretariat). */
  'activities.manage': ['editor'],
  /** Creating and editing initiatives of the archive (the secretariat). */
  'initiatives.manage': ['editor'],
  /** Members' private contacts and timelines (the secretariat). */
  'members.contacts': ['editor', 'reviewer'],
  /** Reading the application queue, applications and membership figures (secretariat and committee). */
  'members.applications': ['editor', 'reviewer', 'steering_committee'],
  /** The secretariat's application queue: review, comment, ask for information. */
  'members.review': ['editor', 'reviewer'],
  /** Recording the steering committee's decision on an application. */
  'members.decide': ['steering_committee'],
  /** A member contact's own space: its member's page and profile (only the members it is linked to). */
  'members.own': ['member_contact'],
  /** Fees, withdrawal and disqualification, the membership target (the secretariat). */
  'members.manage': ['editor'],
  /** Meetings of the governing bodies in the back-office, minutes included (secretariat and committee). */
  'governance.read': ['editor', 'reviewer', 'steering_committee'],
  /** Creating meetings, their agenda, minutes and published summary (the secretariat). */
  'governance.manage': ['editor'],
  /** Meeting attachments that are not public: members of the network, the secretariat and the committee. */
  'governance.attachments': ['member_contact', 'editor', 'reviewer', 'steering_committee'],
  /** Members-only library resources (pages, files, counts, search results): members of the network and staff. */
  'library.members': ['member_contact', 'editor', 'reviewer', 'steering_committee'],
  /** Creating and editing library resources and their files (the secretariat). */
  'library.manage': ['editor'],
  /** The newsletter: issues, editions, test sends, scheduling and sending (the secretariat). */
  'newsletter.manage': ['editor'],
  /** The newsletter's subscriber list: counts, CSV export and import (the secretariat). */
  'subscribers.manage': ['editor'],
  /** Submitting news for the site and the newsletter: member contacts and the secretariat. */
  'news.submit': ['member_contact', 'editor'],
  /** Correcting where a member or an initiative is placed (city, country, coordinates): the secretariat. */
  'places.correct': ['editor'],
  /** Reviewing submitted news, writing announcements and translations (the communication working group, as editors). */
  'news.review': ['editor'],
  /** The site's own name, logo and colours (the secretariat). */
  'site.manage': ['editor'],
  /** Calls for initiatives: creating calls, assigning reviewers, selection, notification, programme, booklet (the secretariat). */
  'calls.manage': ['editor'],
  /** Reviewing submissions of a call — only the calls the reviewer is invited to, checked by the calls module's one guard. */
  'calls.review': ['call_reviewer', 'editor'],
  /** The translator's queue and editor — only the languages the translator is given, checked by the translations module's one guard. */
  'translations.translate': ['translator', 'editor'],
  /** Translation settings: which languages show machine drafts, translators' languages, second approval (the secretariat). */
  'translations.manage': ['editor'],
} as const satisfies Record<string, Role[] | 'everyone' | 'signed-in'>;

export type Permission = keyof typeof PERMISSIONS;

export interface Actor {
  id: number;
  roles: readonly string[];
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  const rule = PERMISSIONS[permission];
  if (rule === 'everyone') return true;
  if (!actor) return false;
  if (rule === 'signed-in') return true;
  return actor.roles.includes('admin') || rule.some((role) => actor.roles.includes(role));
}

/**
 * The one limit on `users.manage`: an admin may not lock themselves out, by deactivating their own
 * account or removing their own admin role (another admin must do it). Returns the refusal's message
 * key, or null when the change is allowed. (The last active admin is protected in offboarding.ts,
 * which needs the database to know.)
 */
export function lockoutReason(actor: Actor, targetId: number, change: 'deactivate' | 'roles', roles: readonly string[] = []): string | null {
  if (actor.id !== targetId) return null;
  if (change === 'deactivate') return 'accounts.refused.self_deactivate';
  return roles.includes('admin') ? null : 'accounts.refused.self_demote';
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** What the calls module knows about one reviewer and one submission (src/calls/review/guard.ts reads it). */
export interface ReviewAccessFacts {
  /** The reviewer is invited to the submission's call. */
  invited: boolean;
  /** The submission is assigned to the reviewer. */
  assigned: boolean;
  /** Same organisation, same city or a declared conflict (conflictOf in src/calls/review/queries.ts). */
  conflict: boolean;
  /** The submission was submitted (not a draft, not withdrawn). */
  submitted: boolean;
}

/**
 * May this reviewer open this submission? On top of `calls.review`: invited to the call, assigned
 * the submission, no conflict of interest. Anything else is answered as if it did not exist (404).
 */
export function canReviewSubmission(actor: Actor | null | undefined, facts: ReviewAccessFacts): boolean {
  return can(actor, 'calls.review') && facts.invited && facts.assigned && !facts.conflict && facts.submitted;
}

/**
 * The languages an actor may translate into (the queue, the editor, XLIFF): the secretariat
 * (`translations.manage`) all four; a translator only those the secretariat gave them
 * (translator_languages, passed in as `assigned`). The translations module's one guard.
 */
export function translationLangs<L extends string>(actor: Actor | null | undefined, all: readonly L[], assigned: readonly string[]): L[] {
  if (!can(actor, 'translations.translate')) return [];
  if (can(actor, 'translations.manage')) return [...all];
  return all.filter((lang) => assigned.includes(lang));
}

/**
 * Why an actor may not approve a translation, or null when they may. With the language's
 * second-person rule, the approver must not be the last person who wrote the text, and a machine
 * draft (written by no one) needs a person's draft first: two people have then read it.
 */
export function approvalRefusal(actor: Actor, entry: { status: string; by?: number }, secondPerson: boolean, textChanged: boolean): string | null {
  if (!secondPerson) return null;
  if (textChanged || entry.by === actor.id) return 'trq.refused.second_person';
  if (entry.status !== 'human' || entry.by === undefined) return 'trq.refused.needs_draft';
  return null;
}
