import { answerVerifyRequest } from '@/api-keys/answer-verify-request'

/** POST /api/keys/verify — the product's per-request check of an API key (server token, not a session). */
export const POST = answerVerifyRequest
