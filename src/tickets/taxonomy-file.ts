import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { PORTAL_SCREENS, UNCLASSIFIED, type Taxonomy } from './taxonomy'

const reasonSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids are lower-case letters, digits, - and _'),
  label: z.string().min(1),
  portalScreen: z.enum(PORTAL_SCREENS),
  keywords: z.array(z.string().min(1)).default([]),
  patterns: z.array(z.string().min(1)).default([]),
  examples: z.array(z.string().min(1)).default([]),
  helpdeskTags: z.array(z.string().min(1)).default([]),
})

const taxonomySchema = z
  .object({ reasons: z.array(reasonSchema).min(2), outOfScopeExamples: z.array(z.string().min(1)).default([]) })
  .superRefine((taxonomy, context) => {
    const seen = new Set<string>()
    taxonomy.reasons.forEach((reason, index) => {
      if (reason.id === UNCLASSIFIED) context.addIssue({ code: 'custom', path: ['reasons', index, 'id'], message: `"${UNCLASSIFIED}" is reserved` })
      if (seen.has(reason.id)) context.addIssue({ code: 'custom', path: ['reasons', index, 'id'], message: `duplicate id "${reason.id}"` })
      seen.add(reason.id)
      reason.patterns.forEach((pattern, patternIndex) => {
        try {
          new RegExp(pattern, 'i')
        } catch (error) {
          context.addIssue({ code: 'custom', path: ['reasons', index, 'patterns', patternIndex], message: (error as Error).message })
        }
      })
    })
  })

/** Reads a custom taxonomy (same shape as DEFAULT_TAXONOMY, as JSON); errors name the offending path. */
export async function readTaxonomy(path: string): Promise<Taxonomy> {
  const parsed = taxonomySchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`${path} is not a valid taxonomy:\n  ${problems.join('\n  ')}`)
  }
  return parsed.data
}
