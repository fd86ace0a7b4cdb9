/** The portal's public origin, for links in emails (PORTAL_URL; the dev server otherwise). */
export const portalUrl = (path = ''): string => `${(process.env.PORTAL_URL || 'http://localhost:3000').replace(/\/$/, '')}${path}`
