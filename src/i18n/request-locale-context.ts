import { AsyncLocalStorage } from 'node:async_hooks'

import { type Locale, setAmbientLocale } from './t'

type Holder = { locale: Locale }
const storage = new AsyncLocalStorage<Holder>()
setAmbientLocale(() => storage.getStore()?.locale)

/**
 * Runs `work` so that `t()` without a locale formats in `locale`; `speak` changes it for the rest of
 * the work (a route knows the browser's language first and the person's profile only after the session).
 */
export function withMessageLocale<T>(locale: Locale, work: (speak: (locale: Locale) => void) => Promise<T>): Promise<T> {
  const holder: Holder = { locale }
  return storage.run(holder, () =>
    work((next) => {
      holder.locale = next
    }),
  )
}
