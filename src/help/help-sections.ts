/** Where a help article belongs: the portal's screens plus `general` for what spans them. */
export const HELP_SECTIONS = ['account', 'team', 'billing', 'usage', 'invoices', 'api-keys', 'notifications', 'general'] as const
export type HelpSection = (typeof HELP_SECTIONS)[number]

export const isHelpSection = (value: unknown): value is HelpSection => typeof value === 'string' && (HELP_SECTIONS as readonly string[]).includes(value)
