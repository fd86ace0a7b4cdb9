import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

/**
 * Runs `work` in one database transaction. Every Local API call inside must pass the given `req`
 * so it joins the transaction; anything thrown rolls all of it back.
 */
export async function withTransaction<T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
  base: Partial<PayloadRequest> = {},
): Promise<T> {
  const req = await createLocalReq({ user: base.user ?? undefined, context: base.context }, payload)
  const ownsTransaction = await initTransaction(req)
  try {
    const result = await work(req)
    if (ownsTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
