import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { eventually } from '../helpers/jobs'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { startWithOneRetry } from '../helpers/worker-process'

type Answer = { id: number; signedIn: boolean; role: string | null; teamEnabled: boolean | null; error?: string }

let payload: Payload
let org: TestOrganization
let child: ChildProcess
let ready = false
let nextId = 0
const waiting = new Map<number, (answer: Answer) => void>()

function startSecondInstance(): () => string {
  child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/portal-session-process.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  child.stderr?.on('data', (chunk: Buffer) => (output += String(chunk)))
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('{')) return void (output += `${line}\n`)
    const message = JSON.parse(line) as Answer | { ready: true }
    if ('ready' in message) ready = true
    else waiting.get(message.id)?.(message)
  })
  return () => output
}

/** One request to the other instance, sent after whatever the caller awaited before has committed. */
function askOtherInstance(token: string): Promise<Answer> {
  const id = nextId++
  return new Promise((resolve) => {
    waiting.set(id, resolve)
    child.stdin!.write(`${JSON.stringify({ id, token })}\n`)
  })
}

const setTeamFlag = (mode: 'off' | 'all') => payload.updateGlobal({ slug: 'portal-flags', data: { team: { mode } }, overrideAccess: true })

beforeAll(async () => {
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'two-instances')
  await startWithOneRetry('The second server process', () => {
    const output = startSecondInstance()
    const started = eventually(() => ready || child.exitCode !== null, 'the second server process to start', 90_000).then(() => ready)
    return { process: child, ready: started, describe: () => `code ${child.exitCode}; ${output().slice(-3_000)}` }
  })
}, 240_000)
afterAll(async () => {
  await setTeamFlag('all')
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
})

describe('a change on one instance is in force on the other’s very next request', () => {
  it('a flag switched off, a role changed, a session revoked — each on the next request, with a warm cache before', async () => {
    const member = org.members.member
    const { token } = await payload.login({ collection: 'users', data: { email: member.email, password: 'test-password-1' } })
    // Twice, so the other instance's flags are cached at this version.
    await askOtherInstance(token!)
    expect(await askOtherInstance(token!)).toEqual({ id: 1, signedIn: true, role: 'member', teamEnabled: true })

    await setTeamFlag('off')
    expect(await askOtherInstance(token!)).toMatchObject({ signedIn: true, teamEnabled: false })
    await setTeamFlag('all')
    expect(await askOtherInstance(token!)).toMatchObject({ teamEnabled: true })

    const membership = (await payload.find({ collection: 'memberships', where: { user: { equals: member.id } }, overrideAccess: true })).docs[0]
    await payload.update({ collection: 'memberships', id: membership.id, data: { role: 'viewer' }, overrideAccess: true })
    expect(await askOtherInstance(token!)).toMatchObject({ signedIn: true, role: 'viewer' })

    await payload.db.pool.query('DELETE FROM users_sessions WHERE _parent_id = $1', [member.id])
    expect(await askOtherInstance(token!)).toMatchObject({ signedIn: false })
  }, 60_000)
})
