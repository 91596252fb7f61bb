import { describe, expect, it } from '@jest/globals';
import { checkWebhookUrl } from './agency-webhooks.service.js';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

describe('webhook address', () => {
  it('takes https anywhere and plain http only to this machine', () => {
    expect(checkWebhookUrl('https://chat.example.de/hooks/abc')).toBe('https://chat.example.de/hooks/abc');
    expect(checkWebhookUrl(' http://localhost:8080/hook ')).toBe('http://localhost:8080/hook');
    expect(checkWebhookUrl('http://127.0.0.1:9000/x')).toBe('http://127.0.0.1:9000/x');
    expect(checkWebhookUrl('http://[::1]:9000/x')).toBe('http://[::1]:9000/x');
    for (const bad of ['http://chat.example.de/hook', 'ftp://chat.example.de/hook', 'javascript:alert(1)']) {
      expect(() => checkWebhookUrl(bad)).toThrow(expect.objectContaining({ status: 400, code: 'WEBHOOK_URL_INSECURE', field: 'url' }));
    }
    expect(() => checkWebhookUrl('not a url')).toThrow(expect.objectContaining({ code: 'WEBHOOK_URL_INVALID' }));
    expect(() => checkWebhookUrl('https://user:pw@chat.example.de/')).toThrow(expect.objectContaining({ code: 'WEBHOOK_URL_INVALID' }));
  });

  it('allows plain http elsewhere only when asked (NODE_ENV=test)', () => {
    expect(checkWebhookUrl('http://chat.example.de/hook', true)).toBe('http://chat.example.de/hook');
  });
});

describe('webhook signature', () => {
  const secret = 'a'.repeat(64);
  const body = JSON.stringify({ id: 'x', title: 'Ä' });
  it('is sha256=<hex HMAC(secret, timestamp.body)> and verifies only with the same secret, timestamp and body', () => {
    const sig = signWebhook(secret, 1765000000, body);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, '1765000000', body, sig)).toBe(true);
    expect(verifyWebhook('b'.repeat(64), '1765000000', body, sig)).toBe(false);
    expect(verifyWebhook(secret, '1765000001', body, sig)).toBe(false);
    expect(verifyWebhook(secret, '1765000000', `${body} `, sig)).toBe(false);
    expect(verifyWebhook(secret, '1765000000', body, sig, { toleranceSeconds: 300, now: new Date(1765000000_000 + 301_000) })).toBe(false);
    expect(verifyWebhook(secret, '1765000000', body, sig, { toleranceSeconds: 300, now: new Date(1765000000_000 + 299_000) })).toBe(true);
  });
});
