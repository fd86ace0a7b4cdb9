/**
 * Every rate limit, in one place: points per window (seconds). Sign-in counts failed attempts (a
 * success gives its point back and clears its (account, client) counter). There is no hard lockout of an account: a
 * stranger's guesses use up their own client's budget, not the owner's; the per-account budget is
 * a brake on guessing from many addresses, large enough that exhausting it takes real effort.
 */
export const RATE_LIMITS = {
  'sign-in:client': { points: 30, duration: 15 * 60 },
  'sign-in:account-client': { points: 10, duration: 15 * 60 },
  'sign-in:account': { points: 500, duration: 24 * 60 * 60 },
  'forgot-password:client': { points: 10, duration: 15 * 60 },
  'forgot-password:account': { points: 5, duration: 60 * 60 },
  'two-factor:client': { points: 20, duration: 15 * 60 },
  'invitations:user': { points: 100, duration: 60 * 60 },
  'email-change:user': { points: 5, duration: 60 * 60 },
  'feedback:user': { points: 10, duration: 60 * 60 },
  // Drawer opens, article views and answers: two a minute for an hour is more than anyone reads;
  // past it a script is filling the deflection figures (and the table), not a person.
  'help-events:user': { points: 120, duration: 60 * 60 },
} as const satisfies Record<string, { points: number; duration: number }>

export type RateLimitName = keyof typeof RATE_LIMITS
