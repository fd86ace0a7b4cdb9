/**
 * A Lexical document (what Payload's rich-text field stores) from plain blocks: a string is a
 * paragraph, an array of strings a bulleted list. For the demo seed and tests; staff write in /admin.
 */
export function helpArticleBody(blocks: (string | string[])[]) {
  const text = (value: string) => ({ type: 'text', text: value, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })
  const element = { format: '', indent: 0, version: 1, direction: 'ltr' as const }
  return {
    root: {
      type: 'root',
      ...element,
      children: blocks.map((block) =>
        typeof block === 'string'
          ? { type: 'paragraph', ...element, textFormat: 0, textStyle: '', children: [text(block)] }
          : { type: 'list', ...element, listType: 'bullet', start: 1, tag: 'ul', children: block.map((item, index) => ({ type: 'listitem', ...element, value: index + 1, children: [text(item)] })) },
      ),
    },
  }
}
