/** Roles a member can hold in an organization, highest first. The order is the rank. */
export const ROLES = ['owner', 'admin', 'billing', 'member', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const roleRank = (role: Role): number => ROLES.length - ROLES.indexOf(role)

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  billing: 'Billing',
  member: 'Member',
  viewer: 'Viewer',
}
