import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

/**
 * Checks a password with Payload's own login (its hashing, its lock-out after repeated failures)
 * inside a transaction that is then rolled back, so the check leaves no session behind. A wrong
 * password still counts toward the account lock: Payload records failed attempts outside it.
 */
export async function verifyPassword(payload: Payload, email: string, password: string): Promise<boolean> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    await payload.login({ collection: 'users', data: { email, password }, req })
    return true
  } catch {
    return false
  } finally {
    await killTransaction(req)
  }
}
