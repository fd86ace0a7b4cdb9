import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as feedbackPOST } from '../../src/app/(portal)/api/feedback/route'
import { SCREENSHOT_MAX_BYTES } from '../../src/feedback/feedback-screenshot'
import { requestDb } from '../../src/lib/transaction-db'
import { runJobsNow } from '../helpers/jobs'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'

let payload: Payload
let http: Awaited<ReturnType<typeof payloadHttp>>
let org: TestOrganization
let customerToken: string
let staffToken: string

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)])
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 3)])

/** POST /api/feedback as a browser sends it with a file attached: multipart, the boundary set by FormData. */
async function sendMultipart(fields: Record<string, string>, file?: { bytes: Buffer; type: string; name: string }) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  if (file) form.set('screenshot', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
  const response = await feedbackPOST(new Request('http://localhost/api/feedback', { method: 'POST', headers: { Authorization: `JWT ${customerToken}`, 'User-Agent': 'vitest' }, body: form }))
  return { status: response.status, body: (await response.json()) as { success: boolean; data?: { id: number }; error?: { fields?: Record<string, string> } } }
}

const stored = async (message: string) => (await payload.count({ collection: 'customer-feedback', where: { message: { equals: message } } })).totalDocs
const screenshots = async () => Number(((await (await requestDb(payload, undefined)).execute(sql`SELECT count(*) AS n FROM feedback_screenshots`)).rows[0] as { n: unknown }).n)

beforeAll(async () => {
  payload = await testPayload()
  http = await payloadHttp(payload)
  org = await createOrganizationWithEveryRole(payload, 'feedback-shot')
  customerToken = await http.login('users', org.members.member.email, 'test-password-1')
  staffToken = await http.login('staff', 'staff@demo.test', 'portico-demo')
})

describe('feedback with a screenshot', () => {
  it('stores the image with the feedback; staff can open it, customers cannot', async () => {
    const message = `The chart is cut off ${Date.now()}`
    const result = await sendMultipart({ type: 'bug', section: 'usage', message, page: '/account/usage' }, { bytes: PNG, type: 'image/png', name: 'shot.png' })
    expect(result.status).toBe(200)
    const feedback = await payload.findByID({ collection: 'customer-feedback', id: result.body.data!.id, depth: 0 })
    expect(feedback).toMatchObject({ message, type: 'bug', section: 'usage', screenshot: `/api/customer-feedback/${feedback.id}/screenshot` })

    const asStaff = await http.rest('GET', `customer-feedback/${feedback.id}/screenshot`, staffToken)
    expect(asStaff.status).toBe(200)
    expect(asStaff.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await asStaff.arrayBuffer()).equals(PNG)).toBe(true)
    expect((await http.rest('GET', `customer-feedback/${feedback.id}/screenshot`, customerToken)).status).toBe(404)
  })

  it('refuses an oversized, non-image or mislabelled file, or a bad message, with 422 on the field and nothing stored', async () => {
    const before = await screenshots()
    const cases = [
      { field: 'screenshot', file: { bytes: Buffer.concat([PNG, Buffer.alloc(SCREENSHOT_MAX_BYTES)]), type: 'image/png', name: 'big.png' } },
      { field: 'screenshot', file: { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), type: 'image/svg+xml', name: 'x.svg' } },
      { field: 'screenshot', file: { bytes: Buffer.from('not an image at all'), type: 'image/png', name: 'fake.png' } },
      { field: 'screenshot', file: { bytes: JPEG, type: 'image/png', name: 'really-a-jpeg.png' } },
      { field: 'message', file: { bytes: PNG, type: 'image/png', name: 'ok.png' }, message: '   ' },
      { field: 'type', file: { bytes: PNG, type: 'image/png', name: 'ok.png' }, type: 'complaint' },
    ]
    for (const [index, entry] of cases.entries()) {
      const message = entry.message ?? `Refused case ${index} ${Date.now()}`
      const result = await sendMultipart({ type: entry.type ?? 'bug', section: 'usage', message }, entry.file)
      expect(result.status, `case ${index}`).toBe(422)
      expect(result.body.error?.fields?.[entry.field], `case ${index}`).toBeTruthy()
      expect(await stored(message), `case ${index}`).toBe(0)
    }
    expect(await screenshots()).toBe(before)
  })

  it('still takes plain JSON without a screenshot', async () => {
    const message = `No picture ${Date.now()}`
    const response = await feedbackPOST(new Request('http://localhost/api/feedback', { method: 'POST', headers: { Authorization: `JWT ${customerToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'idea', section: 'team', message }) }))
    expect(response.status).toBe(200)
    expect((await payload.find({ collection: 'customer-feedback', where: { message: { equals: message } } })).docs[0]?.screenshot ?? null).toBeNull()
  })
})

describe('feedback marked shipped', () => {
  it('tells the customer who sent it, in the app, once', async () => {
    const message = `Please add a weekly view ${Date.now()}`
    const result = await sendMultipart({ type: 'idea', section: 'usage', message })
    expect(result.status).toBe(200)
    const id = result.body.data!.id
    const mine = () => payload.find({ collection: 'notifications', where: { user: { equals: org.members.member.id }, type: { equals: 'feedback.shipped' } }, depth: 0 })

    expect((await http.rest('PATCH', `customer-feedback/${id}`, staffToken, { status: 'shipped' })).status).toBe(200)
    // Saving it again as shipped is no second announcement.
    expect((await http.rest('PATCH', `customer-feedback/${id}`, staffToken, { status: 'shipped' })).status).toBe(200)
    await runJobsNow(payload)
    const { docs } = await mine()
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ organization: org.organization.id, title: 'Something you asked for has shipped' })
    expect(docs[0]!.body).toContain(message.slice(0, 40))
    // Nobody else in the organization hears about it.
    expect((await payload.count({ collection: 'notifications', where: { organization: { equals: org.organization.id }, type: { equals: 'feedback.shipped' } } })).totalDocs).toBe(1)
  })
})
