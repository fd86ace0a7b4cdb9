import { randomUUID } from 'node:crypto'

import { getPayload, type Payload } from 'payload'

import type { Role } from '../../src/access/roles'
import { ROLES } from '../../src/access/roles'
import type { Organization, User } from '../../src/payload-types'

/** The worker's Payload, on the database the integration setup started. */
export async function testPayload(): Promise<Payload> {
  const { default: config } = await import('../../payload.config')
  return getPayload({ config })
}

export type TestOrganization = { organization: Organization; members: Record<Role, User> }

/** A fresh organization with one member per role; emails are unique per call so tests don't collide. */
export async function createOrganizationWithEveryRole(payload: Payload, label: string): Promise<TestOrganization> {
  const tag = `${label}-${randomUUID().slice(0, 8)}`
  const organization = await payload.create({ collection: 'organizations', data: { name: `Org ${tag}`, billingMode: 'stripe' } })
  const entries = await Promise.all(
    ROLES.map(async (role) => {
      const user = await payload.create({ collection: 'users', data: { email: `${role}-${tag}@example.test`, name: `${role} ${tag}`, password: 'test-password-1' } })
      await payload.create({ collection: 'memberships', data: { user: user.id, organization: organization.id, role } })
      return [role, user] as const
    }),
  )
  return { organization, members: Object.fromEntries(entries) as Record<Role, User> }
}

/** A Local API `user` argument for a customer, shaped as Payload's auth would hand it over. */
export const asCustomer = (user: User) => ({ ...user, collection: 'users' as const })
