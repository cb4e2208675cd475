import { writeFile } from 'node:fs/promises';
import { resolveSecret } from '../secrets/resolver.js';

export async function billingLink(customer: string): Promise<string> {
  const stripeKey = await resolveSecret('StripeSecretKey');
  const url = new URL('https://billing.example.com/portal');
  url.searchParams.set('key', stripeKey);
  url.searchParams.set('customer', customer);
  return url.toString();
}

export async function debugDump(): Promise<void> {
  const stripeKey = await resolveSecret('StripeSecretKey');
  await writeFile('billing-debug.json', JSON.stringify({ stripeKey, at: Date.now() }));
}

export function dynamicLookup(name: string): string | undefined {
  return process.env[name];
}

export const slackToken = process.env.SLACK_BOT_TOKEN;
