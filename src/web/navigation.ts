import type { Permission } from '../auth/permissions.ts';

/** The main menu: one line per section, added here when its pages exist. */
export interface NavItem {
  key: string;
  path: string;
  permission?: Permission;
}

export const MAIN_NAV: NavItem[] = [{ key: 'nav.home', path: '/' }];

export const ADMIN_NAV: NavItem[] = [
  { key: 'admin.dashboard', path: '/admin', permission: 'admin.access' },
  { key: 'admin.users', path: '/admin/users', permission: 'users.manage' },
  { key: 'admin.audit', path: '/admin/audit', permission: 'audit.read' },
];
