/**
 * Intl formatters made once per locale and options. Constructing one costs tens of microseconds
 * (it loads and resolves the locale's CLDR data); formatting with a made one costs well under one.
 * A usage answer or a long table formats hundreds of values, so they are reused for the process.
 * The keys come from a small set (languages × zones × a few styles), bounded here all the same.
 */
const MAX_FORMATS = 2_000

function memo<F>(make: (locale: string, options: object) => F) {
  const made = new Map<string, F>()
  return (locale: string, options: object = {}): F => {
    const key = `${locale}\u0000${JSON.stringify(options)}`
    let format = made.get(key)
    if (!format) {
      if (made.size >= MAX_FORMATS) made.clear()
      format = make(locale, options)
      made.set(key, format)
    }
    return format
  }
}

export const numberFormat: (locale: string, options?: Intl.NumberFormatOptions) => Intl.NumberFormat = memo((locale, options) => new Intl.NumberFormat(locale, options))
export const dateTimeFormat: (locale: string, options?: Intl.DateTimeFormatOptions) => Intl.DateTimeFormat = memo((locale, options) => new Intl.DateTimeFormat(locale, options))
