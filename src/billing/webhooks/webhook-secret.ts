/** Webhooks arrived but the portal has no signing secret to check them with. */
export class WebhookSecretMissing extends Error {
  constructor() {
    super('STRIPE_WEBHOOK_SECRET is not set: the portal refuses webhooks it cannot verify. Set the endpoint’s signing secret (npm start sets one for the local emulator).')
    this.name = 'WebhookSecretMissing'
  }
}

/**
 * The secret Stripe signs webhooks with. It must be configured, with real Stripe and the emulator
 * alike (`npm start` writes a random one for the emulator under .data/): there is no built-in
 * fallback a stranger could read in the source and sign with.
 */
export function webhookSecret(env: Record<string, string | undefined> = process.env): string {
  const secret = env.STRIPE_WEBHOOK_SECRET?.trim()
  if (!secret) throw new WebhookSecretMissing()
  return secret
}
