import type { Metadata } from 'next'

import { getRequestLocale } from '@/auth/request-locale'
import type { MessageKey } from '@/i18n/en'
import { t } from '@/i18n/t'

/**
 * A page's `generateMetadata`: its <title> in the request's language. A static `metadata` object
 * is built once at import, before any request, so it could only ever be English.
 * `getRequestLocale` is cached per request, so the page body reuses the same lookup.
 */
export const localizedTitle = (key: MessageKey, extra: Metadata = {}) => async (): Promise<Metadata> => ({ ...extra, title: t(key, {}, (await getRequestLocale()).locale) })
