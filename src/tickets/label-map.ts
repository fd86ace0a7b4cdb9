import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { UNCLASSIFIED } from './taxonomy'

/**
 * A mapping from a dataset's labels onto taxonomy reasons (e.g.
 * mappings/bitext-to-taxonomy.json); null marks a label with no counterpart, which is
 * then expected to come out `unclassified`.
 */
const labelMapSchema = z.object({ description: z.string().optional(), labels: z.record(z.string(), z.string().nullable()) })

export type LabelMap = ReadonlyMap<string, string>

export async function readLabelMap(path: string): Promise<LabelMap> {
  const file = labelMapSchema.parse(JSON.parse(await readFile(path, 'utf8')))
  return new Map(Object.entries(file.labels).map(([from, to]) => [from, to ?? UNCLASSIFIED]))
}

/** Maps every label; a label the map does not mention is an error (a silent pass-through would skew scores). */
export function applyLabelMap(labels: readonly string[], map: LabelMap): string[] {
  const unmapped = [...new Set(labels.filter((label) => !map.has(label)))]
  if (unmapped.length > 0) throw new Error(`label map has no entry for ${unmapped.map((l) => `"${l}"`).join(', ')}`)
  return labels.map((label) => map.get(label)!)
}
