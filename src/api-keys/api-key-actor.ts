import type { AuditActor } from '../audit/actor'

/** Who is changing the organization's keys, and the request details the audit row keeps. */
export type ApiKeyActor = { userId: number; organizationId: number; audit: AuditActor }

export const apiKeyActor = (user: { id: number }, organizationId: number, audit: AuditActor): ApiKeyActor => ({ userId: user.id, organizationId, audit })
