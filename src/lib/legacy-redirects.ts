/**
 * Old email links point at /settings/*. `permanent: true` makes Next answer 308, which keeps
 * the method and tells caches the move is for good.
 */
export const legacyRedirects = [
  { source: '/settings', destination: '/account', permanent: true },
  { source: '/settings/:section*', destination: '/account/:section*', permanent: true },
]
