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
 * The web interface (apps/web, served from /): scripts, styles and fonts only from this origin, no
 * inline script or style element (Vite emits none; Leaflet and React set styles through the DOM,
 * which CSP does not govern), images from here, data: images (KERN UX draws its icons as CSS masks
 * of inline SVG; an image never runs script) and, when MAP_TILE_URL is set, the tile host.
 * Fetches go to this origin only.
 */
function webCsp(tileOrigin?: string): string {
  return [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "font-src 'self'", `img-src 'self' data:${tileOrigin ? ` ${tileOrigin}` : ''}`,
    "connect-src 'self'", "manifest-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; ');
}

function csp(url: string, tileOrigin?: string): string {
  if (url.startsWith('/api/docs')) return CSP_DOCS;
  if (!url.startsWith('/') || url.startsWith('/api') || url.startsWith('/health')) return CSP_API;
  return webCsp(tileOrigin);
}

/**
 * The headers every answer carries, including those the router or the HTTP parser give before
 * any hook ran (see api-app.factory.ts): one list, so that no path forgets one. The few distinct
 * sets are made once (they are sent with every answer).
 */
export function securityHeaders(url: string, tileOrigin?: string): Readonly<Record<string, string>> {
  const policy = csp(url, tileOrigin);
  const api = url.startsWith('/api/v1/');
  const key = `${api ? 1 : 0}${policy}`;
  let headers = HEADER_SETS.get(key);
  if (!headers) {
    headers = Object.freeze({ ...SECURITY_HEADERS, 'content-security-policy': policy, ...(api ? { 'cache-control': 'no-store' } : {}) });
    HEADER_SETS.set(key, headers);
  }
  return headers;
}

/** The header sets by kind of address and policy: a handful (API, docs, web, per tile origin). */
const HEADER_SETS = new Map<string, Readonly<Record<string, string>>>();
