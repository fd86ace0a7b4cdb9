import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Payload, Where } from 'payload'

import { parseRecordId } from '../lib/api/record-id'
import { toSummary, type HelpArticleDetail } from './help-article-view'

/**
 * A published article by id or slug, its body rendered to HTML here on the server (Payload's own
 * Lexical converter escapes text and sanitises link URLs). Drafts and unknown keys are null alike,
 * so a draft's existence doesn't leak.
 */
export async function findPublishedArticle(payload: Payload, key: string): Promise<HelpArticleDetail | null> {
  const id = /^\d+$/.test(key) ? parseRecordId(key) : null
  const match: Where = id !== null ? { id: { equals: id } } : { slug: { equals: key } }
  const { docs } = await payload.find({
    collection: 'help-articles',
    where: { and: [match, { _status: { equals: 'published' } }] },
    draft: false,
    depth: 0,
    limit: 1,
    // Customers never read the collection (staff only); this reads what is published, for them.
    overrideAccess: true,
  })
  const doc = docs[0]
  if (!doc) return null
  return { ...toSummary(doc), html: convertLexicalToHTML({ data: doc.body as unknown as SerializedEditorState, disableContainer: true }), lastReviewedAt: doc.lastReviewedAt ?? null }
}
