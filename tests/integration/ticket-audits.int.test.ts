import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { repoRoot } from '../../scripts/lib/load-env'
import { run } from '../../scripts/lib/next-build'
import { TicketAuditDashboard } from '../../src/components/admin/TicketAuditDashboard'
import { testPayload } from '../helpers/payload'

let payload: Payload
let outDir: string
let summaryJson: string
let upload: (token: string, file: Blob, filename: string, data: Record<string, unknown>) => Promise<Response>

const token = async (collection: 'users' | 'staff', email: string) =>
  (await payload.login({ collection, data: { email, password: 'portico-demo' } })).token!

beforeAll(async () => {
  payload = await testPayload()
  const { default: config } = await import('../../payload.config')
  const post = REST_POST(config)
  upload = (auth, file, filename, data) => {
    const form = new FormData()
    form.append('file', file, filename)
    form.append('_payload', JSON.stringify(data))
    return post(new Request('http://localhost/api/ticket-audits', { method: 'POST', headers: { Authorization: `JWT ${auth}` }, body: form }), {
      params: Promise.resolve({ slug: ['ticket-audits'] }),
    })
  }
  // A real audit of the hand-computed ranking fixture, exactly as `npm run audit:tickets` writes it.
  outDir = await mkdtemp(path.join(tmpdir(), 'portico-ticket-audit-'))
  await run(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['scripts/audit-tickets.ts', '--input', 'tests/fixtures/tickets/ranking-tickets.csv', '--map', 'id=ticket,created=opened,solved=closed,subject=subject,body=body,handle=handle_minutes', '--out', outDir, '--workers', '0', '--quiet'])
  summaryJson = await readFile(path.join(outDir, 'audit-summary.json'), 'utf8')
})

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true })
})

describe('ticket audits in /admin', () => {
  it('staff upload an audit summary; it is parsed and shown on the dashboard', async () => {
    const response = await upload(await token('staff', 'staff@demo.test'), new Blob([summaryJson], { type: 'application/json' }), 'audit-summary.json', { label: '2024 Q2', activeCustomers: 400 })
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: { id: number; tickets: number; periodEnd: string } }
    const expected = JSON.parse(summaryJson) as { counts: { tickets: number }; reasons: Array<{ label: string; tickets: number }> }
    expect(doc.tickets).toBe(expected.counts.tickets)
    expect(doc.periodEnd).toBeTruthy()

    const html = renderToStaticMarkup(await TicketAuditDashboard({ payload }))
    expect(html).toContain('latest: 2024 Q2')
    for (const reason of expected.reasons.slice(0, 3)) expect(html).toContain(reason.label)
  })

  it('refuses a file that is not an audit summary, with a message on the file field, and stores nothing', async () => {
    const before = await payload.count({ collection: 'ticket-audits' })
    const response = await upload(await token('staff', 'staff@demo.test'), new Blob(['{"hello": "world"}'], { type: 'application/json' }), 'wrong.json', { label: 'bad', activeCustomers: 10 })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: Array<{ data?: { errors?: Array<{ path: string; message: string }> } }> }
    expect(body.errors[0].data?.errors?.[0]).toMatchObject({ path: 'file', message: expect.stringContaining('not an audit summary') })
    expect((await payload.count({ collection: 'ticket-audits' })).totalDocs).toBe(before.totalDocs)
  })

  it('customers can neither upload nor read audits', async () => {
    const owner = await token('users', 'owner@demo.test')
    const response = await upload(owner, new Blob([summaryJson], { type: 'application/json' }), 'audit-summary.json', { label: 'sneaky', activeCustomers: 1 })
    expect(response.status).toBe(403)
    const user = (await payload.find({ collection: 'users', where: { email: { equals: 'owner@demo.test' } } })).docs[0]
    await expect(payload.find({ collection: 'ticket-audits', user: { ...user, collection: 'users' }, overrideAccess: false })).rejects.toThrow(/not allowed/)
  })
})
