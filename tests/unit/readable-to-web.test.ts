import { Readable } from 'node:stream'

import { describe, expect, it } from 'vitest'

import { readableToWeb } from '../../src/lib/readable-to-web'

/** A source that counts how many chunks were pulled out of it. */
function countingSource(total: number) {
  let produced = 0
  const source = new Readable({
    read() {
      produced++
      this.push(produced > total ? null : Buffer.alloc(1024, produced % 256))
    },
  })
  return { source, produced: () => produced }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('readableToWeb', () => {
  it('stops reading the source while nobody reads the web stream (no buffering of the whole source)', async () => {
    const { source, produced } = countingSource(10_000)
    const web = readableToWeb(source, () => {})
    await settle()
    // The web queue holds 8 chunks; the source's own buffer a few more — not ten thousand.
    expect(produced()).toBeLessThan(40)
    const reader = web.getReader()
    let bytes = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      bytes += value.byteLength
    }
    expect(bytes).toBe(10_000 * 1024)
  })

  it('tells the source to stop when the consumer cancels, and ignores what it does after', async () => {
    const { source } = countingSource(10_000)
    let cancelled = false
    const web = readableToWeb(source, () => {
      cancelled = true
      source.destroy()
    })
    await web.getReader().cancel()
    await settle()
    expect(cancelled).toBe(true)
  })

  it('errors the web stream when the source fails', async () => {
    const source = new Readable({ read() {} })
    const reader = readableToWeb(source, () => {}).getReader()
    source.destroy(new Error('upstream broke'))
    await expect(reader.read()).rejects.toThrow('upstream broke')
  })
})
