import type { Permission } from '../auth/permissions.ts';

/** The main menu: one line per section, added here when its pages exist. */
export interface NavItem {
  key: string;
  path: string;
  permission?: Permission;
}

export const MAIN_NAV: NavItem[] = [
  { key: 'nav.home', path: '/' },
  { key: 'nav.members', path: '/members' },
  { key: 'nav.governance', path: '/governance' },
  { key: 'nav.activities', path: '/activities' },
  { key: 'nav.calendar', path: '/calendar' },
  { key: 'nav.initiatives', path: '/initiatives' },
  { key: 'nav.calls', path: '/calls' },
  { key: 'nav.map', path: '/map' },
  { key: 'nav.library', path: '/library' },
  { key: 'news.nav', path: '/news' },
  { key: 'stats.nav', path: '/stats' },
  { key: 'nav.join', path: '/join' },
];

export const ADMIN_NAV: NavItem[] = [
  { key: 'admin.dashboard', path: '/admin', permission: 'admin.access' },
  { key: 'admin.users', path: '/admin/users', permission: 'users.manage' },
  { key: 'admin.audit', path: '/admin/audit', permission: 'audit.read' },
  { key: 'admin.activities', path: '/admin/activities', permission: 'activities.manage' },
  { key: 'admin.membership', path: '/admin/membership', permission: 'members.applications' },
  { key: 'admin.applications', path: '/admin/applications', permission: 'members.applications' },
  { key: 'admin.fees', path: '/admin/fees', permission: 'members.manage' },
  { key: 'admin.meetings', path: '/admin/meetings', permission: 'governance.read' },
  { key: 'admin.mandates', path: '/admin/mandates', permission: 'governance.read' },
  { key: 'admin.newsletter', path: '/admin/newsletter', permission: 'newsletter.manage' },
  { key: 'admin.library', path: '/admin/library', permission: 'library.manage' },
  { key: 'calls.admin.title', path: '/admin/calls', permission: 'calls.manage' },
  { key: 'initiatives.admin.nav', path: '/admin/initiatives', permission: 'initiatives.manage' },
  { key: 'news.admin.nav', path: '/admin/news', permission: 'news.review' },
  { key: 'subscribers.nav', path: '/admin/subscribers', permission: 'subscribers.manage' },
  { key: 'stats.admin.title', path: '/admin/stats', permission: 'members.applications' },
  { key: 'site.settings.title', path: '/admin/site', permission: 'site.manage' },
  // Outside /admin: a reviewer's own space (the calls they are invited to), linked from the dashboard.
  { key: 'calls_review.home_title', path: '/reviews', permission: 'calls.review' },
  { key: 'trq.title', path: '/admin/translations', permission: 'translations.translate' },
  { key: 'trq.settings.title', path: '/admin/translations/settings', permission: 'translations.manage' },
];
