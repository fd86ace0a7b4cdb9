/** "Created at", "created_at" and " CREATED  AT" all name the same column. */
export function normalizeHeaderName(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_]+/g, ' ')
}

export class HeaderIndex {
  private readonly positions = new Map<string, number>()

  constructor(readonly header: readonly string[]) {
    header.forEach((name, position) => {
      const normalized = normalizeHeaderName(name)
      if (!this.positions.has(normalized)) this.positions.set(normalized, position)
    })
  }

  has(name: string): boolean {
    return this.positions.has(normalizeHeaderName(name))
  }

  /** Position of the first alias present, or -1. */
  find(aliases: readonly string[]): number {
    for (const alias of aliases) {
      const position = this.positions.get(normalizeHeaderName(alias))
      if (position !== undefined) return position
    }
    return -1
  }
}

/** A required column is missing: the whole file cannot be read in this format. */
export class FormatError extends Error {}
