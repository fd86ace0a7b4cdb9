import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { POST as keysPOST } from '../../src/app/(portal)/api/api-keys/route'
import { routeCaller } from '../helpers/call-route'
import { eventually } from '../helpers/jobs'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { startWithOneRetry } from '../helpers/worker-process'

type Child = { process: ChildProcess; messages: Array<{ ready?: true; verified?: boolean }>; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }

let payload: Payload
let org: TestOrganization
const children: Child[] = []

/** tests/helpers/api-key-usage-process.ts, started until it is ready (one retry, as other children). */
const startChild = (mode: 'alone' | 'next') =>
  startWithOneRetry(`The ${mode} verifier process`, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/api-key-usage-process.ts', mode], { cwd: path.resolve(import.meta.dirname, '../..'), env: process.env, stdio: ['pipe', 'pipe', 'pipe'] })
    let output = ''
    const messages: Child['messages'] = []
    child.stderr!.on('data', (chunk: Buffer) => (output += String(chunk)))
    createInterface({ input: child.stdout! }).on('line', (line) => (line.startsWith('{') ? messages.push(JSON.parse(line)) : (output += `${line}\n`)))
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
    const started: Child = { process: child, messages, output: () => output, exited }
    children.push(started)
    const ready = Promise.race([eventually(() => messages.some((message) => message.ready), `the ${mode} process to start`, 90_000).then(() => true), exited.then(() => false)])
    return { process: started, ready, describe: () => `code ${child.exitCode}; ${output.slice(-3_000)}` }
  })

const lastUse = async (id: number) => (await payload.db.pool.query('SELECT last_used_at, last_used_ip FROM api_keys WHERE id = $1', [id])).rows[0] as { last_used_at: Date | null; last_used_ip: string | null }

beforeAll(async () => {
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'api-keys-shutdown')
}, 60_000)
afterAll(async () => {
  for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL')
})

describe('last use is written when the process stops', () => {
  // 'alone': nothing else handles SIGTERM (a script using verifyApiKey); 'next': a handler that
  // drains and calls process.exit(143) at once, as `next start` does.
  it.each([['alone', { code: null, signal: 'SIGTERM' }, '198.51.100.1'], ['next', { code: 143, signal: null }, '198.51.100.2']] as const)(
    'SIGTERM (%s): the last minute’s use reaches the row before the process exits',
    async (mode, exit, ip) => {
      const call = routeCaller(payload)
      const created = await call(keysPOST, org.members.admin, '/api/api-keys', { method: 'POST', body: { name: `shutdown ${mode}`, scopes: ['usage:read'], environment: 'test' } })
      expect(created.status).toBe(200)
      const child = await startChild(mode)
      child.process.stdin!.write(`${created.body.data.secret}\n`)
      await eventually(() => child.messages.some((message) => 'verified' in message), `the ${mode} process to verify`, 30_000)
      expect(child.messages.find((message) => 'verified' in message)?.verified).toBe(true)
      // Batched once a minute: nothing written yet.
      expect(await lastUse(created.body.data.key.id)).toEqual({ last_used_at: null, last_used_ip: null })

      const stoppedAt = Date.now()
      child.process.kill('SIGTERM')
      expect(await child.exited, child.output()).toEqual(exit)
      const row = await lastUse(created.body.data.key.id)
      expect(row.last_used_ip).toBe(ip)
      expect(stoppedAt - row.last_used_at!.getTime()).toBeLessThan(60_000)
      expect(row.last_used_at!.getTime()).toBeLessThanOrEqual(Date.now())
    },
    150_000,
  )
})
