/**
 * Set on `req.context` while `recordPortalChange` applies a change: the Payload hooks that audit
 * writes made through admin/REST see it and stay quiet, so one change is one audit row.
 */
export const PORTAL_CHANGE = 'porticoPortalChange'
