import { formatDate, type FormatContext } from '../i18n/formatters'
import type { MessageKey } from '../i18n/en'
import { roleLabel } from '../i18n/role-label'
import { t } from '../i18n/t'
import type { PortalAudit } from '../payload-types'
import { type ActivityNames, asId, USER_FIELDS } from './activity-names'
import { changedFields } from './changed-fields'

type Doc = Record<string, unknown>

export type ActivityLine = { sentence: string; changes: string[] }

/** The field an action is about, when its sentence says "from … to …". */
const FOCUS: Partial<Record<string, string>> = {
  'organization.billing_email_changed': 'billingEmail',
  'member.role_changed': 'role',
  'member.invited': 'role',
  'member.joined': 'role',
  'ownership.transferred': 'ownerUser',
  'billing.payment_method_changed': 'paymentMethod',
  'billing.payment_method_updated': 'paymentMethod',
  'billing.plan_changed': 'plan',
  'account.email_changed': 'email',
  'organization.two_factor_requirement_changed': 'requireTwoFactor',
  'api_keys.max_lifetime_changed': 'apiKeyMaxLifetimeDays',
}

/** Bookkeeping nobody reading the timeline needs. */
const HIDDEN = new Set(['id', 'stripeId', 'stripeSyncedAt', 'stripeCustomerId', 'tokenHash', 'via', 'invitation', 'organization', 'newOwnerRole', 'previousOwnerRole'])
const DATE_FIELDS = new Set(['expiresAt', 'lastSentAt', 'revokedAt', 'acceptedAt', 'currentPeriodEnd', 'expiredAt'])
const ROLE_FIELDS = new Set(['role'])

const isDoc = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Billing rows store the aspect itself as `before` and `{ paymentMethod: … }` as `after`: wrap
 * `before` the same way so the card or plan compares with itself.
 */
function aligned(before: unknown, after: unknown): [Doc | null, Doc | null] {
  const [from, to] = [isDoc(before) ? before : null, isDoc(after) ? after : null]
  const keys = to ? Object.keys(to) : []
  if (from && to && keys.length === 1 && isDoc(to[keys[0]!]) && !(keys[0]! in from)) return [{ [keys[0]!]: from }, to]
  return [from, to]
}

type Context = { names: ActivityNames; format: FormatContext }

const userName = (value: unknown, { names, format }: Context) => {
  const id = asId(value)
  return id === null ? null : (names.users[id] ?? t('activity.someone', { id }, format.locale))
}

/** One value as the timeline writes it: a card as 'visa ••••4242', an id as a name, a date in the reader's format. */
export function valueText(field: string, value: unknown, context: Context): string {
  const { locale } = context.format
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—'
  if (USER_FIELDS.has(field)) return userName(value, context) ?? '—'
  if (ROLE_FIELDS.has(field)) return roleLabel(String(value), locale)
  if (typeof value === 'boolean') return t(value ? 'activity.value.yes' : 'activity.value.no', {}, locale)
  if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDate(value, context.format, 'dateTime')
  if (Array.isArray(value)) return value.map((item) => valueText(field, item, context)).join(', ')
  if (isDoc(value)) {
    if ('last4' in value) return value.last4 ? t('activity.value.card', { brand: String(value.brand ?? ''), last4: String(value.last4) }, locale) : '—'
    if ('productName' in value || 'priceId' in value) return String(value.productName ?? value.priceId ?? '—')
    if ('type' in value && 'value' in value) return `${String(value.value)} (${String(value.type).toUpperCase().replace(/_/g, ' ')})`
    if ('line1' in value || 'country' in value) return Object.values(value).filter((part) => part !== null && part !== '').join(', ') || '—'
    return Object.entries(value).map(([key, inner]) => `${fieldLabel(key, locale)}: ${valueText(key, inner, context)}`).join(', ')
  }
  return String(value)
}

const fieldLabel = (field: string, locale: FormatContext['locale']) => {
  const key = `activity.field.${field}` as MessageKey
  const label = t(key, {}, locale)
  return label === key ? field : label
}

/** field → [before, after] as plain words, one line per changed field (a tax ID's verification one per ID). */
function changeLines(before: Doc | null, after: Doc | null, skip: string | undefined, context: Context): string[] {
  const { locale } = context.format
  return Object.entries(changedFields(before, after)).flatMap(([field, [from, to]]) => {
    if (HIDDEN.has(field) || field === skip) return []
    if (field === 'verification' && (isDoc(from) || isDoc(to))) {
      const [old, now] = [isDoc(from) ? from : {}, isDoc(to) ? to : {}]
      return [...new Set([...Object.keys(old), ...Object.keys(now)])].map((taxId) =>
        t('activity.change', { field: t('activity.field.verificationOf', { taxId }, locale), from: String(old[taxId] ?? '—'), to: String(now[taxId] ?? '—') }, locale),
      )
    }
    return [t('activity.change', { field: fieldLabel(field, locale), from: valueText(field, from, context), to: valueText(field, to, context) }, locale)]
  })
}

/** Who did it, by name where the row has a customer; Stripe, support and the system said as such. */
function actorName(entry: PortalAudit, context: Context): string {
  const { locale } = context.format
  if (entry.actorKind === 'customer') return userName(entry.actorUser, context) ?? entry.actorLabel ?? t('activity.actor.someone', {}, locale)
  if (entry.actorKind === 'staff') return t('activity.actor.staff', {}, locale)
  if (entry.actorKind === 'stripe') return t('activity.actor.stripe', {}, locale)
  return t('activity.actor.system', {}, locale)
}

/** Whom or what the row is about: the person of a membership or account, an invitation's address, an API key's name. */
function subjectName(entry: PortalAudit, before: Doc | null, after: Doc | null, organizationName: string, context: Context): string {
  const id = asId(entry.entityId)
  const doc = { ...before, ...after }
  if (entry.entityType === 'memberships') return userName(doc.user ?? (id === null ? null : context.names.memberships[id]), context) ?? t('activity.actor.someone', {}, context.format.locale)
  if (entry.entityType === 'users') return userName(id, context) ?? String(doc.email ?? doc.name ?? '—')
  if (entry.entityType === 'invitations') return String(doc.email ?? '—')
  if (entry.entityType === 'api-keys') return String(doc.name ?? '—')
  if (entry.entityType === 'organizations') return organizationName
  return entry.entityId ?? '—'
}

/** An audit row as a sentence from the catalog ("Olivia changed the billing email from a@x to b@x") and what else changed. */
export function describeActivity(entry: PortalAudit, { names, format, organizationName }: { names: ActivityNames; format: FormatContext; organizationName: string }): ActivityLine {
  const context = { names, format }
  const [before, after] = aligned(entry.before, entry.after)
  const focus = FOCUS[entry.action]
  const vars = {
    actor: actorName(entry, context),
    subject: subjectName(entry, before, after, organizationName, context),
    from: focus ? valueText(focus, before?.[focus], context) : '—',
    to: focus ? valueText(focus, after?.[focus], context) : '—',
  }
  const key = `activity.sentence.${entry.action}` as MessageKey
  const sentence = t(key, vars, format.locale)
  return {
    sentence: sentence === key ? t('activity.sentence.other', { ...vars, action: entry.action }, format.locale) : sentence,
    changes: changeLines(before, after, focus, context),
  }
}

/** Whether the catalog has a sentence for `action` in `locale` (the test that every action has one). */
export const hasSentence = (action: string, locale: FormatContext['locale']) => t(`activity.sentence.${action}` as MessageKey, {}, locale) !== `activity.sentence.${action}`
