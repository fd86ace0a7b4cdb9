import { Writable } from 'node:stream'

import type { Payload } from 'payload'
import { pino } from 'pino'

/** Runs `work` with Payload's logger built from payload.config's own logger options (redaction included), writing into a string. */
export async function captureLog(payload: Payload, work: () => Promise<unknown>): Promise<string> {
  let captured = ''
  const sink = new Writable({ write: (chunk, _encoding, done) => ((captured += String(chunk)), done()) })
  const configured = payload.config.logger as { options: object }
  const original = payload.logger
  payload.logger = pino({ ...configured.options, level: 'debug' }, sink) as unknown as Payload['logger']
  try {
    await work()
  } finally {
    payload.logger = original
  }
  return captured
}
