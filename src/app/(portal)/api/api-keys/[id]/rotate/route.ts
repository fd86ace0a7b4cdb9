import { z } from 'zod'

import { apiKeyActor } from '@/api-keys/api-key-actor'
import { rotateApiKey } from '@/api-keys/rotate-api-key'
import { ROTATION_OVERLAP_IDS } from '@/api-keys/rotation-overlaps'
import { idParam } from '@/lib/api/id-param'
import { portalRoute } from '@/lib/api/portal-route'

const Rotate = z.object({ overlap: z.enum(ROTATION_OVERLAP_IDS).default('24h') })

/** POST /api/api-keys/:id/rotate — `{ overlap: "now" | "1h" | "24h" | "7d" }` → `{ key, previous, secret }`. */
export const POST = portalRoute({ screen: 'api-keys', action: 'apikeys.manage', schema: Rotate }, async ({ payload, user, actor, organization, params, body }) =>
  rotateApiKey(payload, apiKeyActor(user, organization.id, actor), { keyId: idParam(params, 'id'), overlap: body.overlap }),
)
