import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { startEmulatorWithClient } from '../../helpers/stripe-emulator'

const dir = await mkdtemp(path.join(tmpdir(), 'stripe-emulator-'))
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('emulator state file', () => {
  it('keeps objects, events and idempotency keys across a restart', async () => {
    const dataFile = path.join(dir, 'state.json')
    const first = await startEmulatorWithClient({ dataFile })
    const customer = await first.stripe.customers.create({ name: 'Persisted' }, { idempotencyKey: 'persisted-1' })
    await first.emulator.stop()

    const second = await startEmulatorWithClient({ dataFile })
    try {
      expect((await second.stripe.customers.retrieve(customer.id)) as { name: string }).toMatchObject({ name: 'Persisted' })
      expect((await second.stripe.customers.create({ name: 'Persisted' }, { idempotencyKey: 'persisted-1' })).id).toBe(customer.id)
      const next = await second.stripe.customers.create({ name: 'After restart' })
      expect(next.id > customer.id).toBe(true)
      expect(second.emulator.events('customer.created')).toHaveLength(2)
    } finally {
      await second.emulator.stop()
    }
  })
})
