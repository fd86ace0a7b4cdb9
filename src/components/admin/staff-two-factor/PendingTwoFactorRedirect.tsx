import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { Payload } from 'payload'

import { readPendingChallenge } from '@/account/two-factor/pending-challenge'

/**
 * Before the /admin login form: a password sign-in that still owes its code lands here (its token
 * isn't a session yet, so /admin sends it back to the login), and goes on to the code form.
 */
export async function PendingTwoFactorRedirect({ payload }: { payload: Payload }) {
  if (await readPendingChallenge(payload, await headers(), 'staff')) redirect(`${payload.config.routes.admin}/two-factor`)
  return null
}
