/** Where /admin/two-factor's forms post (src/collections/Staff/endpoints/two-factor.ts), relative so any host name works. */
export const staffTwoFactorApi = (apiRoute: string, action: 'verify' | 'setup' | 'enable' | 'disable' | 'recovery-codes') => `${apiRoute}/staff/two-factor/${action}`
