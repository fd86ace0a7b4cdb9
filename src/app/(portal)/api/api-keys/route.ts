import { z } from 'zod'

import { apiKeyActor } from '@/api-keys/api-key-actor'
import { createApiKey } from '@/api-keys/create-api-key'
import { listApiKeys } from '@/api-keys/list-api-keys'
import { API_KEY_ENVIRONMENTS, API_KEY_SCOPE_IDS } from '@/api-keys/scope-catalog'
import { portalRoute } from '@/lib/api/portal-route'
import { lazyMessage, t } from '@/i18n/t'

/** GET /api/api-keys — the organization's keys (never a secret) and its lifetime cap. */
export const GET = portalRoute({ screen: 'api-keys', action: 'apikeys.read' }, async ({ payload, organization }) => listApiKeys(payload, organization.id))

const NewKey = z.object({
  name: z.string().trim().min(1, lazyMessage('api-keys.error.name')).max(100),
  scopes: z.array(z.enum(API_KEY_SCOPE_IDS)).min(1, lazyMessage('api-keys.error.scopes')).max(API_KEY_SCOPE_IDS.length * 2),
  environment: z.enum(API_KEY_ENVIRONMENTS),
  expiresAt: z.iso.datetime({ offset: true, error: () => t('api-keys.error.expiresAt') }).nullable().optional(),
})

/** POST /api/api-keys — `{ name, scopes, environment, expiresAt? }` → `{ key, secret }`; the secret is shown this once. */
export const POST = portalRoute({ screen: 'api-keys', action: 'apikeys.manage', schema: NewKey }, async ({ payload, user, actor, organization, body }) =>
  createApiKey(payload, apiKeyActor(user, organization.id, actor), body),
)
