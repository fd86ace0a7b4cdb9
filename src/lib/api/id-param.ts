import { t } from '../../i18n/t'
import { PortalError } from './portal-error'
import { parseRecordId } from './record-id'

/** A record id from a dynamic route segment, or a 422 naming the segment. */
export function idParam(params: Record<string, string>, name: string): number {
  const id = parseRecordId(params[name])
  if (id === null) throw new PortalError('invalid_request', t('api.error.invalid'), { [name]: 'Expected a record id (a whole number from 1 to 2147483647).' })
  return id
}
