import type { AppConfig } from '#config/app-config.js';

/** A path into the product (message.link, e.g. /measures/<id>) as an absolute URL under PUBLIC_URL (which may carry a path). */
export function absoluteLink(config: Pick<AppConfig, 'PUBLIC_URL'>, link: string): string {
  const base = config.PUBLIC_URL.replace(/\/+$/, '');
  if (!link) return `${base}/`;
  return `${base}${link.startsWith('/') ? '' : '/'}${link}`;
}

/** The right-hand side of our Message-IDs: PUBLIC_URL's host name, when it is a plain domain or IPv4 address. */
export function messageIdDomain(config: Pick<AppConfig, 'PUBLIC_URL'>): string {
  const host = new URL(config.PUBLIC_URL).hostname;
  return /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(host) ? host : 'drogenrapport.invalid';
}
