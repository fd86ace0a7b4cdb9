import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { POST as feedbackPOST } from '../../src/app/(portal)/api/feedback/route'
import { routeCaller } from '../helpers/call-route'
import { type HttpReceiver, type ReceivedRequest, startHttpReceiver } from '../helpers/http-receiver'
import { runJobsNow, skipBackoff } from '../helpers/jobs'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'

let payload: Payload
let call: ReturnType<typeof routeCaller>
let org: TestOrganization

type GraphqlCall = { query: string; variables: { input: Record<string, any> } }
const graphqlCalls = (receiver: HttpReceiver, mutation: string) =>
  receiver.accepted.map((request) => JSON.parse(request.body) as GraphqlCall).filter((body) => body.query.includes(mutation))

/** Linear's GraphQL endpoint as the SDK sees it: issueCreate and attachmentCreate answered like Linear answers them. */
const linearAnswer = (request: ReceivedRequest) => {
  const { query, variables } = JSON.parse(request.body) as GraphqlCall
  if (query.includes('issueCreate')) return JSON.stringify({ data: { issueCreate: { success: true, issue: { id: variables.input.id, identifier: 'FB-7', url: 'https://linear.app/acme/issue/FB-7' } } } })
  return JSON.stringify({ data: { attachmentCreate: { success: true, attachment: { id: 'attachment-1' } } } })
}

async function startLinear(failFirst = 0) {
  const linear = await startHttpReceiver({ path: '/graphql', okBody: linearAnswer, failFirst })
  Object.assign(process.env, { LINEAR_API_KEY: 'lin_api_test', LINEAR_API_URL: linear.url, LINEAR_TEAM_ID: 'team-feedback', LINEAR_LABEL_IDS: 'bug=label-bug,idea=label-idea' })
  return linear
}

beforeAll(async () => {
  payload = await testPayload()
  call = routeCaller(payload)
  org = await createOrganizationWithEveryRole(payload, 'feedback')
  await runJobsNow(payload)
})

afterEach(() => {
  for (const name of ['LINEAR_API_KEY', 'LINEAR_API_URL', 'LINEAR_TEAM_ID', 'LINEAR_LABEL_IDS']) delete process.env[name]
})

const send = (body: unknown, user = org.members.member) => call(feedbackPOST, user, '/api/feedback', { method: 'POST', body })

describe('feedback', () => {
  it('is stored with its context, audited, and filed in Linear once: issue with team, label and text, then the link back', async () => {
    const linear = await startLinear()
    try {
      const message = `The invoice PDF download spins forever ${Date.now()}`
      const { status, body } = await send({ type: 'bug', section: 'invoices', message, page: '/account/invoices', lastError: 'Download failed' })
      expect(status).toBe(200)
      const record = await payload.findByID({ collection: 'customer-feedback', id: body.data.id, depth: 0 })
      expect(record).toMatchObject({ type: 'bug', section: 'invoices', message, user: org.members.member.id, organization: org.organization.id, status: 'new', context: { page: '/account/invoices', lastError: 'Download failed' } })
      const { totalDocs: audits } = await payload.count({ collection: 'portal-audit', where: { action: { equals: 'feedback.submitted' }, entityId: { equals: String(record.id) } } })
      expect(audits).toBe(1)

      await runJobsNow(payload)
      const [issue, ...moreIssues] = graphqlCalls(linear, 'issueCreate')
      expect(moreIssues).toEqual([])
      expect(issue!.variables.input).toMatchObject({ teamId: 'team-feedback', labelIds: ['label-bug'] })
      expect(issue!.variables.input.title).toContain('[bug] The invoice PDF download spins forever')
      expect(issue!.variables.input.description).toContain(message)
      expect(issue!.variables.input.description).toContain('**Last error shown:** Download failed')
      const [attachment, ...moreAttachments] = graphqlCalls(linear, 'attachmentCreate')
      expect(moreAttachments).toEqual([])
      expect(attachment!.variables.input).toMatchObject({ issueId: issue!.variables.input.id, url: expect.stringMatching(new RegExp(`/admin/collections/customer-feedback/${record.id}$`)) })
      expect(linear.accepted[0]!.headers.authorization).toBe('lin_api_test')

      expect(await payload.findByID({ collection: 'customer-feedback', id: record.id, depth: 0 })).toMatchObject({ status: 'forwarded', linearIssueId: issue!.variables.input.id, linearIssueUrl: 'https://linear.app/acme/issue/FB-7' })
    } finally {
      await linear.stop()
    }
  })

  it('when Linear fails twice, the job retries and ends with the issue id: one issue, the same id asked for each time', async () => {
    const linear = await startLinear(2)
    try {
      const { body } = await send({ type: 'idea', section: 'usage', message: 'A weekly usage email would help' })
      for (let round = 0; round < 5; round++) {
        await runJobsNow(payload)
        await skipBackoff(payload)
      }
      expect(linear.attempts()).toBeGreaterThanOrEqual(4)
      const issueIds = linear.received.map((request) => JSON.parse(request.body) as GraphqlCall).filter((call) => call.query.includes('issueCreate')).map((call) => call.variables.input.id)
      expect(new Set(issueIds).size).toBe(1)
      expect(graphqlCalls(linear, 'issueCreate')).toHaveLength(1)
      expect(await payload.findByID({ collection: 'customer-feedback', id: body.data.id, depth: 0 })).toMatchObject({ status: 'forwarded', linearIssueId: issueIds[0] })
    } finally {
      await linear.stop()
    }
  })

  it('without LINEAR_API_KEY it stays in /admin as "not forwarded"', async () => {
    const { body } = await send({ type: 'question', section: 'team', message: 'Can a viewer see invoices?' })
    await runJobsNow(payload)
    expect(await payload.findByID({ collection: 'customer-feedback', id: body.data.id, depth: 0 })).toMatchObject({ status: 'not_forwarded', linearIssueId: null })
  })

  it('bad input answers 422 with a message per field and stores nothing', async () => {
    const before = await payload.count({ collection: 'customer-feedback' })
    const empty = await send({ type: 'bug', section: 'billing', message: '   ' })
    expect(empty.status).toBe(422)
    expect(empty.body.error?.fields?.message).toMatch(/few words/)
    const unknown = await send({ type: 'rant', section: 'billing', message: 'x' })
    expect(unknown.status).toBe(422)
    expect(unknown.body.error?.fields?.type).toMatch(/what kind/)
    expect((await payload.count({ collection: 'customer-feedback' })).totalDocs).toBe(before.totalDocs)
  })

  it('customers cannot read or write feedback through Payload, even their own', async () => {
    const asCustomer = { ...org.members.owner, collection: 'users' as const }
    await expect(payload.find({ collection: 'customer-feedback', user: asCustomer, overrideAccess: false })).rejects.toThrow()
    await expect(payload.create({ collection: 'customer-feedback', data: { type: 'bug', section: 'x', message: 'y', user: org.members.owner.id, status: 'new' }, user: asCustomer, overrideAccess: false })).rejects.toThrow()
  })

  it('is limited per user: past the hourly budget, 429 with Retry-After', async () => {
    const user = org.members.viewer
    const results = []
    for (let index = 0; index < 11; index++) results.push(await send({ type: 'idea', section: 'account', message: `idea ${index}` }, user))
    expect(results.slice(0, 10).every((result) => result.status === 200)).toBe(true)
    expect(results[10]!.status).toBe(429)
    expect(Number(results[10]!.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})
