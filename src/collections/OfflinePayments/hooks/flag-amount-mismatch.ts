import type { CollectionBeforeChangeHook } from 'payload'

/**
 * An amount that isn't the amount due (a part payment, bank fees taken off) is kept and flagged
 * for staff, never refused. Set here rather than by the route, so no writer can store a record
 * whose flag disagrees with its amounts.
 */
export const flagAmountMismatch: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const amount = data.amount ?? originalDoc?.amount
  const amountDue = data.amountDue ?? originalDoc?.amountDue
  if (typeof amount === 'number' && typeof amountDue === 'number') data.amountMismatch = amount !== amountDue
  return data
}
