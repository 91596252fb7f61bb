const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'geolocation=(), camera=(), microphone=()',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};
// Swagger UI needs inline scripts and styles; everything else gets the strict policy.
const CSP_API = "default-src 'none'; frame-ancestors 'none'";
const CSP_DOCS = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

/**
 * The headers every answer carries, including those the router or the HTTP parser give before
 * any hook ran (see api-app.factory.ts): one list, so that no path forgets one.
 */
export function securityHeaders(url: string): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    'content-security-policy': url.startsWith('/api/docs') ? CSP_DOCS : CSP_API,
    ...(url.startsWith('/api/v1/') ? { 'cache-control': 'no-store' } : {}),
  };
}
