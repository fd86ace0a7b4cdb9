type LexicalNode = { type?: string; text?: unknown; children?: unknown }

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listitem', 'quote', 'list', 'linebreak', 'tab'])

function collect(node: unknown, out: string[]) {
  if (!node || typeof node !== 'object') return
  const { type, text, children } = node as LexicalNode
  if (typeof text === 'string') out.push(text)
  if (Array.isArray(children)) for (const child of children) collect(child, out)
  // Words either side of a paragraph break must not run together in the search index.
  if (type && BLOCK_TYPES.has(type)) out.push(' ')
}

/**
 * The words of a Lexical document (the `root` Payload stores), for the full-text search column:
 * PostgreSQL indexes this text rather than the JSON, whose keys and escapes would be noise.
 */
export function lexicalPlainText(value: unknown): string {
  const root = value && typeof value === 'object' ? (value as { root?: unknown }).root : undefined
  const out: string[] = []
  collect(root, out)
  return out.join('').replace(/\s+/g, ' ').trim()
}
