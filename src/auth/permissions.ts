/**
 * Who may do what: the one place where roles are turned into permissions. Routes name the
 * permission they need on the same line as their path; `can` is the only check.
 */
export const ROLES = ['member_contact', 'editor', 'reviewer', 'steering_committee', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const STAFF: Role[] = ['editor', 'reviewer', 'steering_committee', 'admin'];

export const PERMISSIONS = {
  /** Anyone, signed in or not. */
  public: 'everyone',
  /** Any signed-in account. */
  'account.self': 'signed-in',
  'admin.access': STAFF,
  'users.manage': ['admin'],
  'audit.read': ['admin'],
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

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
