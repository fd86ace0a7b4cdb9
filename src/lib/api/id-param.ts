import { t } from '../../i18n/t'
import { PortalError } from './portal-error'

/** A positive integer id from a dynamic route segment, or a 422 naming the segment. */
export function idParam(params: Record<string, string>, name: string): number {
  const id = Number(params[name])
  if (!Number.isSafeInteger(id) || id <= 0) throw new PortalError('invalid_request', t('api.error.invalid'), { [name]: 'Expected a positive integer id.' })
  return id
}
