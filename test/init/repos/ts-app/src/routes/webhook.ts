import { env } from '../env';

export function verifyWebhook(signature: string): boolean {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  return env.stripeSecretKey !== undefined && signature === secret;
}
