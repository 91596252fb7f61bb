import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Drogenrapport-Signature';
export const TIMESTAMP_HEADER = 'X-Drogenrapport-Timestamp';
export const DELIVERY_HEADER = 'X-Drogenrapport-Delivery';

/**
 * The signature an agency's receiver checks: `sha256=` + hex HMAC-SHA256(secret, timestamp + "." +
 * raw body). The timestamp (unix seconds) is signed too, so that a receiver can refuse old
 * replays (the same scheme as Stripe's and Slack's webhooks).
 */
export function signWebhook(secret: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (and the tests): constant-time comparison; optionally refuse timestamps older than `toleranceSeconds`. */
export function verifyWebhook(secret: string, timestamp: string | undefined, body: string, signature: string | undefined, opts: { toleranceSeconds?: number; now?: Date } = {}): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (opts.toleranceSeconds !== undefined && Math.abs((opts.now ?? new Date()).getTime() / 1000 - Number(timestamp)) > opts.toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
