import type { Payload } from 'payload'

import type { Role } from '../../src/access/roles'
import { withTransaction } from '../../src/lib/with-transaction'

export const DEMO_PASSWORD = 'portico-demo'

type DemoMember = { email: string; name: string; role: Role }
type DemoOrganization = {
  name: string
  billingEmail: string
  members: DemoMember[]
  /** `contract`: billed under a contract, no self-serve billing (default `stripe`). */
  billingMode?: 'stripe' | 'contract'
  contract?: { terms: string; renewsOn: string; accountManagerName: string; accountManagerEmail: string }
}

export const demoOrganizations: DemoOrganization[] = [
  {
    name: 'Demo Co',
    billingEmail: 'billing@demo.test',
    members: [
      { email: 'owner@demo.test', name: 'Olivia Owner', role: 'owner' },
      { email: 'admin@demo.test', name: 'Adam Admin', role: 'admin' },
      { email: 'billing@demo.test', name: 'Bianca Billing', role: 'billing' },
      { email: 'member@demo.test', name: 'Mo Member', role: 'member' },
      { email: 'viewer@demo.test', name: 'Vera Viewer', role: 'viewer' },
    ],
  },
  {
    name: 'Other Inc',
    billingEmail: 'owner@other.test',
    members: [{ email: 'owner@other.test', name: 'Otto Other', role: 'owner' }],
  },
  {
    name: 'Contract Corp',
    billingEmail: 'ap@contract.test',
    billingMode: 'contract',
    contract: {
      terms: 'Enterprise plan, 250 seats, invoiced annually in advance, payment net 30.',
      renewsOn: '2027-03-31T00:00:00.000Z',
      accountManagerName: 'Alex Account',
      accountManagerEmail: 'alex.account@portico.example',
    },
    members: [{ email: 'contract@demo.test', name: 'Cora Contract', role: 'owner' }],
  },
]

export const demoStaff = { email: 'staff@demo.test', name: 'Sam Support' }

async function findOne<T>(promise: Promise<{ docs: T[] }>): Promise<T | undefined> {
  return (await promise).docs[0]
}

/**
 * Creates the demo workspace. Idempotent: every record is looked up by its natural key first,
 * so a second run changes nothing. Runs in one transaction: a half-seeded workspace never exists.
 */
export async function seedDemoWorkspace(payload: Payload): Promise<{ created: number }> {
  return withTransaction(payload, async (req) => {
    let created = 0
    const staff = await findOne(payload.find({ collection: 'staff', where: { email: { equals: demoStaff.email } }, limit: 1, req }))
    if (!staff) {
      await payload.create({ collection: 'staff', data: { ...demoStaff, password: DEMO_PASSWORD }, req })
      created++
    }
    for (const demo of demoOrganizations) {
      let organization = await findOne(payload.find({ collection: 'organizations', where: { name: { equals: demo.name } }, limit: 1, req }))
      if (!organization) {
        organization = await payload.create({ collection: 'organizations', data: { name: demo.name, billingEmail: demo.billingEmail, billingMode: demo.billingMode ?? 'stripe', contract: demo.contract }, req })
        created++
      }
      for (const member of demo.members) {
        let user = await findOne(payload.find({ collection: 'users', where: { email: { equals: member.email } }, limit: 1, req }))
        if (!user) {
          user = await payload.create({ collection: 'users', data: { email: member.email, name: member.name, password: DEMO_PASSWORD }, req })
          created++
        }
        const membership = await findOne(
          payload.find({ collection: 'memberships', where: { user: { equals: user.id }, organization: { equals: organization.id } }, limit: 1, req }),
        )
        if (!membership) {
          await payload.create({ collection: 'memberships', data: { user: user.id, organization: organization.id, role: member.role }, req })
          created++
        }
      }
    }
    return { created }
  })
}
