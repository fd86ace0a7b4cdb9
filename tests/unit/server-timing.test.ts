import { describe, expect, it } from 'vitest'

import { serverTiming } from '../../src/lib/server-timing'

describe('serverTiming', () => {
  it('adds up each phase in order of first use, rounds to 0.1 ms and ends with the total', async () => {
    let now = 100
    const timing = serverTiming(() => now)
    await timing.measure('session', async () => {
      now += 1.26
    })
    await timing.measure('flags', () => {
      now += 0.04
    })
    await timing.measure('session', async () => {
      now += 2
    })
    now += 1
    expect(timing.header()).toBe('session;dur=3.3, flags;dur=0, total;dur=4.3')
  })

  it('counts a phase that throws, and passes the error on', async () => {
    let now = 0
    const timing = serverTiming(() => now)
    await expect(
      timing.measure('handler', async () => {
        now += 5
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(timing.header()).toBe('handler;dur=5, total;dur=5')
  })
})
