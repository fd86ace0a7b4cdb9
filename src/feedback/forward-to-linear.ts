import { createHash } from 'node:crypto'

import { LinearClient } from '@linear/sdk'
import type { Payload } from 'payload'

import type { CustomerFeedback } from '../payload-types'
import { portalUrl } from '../lib/portal-url'
import { linearRouting, type LinearRouting } from './linear-routing'

const ISSUE_CREATE = `mutation FeedbackIssue($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { id identifier url } } }`
const ATTACHMENT_CREATE = `mutation FeedbackAttachment($input: AttachmentCreateInput!) { attachmentCreate(input: $input) { success attachment { id } } }`

/**
 * The issue's id, derived from the feedback record (UUID v4 shape, as Linear accepts it): a retried
 * job asks for the same issue, so Linear can't end up with two for one piece of feedback.
 */
export function linearIssueIdFor(feedbackId: number, adminUrl: string): string {
  const hex = createHash('sha256').update(`${adminUrl}/${feedbackId}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

const description = (feedback: CustomerFeedback, adminLink: string) =>
  [
    feedback.message,
    '',
    '---',
    `**Type:** ${feedback.type} · **Section:** ${feedback.section}`,
    feedback.context?.page ? `**Page:** ${feedback.context.page}` : null,
    feedback.context?.browser ? `**Browser:** ${feedback.context.browser}` : null,
    feedback.context?.plan ? `**Plan:** ${feedback.context.plan}` : null,
    feedback.context?.lastError ? `**Last error shown:** ${feedback.context.lastError}` : null,
    `**In the portal admin:** ${adminLink}`,
  ]
    .filter((line) => line !== null)
    .join('\n')

type IssueCreated = { issueCreate: { success: boolean; issue: { id: string; identifier: string; url: string } | null } }

/**
 * Files the feedback in Linear through @linear/sdk: the issue (team and label per type), then an
 * attachment linking back to the admin record — Linear's attachmentCreate is idempotent per URL. The
 * issue id is saved as soon as it exists, so a retry after a later failure only adds what's missing.
 * Without Linear configured the record is marked "not forwarded" and nothing is retried.
 */
export async function forwardToLinear(payload: Payload, feedbackId: number, routing: LinearRouting | null = linearRouting(process.env, portalUrl(''))): Promise<'forwarded' | 'not_forwarded'> {
  const feedback = await payload.findByID({ collection: 'customer-feedback', id: feedbackId, depth: 0, overrideAccess: true })
  if (!routing) {
    await payload.update({ collection: 'customer-feedback', id: feedbackId, data: { status: 'not_forwarded', forwardError: 'LINEAR_API_KEY is not set.' }, overrideAccess: true })
    return 'not_forwarded'
  }
  const client = new LinearClient({ apiKey: routing.apiKey, apiUrl: routing.apiUrl })
  const adminLink = `${routing.adminUrl}/${feedbackId}`
  let issueId = feedback.linearIssueId
  if (!issueId) {
    const labelId = routing.labelIds[feedback.type]
    const { data } = await client.client.rawRequest<IssueCreated, Record<string, unknown>>(ISSUE_CREATE, {
      input: { id: linearIssueIdFor(feedbackId, routing.adminUrl), teamId: routing.teamId, title: `[${feedback.type}] ${feedback.message.split('\n')[0]!.slice(0, 80)}`, description: description(feedback, adminLink), ...(labelId ? { labelIds: [labelId] } : {}) },
    })
    const issue = data?.issueCreate.issue
    if (!data?.issueCreate.success || !issue) throw new Error('Linear did not create the issue.')
    issueId = issue.id
    await payload.update({ collection: 'customer-feedback', id: feedbackId, data: { linearIssueId: issue.id, linearIssueUrl: issue.url }, overrideAccess: true })
  }
  await client.client.rawRequest(ATTACHMENT_CREATE, { input: { issueId, url: adminLink, title: 'Portico feedback record' } })
  await payload.update({ collection: 'customer-feedback', id: feedbackId, data: { status: 'forwarded', forwardError: null }, overrideAccess: true })
  return 'forwarded'
}
