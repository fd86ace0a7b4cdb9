import type { CollectionConfig } from 'payload'

import { staffOnly } from '../../access/staff-only'
import { HELP_SECTIONS } from '../../help/help-sections'
import { normaliseRoutes } from './hooks/normalise-routes'
import { storeBodyText } from './hooks/store-body-text'

/**
 * The help drawer's articles, written by support staff here without a deploy. Customers never
 * read this collection through Payload's REST (staff only): the portal's /api/help routes serve
 * published articles alone (src/help). Drafts and versions keep an edit private until it is
 * published; a draft save leaves the published row as it was, so the drawer keeps showing it.
 */
export const HelpArticles: CollectionConfig = {
  slug: 'help-articles',
  labels: { singular: 'Help article', plural: 'Help articles' },
  admin: {
    group: 'Support',
    useAsTitle: 'title',
    defaultColumns: ['title', 'section', 'order', '_status', 'lastReviewedAt', 'updatedAt'],
    description: 'Shown in the portal’s Help drawer: on the screens its routes match first, then in its section. Publish to show it; drafts stay here.',
    components: { beforeList: ['/src/components/help/admin/HelpDeflectionReport#HelpDeflectionReport'] },
  },
  defaultSort: 'section',
  versions: { drafts: true, maxPerDoc: 25 },
  access: { read: staffOnly, create: staffOnly, update: staffOnly, delete: staffOnly, readVersions: staffOnly },
  hooks: { beforeChange: [storeBodyText, normaliseRoutes] },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 140 },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 100,
      admin: { position: 'sidebar', description: 'Lower-case words and hyphens; links use it (…?help=<slug>).' },
      validate: (value: unknown) => (typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) || 'Use lower-case letters, digits and single hyphens, e.g. change-the-card-on-file.',
    },
    { name: 'section', type: 'select', required: true, options: HELP_SECTIONS.map((section) => ({ label: section, value: section })), admin: { position: 'sidebar' } },
    { name: 'order', type: 'number', defaultValue: 0, admin: { position: 'sidebar', description: 'Lower first within a screen.' } },
    { name: 'body', type: 'richText', required: true },
    { name: 'keywords', type: 'text', maxLength: 500, admin: { description: 'Words customers search with that the title doesn’t use, comma-separated (e.g. "credit card, payment method").' } },
    { name: 'lastReviewedAt', type: 'date', admin: { position: 'sidebar', description: 'When someone last checked it still matches the product.' } },
    {
      name: 'routes',
      type: 'array',
      labels: { singular: 'Route', plural: 'Routes' },
      admin: { description: 'Screens it is suggested on, before its section’s other articles: /account/billing, /account/* (one segment), /account/team/** (any below).' },
      fields: [{ name: 'pattern', type: 'text', required: true, maxLength: 200 }],
    },
    // Filled from the body by a hook; the search index reads it.
    { name: 'bodyText', type: 'textarea', admin: { hidden: true } },
  ],
}
