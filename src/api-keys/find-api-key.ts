import type { PayloadRequest } from 'payload'

import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'
import type { ApiKey } from '../payload-types'

/** The organization's key `keyId`, hash included (for the cache invalidation); another organization's key is "not found". */
export async function findApiKey(req: PayloadRequest, organizationId: number, keyId: number): Promise<ApiKey> {
  const { docs } = await req.payload.find({ collection: 'api-key-records', where: { id: { equals: keyId }, organization: { equals: organizationId } }, limit: 1, depth: 0, overrideAccess: true, req })
  if (!docs[0]) throw new PortalError('not_found', t('api-keys.error.notFound'))
  return docs[0]
}
