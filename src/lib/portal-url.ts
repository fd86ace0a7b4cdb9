/** The portal's public origin, for links in emails (PORTAL_URL; the dev server otherwise). */
export const portalUrl = (path = '', env: Record<string, string | undefined> = process.env): string => `${(env.PORTAL_URL || 'http://localhost:3000').replace(/\/$/, '')}${path}`
