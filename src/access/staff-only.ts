import type { Access } from 'payload'

import { isStaff } from './actor-memberships'

export const staffOnly: Access = ({ req }) => isStaff(req)
