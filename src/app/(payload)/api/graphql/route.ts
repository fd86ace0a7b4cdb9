import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { guardPayloadGraphql } from '@/lib/api/guard-payload-rest'

export const POST = guardPayloadGraphql(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
