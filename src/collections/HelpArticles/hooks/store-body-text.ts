import type { CollectionBeforeChangeHook } from 'payload'

import { lexicalPlainText } from '../../../help/lexical-plain-text'

/** Keeps `bodyText` (what the search index reads, weighted below title and keywords) in step with the rich text. */
export const storeBodyText: CollectionBeforeChangeHook = ({ data }) => {
  if (data && 'body' in data) data.bodyText = lexicalPlainText(data.body)
  return data
}
