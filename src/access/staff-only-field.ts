import type { FieldAccess } from 'payload'

import { isStaff } from './actor-memberships'

/** Field-level `staffOnly`: customers may write (or read) the rest of the document, not this field. */
export const staffOnlyField: FieldAccess = ({ req }) => isStaff(req)
