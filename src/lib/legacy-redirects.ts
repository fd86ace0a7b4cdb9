/**
 * Where each section of a product's old settings page lives now: old email links, bookmarks and
 * help-desk macros point at /settings/*. `permanent: true` makes Next answer 308, which keeps the
 * method and tells caches the move is for good. A section not listed lands on the account home
 * rather than a 404.
 */
export const LEGACY_SETTINGS_SECTIONS: Record<string, string> = {
  profile: '/account',
  account: '/account',
  general: '/account',
  personal: '/account',
  email: '/account',
  security: '/account',
  password: '/account',
  sessions: '/account',
  devices: '/account',
  '2fa': '/account/two-factor',
  mfa: '/account/two-factor',
  'two-factor': '/account/two-factor',
  team: '/account/team',
  members: '/account/team',
  users: '/account/team',
  people: '/account/team',
  invitations: '/account/team',
  billing: '/account/billing',
  plan: '/account/billing',
  subscription: '/account/billing',
  payment: '/account/billing',
  'payment-methods': '/account/billing',
  invoices: '/account/invoices',
  usage: '/account/usage',
  api: '/account/api-keys',
  'api-keys': '/account/api-keys',
  tokens: '/account/api-keys',
  developers: '/account/api-keys',
  notifications: '/account/notifications',
  activity: '/account/activity',
  audit: '/account/activity',
  'audit-log': '/account/activity',
}

export const legacyRedirects = [
  { source: '/settings', destination: '/account', permanent: true },
  ...Object.entries(LEGACY_SETTINGS_SECTIONS).map(([section, destination]) => ({ source: `/settings/${section}/:rest*`, destination, permanent: true })),
  { source: '/settings/:rest*', destination: '/account', permanent: true },
]
