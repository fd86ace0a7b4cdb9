import type { Payload, PayloadRequest } from 'payload'

import { flaggableScreens } from '../../scope.config'
import type { PortalFlags, ScreenFlag } from './is-screen-enabled'

/** Field names can't hold dashes, so `api-keys` is stored as `api_keys`. */
export const flagFieldName = (screenId: string) => screenId.replace(/-/g, '_')

/**
 * Rollout flags are vendor configuration, not customer data: the customer's role doesn't decide
 * whether they can see them, so this read skips collection access on purpose.
 */
export async function loadPortalFlags(payload: Payload, req?: Partial<PayloadRequest>): Promise<PortalFlags> {
  const doc = (await payload.findGlobal({ slug: 'portal-flags', depth: 0, overrideAccess: true, req })) as unknown as Record<
    string,
    ScreenFlag | null | undefined
  >
  return Object.fromEntries(flaggableScreens.map((screen) => [screen.id, doc[flagFieldName(screen.id)] ?? null]))
}
