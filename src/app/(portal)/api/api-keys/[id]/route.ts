import { apiKeyActor } from '@/api-keys/api-key-actor'
import { revokeApiKey } from '@/api-keys/revoke-api-key'
import { idParam } from '@/lib/api/id-param'
import { portalRoute } from '@/lib/api/portal-route'

/** DELETE /api/api-keys/:id — revokes the key; every server refuses it within a second. */
export const DELETE = portalRoute({ screen: 'api-keys', action: 'apikeys.manage' }, async ({ payload, user, actor, organization, params }) =>
  revokeApiKey(payload, apiKeyActor(user, organization.id, actor), { keyId: idParam(params, 'id') }),
)
